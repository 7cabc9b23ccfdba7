/**
 * Clip a selection (摘录为指标) in real Chromium and Firefox, on a plain page the extension does not
 * take for a policy page and does not highlight: a bare number under a table's unit caption, which
 * the extractor does not read (the clip takes the caption's unit), and a sentence without any
 * number. Each becomes a manual clip that is stored with the selected text and the value read
 * from it, drawn as clipped, and drawn again after a reload.
 *
 * How the menu is invoked: neither driver can click a native context menu (CDP and WebDriver BiDi
 * reach the page, not the browser's menus), and neither can fire contextMenus.onClicked. So an
 * extension page (the popup, opened as a tab) asks the background for `tab.clipSelection`, whose
 * handler calls the menu's own onClicked handler (onClipSelectionClicked in
 * lib/background/clip-selection.ts) with the click the browser would pass: menu item
 * zb-clip-selection, frame 0, the page's tab. From there everything is what the menu does: the
 * background sends `page.clipSelection` to the tab, the content script reads the page's selection.
 * Without a user gesture the browser refuses to open the side panel, so the handler opens the panel
 * as a tab on the new clip (sidepanel.html?tabId=N&clip=ID), which the test reads too.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserName, type ExtensionBrowser, launch, type Tab, waitFor } from './driver';
import { askFromPopup, extensionFigures, tabIdOf } from './page-actions';

const BROWSERS = (process.env.ZB_E2E_BROWSERS ?? 'chromium,firefox').split(',').filter(Boolean) as BrowserName[];
const base = inject('baseUrl');

interface StoredClip {
  id: string;
  url: string;
  source?: string;
  sentence: string;
  indicator: { text: string; value?: number; unit: string; dimension: string };
  anchor: { exact: string };
}

/** Selects the whole text of the element `selector` in the page, as a reader's drag would. */
function selectIn(page: Tab, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel)!;
    const range = document.createRange();
    range.selectNodeContents(el);
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  }, selector);
}

/** The text under each range of the page's `zb-clipped` highlight. */
function clippedTexts(page: Tab): Promise<string[]> {
  return page.evaluate(() => {
    const reg = (globalThis as unknown as { CSS: { highlights?: Map<string, Set<AbstractRange>> } }).CSS.highlights;
    return Array.from(reg?.get('zb-clipped') ?? []).map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  }, null);
}

describe.each(BROWSERS)('%s: clip a selection the extractor does not read', (name) => {
  let browser: ExtensionBrowser;
  let page: Tab;
  let popup: Tab;
  let tabId: number;
  const url = `${base}/pages/manual.html`;

  beforeAll(async () => {
    browser = await launch(name);
    page = await browser.openTab(url);
    popup = await browser.openPopup();
    tabId = await pageTabId();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The page's tab, once its content script answers (it does after looking at the page). */
  async function pageTabId(): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await tabIdOf(popup, url);
      } catch (e) {
        if (attempt > 40) throw e;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  /** Runs the menu's click handler on the page's tab (see the file's comment), and the panel tab it opens. */
  async function menuClick(): Promise<{ result: { clipped: number; manualId?: string }; panel: Tab }> {
    let result: { clipped: number; manualId?: string } | undefined;
    const panel = await browser.nextTab(async () => {
      result = await askFromPopup(popup, 'tab.clipSelection', { tabId, frameId: 0 });
    }, '[data-testid="manual-clip"]');
    return { result: result!, panel };
  }

  async function storedClip(id: string): Promise<StoredClip | undefined> {
    const { clips } = await askFromPopup<{ clips: StoredClip[] }>(popup, 'clips.list', { page: url, limit: 100 });
    return clips.find((c) => c.id === id);
  }

  it('the background made the selection menu item (an update of a missing item fails)', async () => {
    const found = await popup.evaluate(async () => {
      type Menus = { contextMenus: { update(id: string, props: object): Promise<void> | void } };
      const g = globalThis as unknown as { browser?: Menus; chrome: Menus };
      const menus = (g.browser ?? g.chrome).contextMenus;
      const check = async (id: string) => {
        try {
          await menus.update(id, { contexts: ['selection'] });
          return true;
        } catch {
          return false;
        }
      };
      return { ours: await check('zb-clip-selection'), missing: await check('zb-no-such-item') };
    }, null);
    expect(found).toEqual({ ours: true, missing: false });
  });

  it('the page is neither taken for a policy page nor highlighted', async () => {
    const status = await askFromPopup<{ isPolicy: boolean; highlighted: boolean }>(popup, 'tab.status', { tabId });
    expect(status).toMatchObject({ isPolicy: false, highlighted: false });
  });

  it('a bare number under a unit caption becomes a manual clip, drawn as clipped, and again after a reload', async () => {
    expect(await selectIn(page, '#bare')).toBe('245.6');
    const { result, panel } = await menuClick();
    expect(result.clipped).toBe(1);
    expect(result.manualId).toMatch(/^c_/);
    const clip = await storedClip(result.manualId!);
    // The number as selected, in the unit its table's caption states (单位：亿元).
    expect(clip).toMatchObject({
      source: 'manual',
      url,
      indicator: { text: '245.6', value: 24_560_000_000, unit: '元', dimension: 'money' },
      anchor: { exact: '245.6' },
    });
    // The panel opened on that clip, for the reader to complete or correct.
    const shown = await panel.evaluate(() => {
      const card = document.querySelector('[data-testid="manual-clip"]');
      const field = (id: string) => card?.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)?.value;
      return { value: field('edit-value'), unit: field('edit-unit') };
    }, null);
    expect(shown).toEqual({ value: '24560000000', unit: '元' });
    await panel.close();

    expect(await clippedTexts(page)).toContain('245.6');
    await page.evaluate(() => getSelection()?.removeAllRanges(), null);
    await page.reload();
    const after = await waitFor(
      page,
      () => {
        const reg = (globalThis as unknown as { CSS: { highlights?: Map<string, Set<AbstractRange>> } }).CSS.highlights;
        const ranges = Array.from(reg?.get('zb-clipped') ?? []);
        return ranges.length > 0 && ranges.map((r) => `${(r.startContainer as Text).data?.slice(r.startOffset, r.endOffset)}`);
      },
      null,
      { what: 'the manual clip drawn as zb-clipped after the reload' },
    );
    expect(after).toContain('245.6');
    expect(await clippedTexts(page)).toEqual(['245.6']);
    // After the reload the side panel's table of the page lists it as a row of its own (tab.figures, as the panel asks).
    const table = await extensionFigures(browser, url);
    expect(table.figures.filter((row) => row.clipIds.length > 0).map((row) => [row.indicator.text, row.clipIds])).toEqual([['245.6', [result.manualId]]]);
  });

  it('a sentence without a number becomes a clip with its text and no value', async () => {
    tabId = await pageTabId(); // the same tab, its page reloaded
    const selected = await selectIn(page, '#plain');
    const { result, panel } = await menuClick();
    await panel.close();
    const clip = await storedClip(result.manualId!);
    expect(clip?.indicator.text).toBe(selected.trim());
    expect(clip?.indicator).not.toHaveProperty('value');
    expect(clip?.source).toBe('manual');
    const texts = await clippedTexts(page);
    expect(texts.sort()).toEqual(['245.6', selected.trim()].sort());
  });
});
