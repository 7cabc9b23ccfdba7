/**
 * Pages whose article sits in a frame, in real Chromium and Firefox: a same-origin iframe (an
 * excerpt of a corpus speech, as old government CMSs serve it) and a `srcdoc` iframe. The frame's
 * figures are drawn in the frame's own CSS.highlights, a trusted click in the frame clips the
 * figure, the popup counts the frame's figures and clips, the side panel's table lists them (each
 * with its frame) and a row's focus goes to that frame; the pages' content is unchanged. A frame of
 * another origin (a second server's port) gets a content script of its own, which reads and draws
 * its page on its own; the top page's status does not count it.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserName, type ExtensionBrowser, launch, type Tab, waitFor } from './driver';
import { askFromPopup, extensionFigures, extensionStatus, openPopupFor, tabIdOf } from './page-actions';
import { startServer } from './server';

const BROWSERS = (process.env.ZB_E2E_BROWSERS ?? 'chromium,firefox').split(',').filter(Boolean) as BrowserName[];
const base = inject('baseUrl');

interface FrameFigure {
  text: string;
  clipped: boolean;
}

/** The figures drawn in the frame's own highlight registry (read from the top page's world, same origin). */
function frameFigures(tab: Tab, selector = '#article'): Promise<{ figures: FrameFigure[]; focus: string[]; topDrawn: number } | null> {
  return tab.evaluate((selector) => {
    type Registry = Map<string, Set<AbstractRange>>;
    const frame = document.querySelector<HTMLIFrameElement>(selector);
    const win = frame?.contentWindow as (Window & { CSS: { highlights?: Registry } }) | null;
    const doc = frame?.contentDocument;
    const reg = win?.CSS.highlights;
    if (!doc || !reg) return null;
    const live = (r: AbstractRange) => {
      const x = doc.createRange();
      x.setStart(r.startContainer, r.startOffset);
      x.setEnd(r.endContainer, r.endOffset);
      return x;
    };
    const clipped = Array.from(reg.get('zb-clipped') ?? []).map(live);
    const overlaps = (a: Range, b: Range) => a.compareBoundaryPoints(Range.START_TO_END, b) > 0 && a.compareBoundaryPoints(Range.END_TO_START, b) < 0;
    const figures = ['zb-target', 'zb-actual', 'zb-unknown'].flatMap((name) =>
      Array.from(reg.get(name) ?? []).map((r) => {
        const range = live(r);
        return { text: range.toString(), clipped: clipped.some((c) => overlaps(c, range)) };
      }),
    );
    const top = (globalThis as unknown as { CSS: { highlights?: Registry } }).CSS.highlights;
    const topDrawn = ['zb-target', 'zb-actual', 'zb-unknown'].reduce((n, name) => n + (top?.get(name)?.size ?? 0), 0);
    return { figures, focus: Array.from(reg.get('zb-focus') ?? []).map((r) => live(r).toString()), topDrawn };
  }, selector);
}

/** The viewport point (of the top page) in the middle of the frame's figure written `text`, scrolled into view. */
function pointInFrame(tab: Tab, text: string, selector = '#article'): Promise<{ x: number; y: number } | null> {
  return tab.evaluate(
    ({ text, selector }) => {
      const frame = document.querySelector<HTMLIFrameElement>(selector)!;
      const win = frame.contentWindow as Window & { CSS: { highlights: Map<string, Set<AbstractRange>> } };
      const doc = frame.contentDocument!;
      for (const name of ['zb-target', 'zb-actual', 'zb-unknown']) {
        for (const r of win.CSS.highlights.get(name) ?? []) {
          const range = doc.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          if (range.toString() !== text) continue;
          frame.scrollIntoView({ block: 'start' });
          (r.startContainer.parentElement ?? doc.body).scrollIntoView({ block: 'center' });
          const inner = range.getClientRects()[0];
          const outer = frame.getBoundingClientRect();
          return { x: outer.left + frame.clientLeft + inner.left + inner.width / 2, y: outer.top + frame.clientTop + inner.top + inner.height / 2 };
        }
      }
      return null;
    },
    { text, selector },
  );
}

async function stableFrameFigures(tab: Tab): Promise<FrameFigure[]> {
  let last = -1;
  return waitFor(
    tab,
    (selector) => {
      const frame = document.querySelector<HTMLIFrameElement>(selector);
      const reg = (frame?.contentWindow as unknown as { CSS: { highlights?: Map<string, Set<unknown>> } } | null)?.CSS.highlights;
      return ['zb-target', 'zb-actual', 'zb-unknown'].reduce((n, name) => n + (reg?.get(name)?.size ?? 0), 0);
    },
    '#article',
    { what: 'figures drawn in the frame', timeout: 30_000 },
  ).then(async function settle(count): Promise<FrameFigure[]> {
    if (count === last) return (await frameFigures(tab))!.figures;
    last = count;
    await new Promise((r) => setTimeout(r, 800));
    const again = await frameFigures(tab);
    return settle(again?.figures.length ?? 0);
  });
}

/** The UI's way to a tab: a ui->background message from the popup page (as the side panel sends it). */
async function ask<R>(browser: ExtensionBrowser, type: string, payload: (tabId: number) => unknown, url: string): Promise<R> {
  const popup = await browser.openPopup();
  try {
    const tabId = await tabIdOf(popup, url);
    return await askFromPopup<R>(popup, type, payload(tabId));
  } finally {
    await popup.close().catch(() => {});
  }
}

/** The popup on the page: its figure count, and highlighting switched on if the page was not a policy page on its own. */
async function popupCount(browser: ExtensionBrowser, title: string, highlight = false): Promise<{ count: string | null; clipped: string | null }> {
  const popup = await openPopupFor(browser, title);
  try {
    if (highlight && (await popup.evaluate(() => !!document.querySelector('[data-testid="highlight-page"]'), null))) {
      await popup.click('[data-testid="highlight-page"]');
      await waitFor(popup, () => !!document.querySelector('[data-testid="remove-highlights"]'), null, { what: 'remove-highlights offered' });
    }
    await new Promise((r) => setTimeout(r, 300));
    return await popup.evaluate(
      () => ({
        count: document.querySelector('[data-testid="indicator-count"]')?.textContent ?? null,
        clipped: document.querySelector('.clipped-count')?.textContent ?? null,
      }),
      null,
    );
  } finally {
    await popup.close().catch(() => {});
  }
}

describe.each(BROWSERS)('%s: articles in frames', (name) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch(name);
  });
  afterAll(() => browser?.close());

  for (const { kind, path, title } of [
    { kind: 'a same-origin iframe', path: '/pages/framed-report.html', title: '框架页面一:正文在同源框架中的门户' },
    { kind: 'a srcdoc iframe', path: '/pages/srcdoc-report.html', title: '框架页面二:正文写在srcdoc框架中的门户' },
  ]) {
    it(`reads, highlights and clips the article in ${kind}; the popup and panel count the frame's figures`, async () => {
      const url = `${base}${path}`;
      const page = await browser.openTab(url);
      await popupCount(browser, title, true);
      await page.bringToFront();
      const figures = await stableFrameFigures(page);
      expect(figures.length).toBeGreaterThan(10);
      expect(figures.map((f) => f.text)).toEqual(expect.arrayContaining(['1294.9万元', '100%']));
      expect((await frameFigures(page))!.topDrawn, 'nothing drawn in the top page').toBe(0);

      // The popup and the panel's table see the frame's figures, each with its frame.
      const status = await extensionStatus(browser, url);
      expect(status.indicatorCount).toBe(figures.length);
      await page.bringToFront();
      const table = await extensionFigures(browser, url);
      expect(table.figures.map((f) => f.indicator.text).sort()).toEqual(figures.map((f) => f.text).sort());
      const rows = table.figures as unknown as { key: string; frameId?: number; indicator: { text: string } }[];
      expect(rows.every((r) => (r.frameId ?? 0) > 0 && r.key.startsWith(`${r.frameId}:`))).toBe(true);

      // A trusted click in the frame clips the figure there.
      await page.bringToFront();
      const point = await pointInFrame(page, '1294.9万元');
      expect(point).toBeTruthy();
      await page.mouse(point!.x, point!.y);
      await waitFor(
        page,
        (selector) => {
          const frame = document.querySelector<HTMLIFrameElement>(selector)!;
          const reg = (frame.contentWindow as unknown as { CSS: { highlights: Map<string, Set<unknown>> } }).CSS.highlights;
          return (reg.get('zb-clipped')?.size ?? 0) > 0;
        },
        '#article',
        { what: 'the clicked figure drawn as clipped in the frame' },
      );
      expect((await frameFigures(page))!.figures.filter((f) => f.clipped).map((f) => f.text)).toEqual(['1294.9万元']);
      const counted = await popupCount(browser, title);
      expect(counted.count).toBe(String(figures.length));
      expect(counted.clipped).toMatch(/\b1\b/);

      // The panel's row focus goes to the frame that holds the figure.
      const row = rows.find((r) => r.indicator.text === '100%')!;
      await ask(browser, 'tab.focus', (tabId) => ({ tabId, key: row.key }), url);
      await page.bringToFront();
      const focus = await waitFor(
        page,
        (sel) => {
          const frame = document.querySelector<HTMLIFrameElement>(sel)!;
          const reg = (frame.contentWindow as unknown as { CSS: { highlights: Map<string, Set<AbstractRange>> } }).CSS.highlights;
          const ranges = Array.from(reg.get('zb-focus') ?? []);
          return ranges.length
            ? ranges.map((r) => {
                const x = frame.contentDocument!.createRange();
                x.setStart(r.startContainer, r.startOffset);
                x.setEnd(r.endContainer, r.endOffset);
                return x.toString();
              })
            : null;
        },
        '#article',
        { what: 'the focused figure in the frame' },
      );
      expect(focus).toEqual(['100%']);

      // The clip belongs to the frame's page: its own address, or the top page's for a srcdoc frame.
      const clipPage = kind === 'a srcdoc iframe' ? url : `${base}/pages/frame-article.html`;
      const listed = await ask<{ clips: { url: string; indicator: { text: string } }[] }>(browser, 'clips.list', () => ({ page: clipPage, limit: 10 }), url);
      expect(listed.clips.map((c) => [c.url, c.indicator.text])).toEqual([[clipPage, '1294.9万元']]);

      // The frame's page is as it was parsed, and its own script still works.
      await page.bringToFront();
      const frameState = await page.evaluate(() => {
        const win = document.querySelector<HTMLIFrameElement>('#article')!.contentWindow as unknown as {
          document: Document;
          __zbOriginalHtml: string;
          __zbPing(): number;
        };
        return { same: win.document.body.innerHTML === win.__zbOriginalHtml, paragraphs: win.__zbPing() };
      }, null);
      expect(frameState.same, "the frame's body is as parsed").toBe(true);
      expect(frameState.paragraphs).toBeGreaterThan(5);
      await page.close();
    });
  }

  it('runs a content script of its own in a cross-origin frame, which is read on its own and not counted as the top page', async () => {
    // A second fixture server on another port: another origin than the page's.
    const other = await startServer();
    const url = `${base}/pages/framed-cross-origin.html?from=${encodeURIComponent(other.url)}`;
    const page = await browser.openTab(url);
    type Drawn = { figures: number; clipped: number } | null;
    const ask = () => page.evaluate(() => (window as unknown as { __zbAskFrame(): Promise<Drawn> }).__zbAskFrame(), null);
    // The frame's own page is a work report: its own content script detects it and draws its figures.
    let drawn: Drawn = null;
    for (let i = 0; i < 20 && !(drawn && drawn.figures > 10); i++) {
      drawn = await ask();
      if (!(drawn && drawn.figures > 10)) await new Promise((r) => setTimeout(r, 500));
    }
    expect(drawn?.figures, 'figures drawn in the cross-origin frame by its own content script').toBeGreaterThan(10);
    // The top page is another site's: its status holds its own figures (none), not the frame's.
    const status = await extensionStatus(browser, url);
    expect(status.indicatorCount).toBe(0);
    const topState = await page.evaluate(() => document.querySelectorAll('iframe').length === 1 && document.body.querySelectorAll('*').length, null);
    expect(topState, 'the top page gained no element').toBe(5);
    await page.close();
    await other.close();
  });
});
