/**
 * One change, seen everywhere at once: a clip made by clicking in one tab shows up, without a
 * reload, in an extension page that is already open and in another tab showing the same page. The
 * extension pages and tabs are told by the background's pushes (nothing in the extension polls).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserName, type ExtensionBrowser, launch, type Tab, waitFor } from './driver';
import { findFigure, highlightViaPopup, listedClips } from './page-actions';

const BROWSERS = (process.env.ZB_E2E_BROWSERS ?? 'chromium,firefox').split(',').filter(Boolean) as BrowserName[];
const base = inject('baseUrl');
const titles = inject('corpusTitles');

describe.each(BROWSERS)('%s: a clip made in one tab', (name) => {
  let browser: ExtensionBrowser;
  let first: Tab;
  let second: Tab;
  let popup: Tab;

  beforeAll(async () => {
    browser = await launch(name);
    first = await browser.openTab(`${base}/corpus/004.html`);
    await highlightViaPopup(browser, first, titles['004']);
    second = await browser.openTab(`${base}/corpus/004.html?from=list`);
    await highlightViaPopup(browser, second, titles['004']);
    // An extension page opened before the clip is made, and never reloaded.
    popup = await browser.openPopup();
    await waitFor(popup, () => !!document.querySelector('[data-testid="all-clips"]'), null, { what: 'the all-clips section' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('appears in the open popup and as clipped in the other tab, without a reload', async () => {
    expect(await listedClips(popup, 'all-clips')).toEqual([]);
    const [figure] = await findFigure(first, '結案率98%', '98%');
    expect(figure, 'the figure 98% is highlighted in the first tab').toBeTruthy();
    await first.bringToFront();
    await first.click(`zb-mark[data-zb-id="${figure.id}"]`);

    const listed = await waitFor(popup, () => document.querySelectorAll('[data-testid="all-clips"] [data-testid="clip-item"]').length, null, {
      timeout: 5000,
      what: 'the new clip listed by the popup that was already open',
    });
    expect(listed).toBe(1);
    const [clip] = await listedClips(popup, 'all-clips');
    expect(clip.figure ?? '').toContain('98');

    await waitFor(
      second,
      () => {
        const paragraph = Array.from(document.querySelectorAll('p')).find((p) => (p.textContent ?? '').includes('結案率98%'));
        const mark = paragraph && Array.from(paragraph.querySelectorAll('zb-mark')).find((m) => m.textContent === '98%');
        return mark?.getAttribute('data-clipped') === 'true';
      },
      null,
      { timeout: 5000, what: 'the same figure shown as clipped in the second tab (same page, another query)' },
    );
  });
});
