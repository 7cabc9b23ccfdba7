/**
 * The Highlight API contract in real Chromium and Firefox: clicks that respect links and
 * selections, the keyboard commands, and pages that change under the highlights (a React-style
 * page that keeps node references and re-renders with insertBefore, a Vue-style page that replaces
 * textContent, a figure updated in place), watched by a MutationObserver the page installed first.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserName, type ExtensionBrowser, launch, type Tab, waitFor } from './driver';
import {
  clickFigure,
  extensionFigures,
  figuresIn,
  findFigure,
  type Figure,
  highlightCounts,
  highlightViaPopup,
  listedClips,
  openPopupFor,
  waitClipped,
} from './page-actions';

const BROWSERS = (process.env.ZB_E2E_BROWSERS ?? 'chromium,firefox').split(',').filter(Boolean) as BrowserName[];
const base = inject('baseUrl');

async function only(tab: Tab, snippet: string, span: string): Promise<Figure> {
  const found = await findFigure(tab, snippet, span);
  expect(
    found.map((f) => f.text),
    `figure "${span}" near "${snippet}"`,
  ).toHaveLength(1);
  return found[0];
}

async function storedClips(browser: ExtensionBrowser, title: string) {
  const popup = await openPopupFor(browser, title);
  await waitFor(popup, () => !!document.querySelector('[data-testid="page-clips"]'), null, { what: 'the page-clips section' });
  await new Promise((r) => setTimeout(r, 300));
  const clips = await listedClips(popup, 'page-clips');
  await popup.close();
  return clips;
}

describe.each(BROWSERS)('%s: highlights that never touch the page', (name) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch(name);
  });
  afterAll(() => browser?.close());

  describe('clicks', () => {
    const title = '县政府关于2024年重点工作完成情况的报告';
    let page: Tab;
    beforeAll(async () => {
      page = await browser.openTab(`${base}/pages/links.html`);
      await highlightViaPopup(browser, page, title);
    });
    afterAll(() => page?.close());

    it('a click on a figure inside a link follows the link and clips nothing', async () => {
      const figure = await only(page, '全县完成投资', '48.6亿元');
      await clickFigure(page, figure);
      await waitFor(page, () => location.hash === '#followed', null, { what: 'the link followed (#followed)' });
      await new Promise((r) => setTimeout(r, 800));
      expect((await only(page, '全县完成投资', '48.6亿元')).clipped).toBe(false);
      expect(await storedClips(browser, title)).toEqual([]);
    });

    it('a click on a figure in an element with role=button does what the page does and clips nothing', async () => {
      const figure = await only(page, '新增岗位', '800个');
      await clickFigure(page, figure);
      await waitFor(page, () => (window as { __zbButtonClicks?: number }).__zbButtonClicks === 1, null, { what: "the page's button handler" });
      await new Promise((r) => setTimeout(r, 800));
      expect((await only(page, '新增岗位', '800个')).clipped).toBe(false);
    });

    it('Alt+click on the figure inside the link clips it', async () => {
      await page.evaluate(() => history.replaceState(null, '', location.pathname), null);
      const figure = await only(page, '全县完成投资', '48.6亿元');
      await clickFigure(page, figure, { alt: true });
      await waitClipped(page, figure, true);
      const clips = await storedClips(browser, title);
      expect(clips.map((c) => c.figure ?? '').join()).toContain('48.6');
      await page.bringToFront();
    });

    it('a double click on a figure selects it and clips nothing', async () => {
      const figure = await only(page, '粮食总产量', '52万吨');
      await clickFigure(page, figure, { count: 2 });
      const selected = await page.evaluate(() => (getSelection()?.toString() ?? '').trim(), null);
      expect(selected).not.toBe('');
      await new Promise((r) => setTimeout(r, 800));
      expect((await only(page, '粮食总产量', '52万吨')).clipped).toBe(false);
      expect((await storedClips(browser, title)).map((c) => c.figure ?? '').join()).not.toContain('52');
      await page.bringToFront();
    });

    it('a plain click on a figure clips it, a second click unclips it', async () => {
      await page.evaluate(() => getSelection()?.removeAllRanges(), null);
      const figure = await only(page, '城镇新增就业', '4200人');
      await clickFigure(page, figure);
      await waitClipped(page, figure, true);
      await clickFigure(page, figure);
      await waitClipped(page, figure, false);
    });

    it('shows a tooltip in a closed shadow root outside the body, on hover', async () => {
      const figure = await only(page, '同比增长', '6.5%');
      const html = await page.evaluate(() => document.body.innerHTML, null);
      await clickFigure(page, figure); // moves the pointer onto it (and clips it)
      await waitClipped(page, figure, true);
      const host = await waitFor(
        page,
        () => {
          const el = document.documentElement.lastElementChild;
          return el && el.tagName === 'ZB-UI'
            ? { shadowVisible: el.shadowRoot !== null, inBody: document.body.contains(el), attrs: el.getAttributeNames() }
            : null;
        },
        null,
        { what: 'the zb-ui host after <body>' },
      );
      expect(host).toEqual({ shadowVisible: false, inBody: false, attrs: [] });
      expect(await page.evaluate(() => document.body.innerHTML, null)).toBe(html);
    });
  });

  describe('keyboard commands', () => {
    const title = '县政府关于2024年重点工作完成情况的报告';
    it('move the focus across figures in document order and clip the focused one', async () => {
      const page = await browser.openTab(`${base}/pages/links.html?keys`);
      await highlightViaPopup(browser, page, title);
      const how = await browser.command('next-figure', page);
      const focusedText = async () => ((await figuresIn(page)) ?? []).filter((f) => f.focused).map((f) => f.text);
      await waitFor(
        page,
        () => (globalThis as unknown as { CSS: { highlights: Map<string, Set<unknown>> } }).CSS.highlights.get('zb-focus')?.size === 1,
        null,
        {
          what: `zb-focus set by the next-figure command (${how})`,
        },
      );
      const first = await focusedText();
      await browser.command('next-figure', page);
      await waitFor(
        page,
        (first) => {
          const r = Array.from((globalThis as unknown as { CSS: { highlights: Map<string, Set<AbstractRange>> } }).CSS.highlights.get('zb-focus') ?? [])[0];
          if (!r) return false;
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString() !== first[0];
        },
        first,
        { what: 'the focus moved to another figure' },
      );
      const second = await focusedText();
      await browser.command('previous-figure', page);
      await new Promise((r) => setTimeout(r, 500));
      expect(await focusedText()).toEqual(first);
      // Clips made on links.html by the tests before are this page's too (same page, another query).
      const clippedBefore = new Set((await extensionFigures(browser, page.url())).figures.filter((f) => f.clipIds.length > 0).map((f) => f.indicator.text));
      await browser.command('toggle-clip', page);
      await new Promise((r) => setTimeout(r, 800));
      const focused = ((await figuresIn(page)) ?? []).find((f) => f.focused)!;
      expect(focused.clipped, `the focused figure ${focused.text} is clipped (command sent as ${how})`).toBe(true);
      const rows = await extensionFigures(browser, page.url());
      expect(rows.figures.filter((f) => f.clipIds.length > 0 && !clippedBefore.has(f.indicator.text)).map((f) => f.indicator.text)).toEqual(first);
      expect(second).not.toEqual(first);
      console.log(`[e2e] ${name}: keyboard commands sent as ${how}`);
      await page.close();
    });
  });

  describe('a page that updates itself', () => {
    const title = '全市经济运行实时监测:重点项目投资完成情况';
    let page: Tab;
    beforeAll(async () => {
      page = await browser.openTab(`${base}/pages/live.html`);
      await highlightViaPopup(browser, page, title);
    });
    afterAll(() => page?.close());

    it('keeps rendering correctly for 5 s while highlighted, with no page error', async () => {
      const ticksBefore = await page.evaluate(() => (window as { __zbTicks?: number }).__zbTicks ?? 0, null);
      await new Promise((r) => setTimeout(r, 5000));
      const state = await page.evaluate(() => {
        const w = window as { __zbTicks?: number; __zbWrong?: number; __zbErrors?: string[] };
        return { ticks: w.__zbTicks ?? 0, wrong: w.__zbWrong, errors: w.__zbErrors };
      }, null);
      expect(state.ticks - ticksBefore).toBeGreaterThan(20);
      expect(state).toMatchObject({ wrong: 0, errors: [] });
      expect((await highlightCounts(page)).figures).toBeGreaterThan(3);
    });

    it('sees zero mutations caused by the extension', async () => {
      const mutations = await page.evaluate(
        () => (window as { __zbMutations?: { type: string; pageOwned: boolean; attr: string | null; target: string }[] }).__zbMutations ?? [],
        null,
      );
      expect(mutations.length, 'the page did change its own nodes').toBeGreaterThan(0);
      expect(mutations.filter((m) => !m.pageOwned || m.type === 'attributes')).toEqual([]);
    });

    it('highlights the figure the page updated as its new value', async () => {
      await waitFor(page, () => document.getElementById('total')?.textContent === '3002', null);
      const found = await waitFor(
        page,
        () => {
          const reg = (globalThis as unknown as { CSS: { highlights: Map<string, Set<AbstractRange>> } }).CSS.highlights;
          const texts = ['zb-target', 'zb-actual', 'zb-unknown'].flatMap((n) =>
            Array.from(reg.get(n) ?? []).map((r) => {
              const range = document.createRange();
              range.setStart(r.startContainer, r.startOffset);
              range.setEnd(r.endContainer, r.endOffset);
              return range.toString();
            }),
          );
          return texts.some((t) => t.includes('3002')) ? texts : null;
        },
        null,
        { what: '3002亿元 drawn', timeout: 8000 },
      );
      expect(found.filter((t) => t.includes('3001'))).toEqual([]);
    });

    it('does not grow: the figures drawn stay as many as the page shows', async () => {
      const a = (await highlightCounts(page)).figures;
      await new Promise((r) => setTimeout(r, 3000));
      const b = (await highlightCounts(page)).figures;
      expect(Math.abs(b - a)).toBeLessThanOrEqual(2);
      const rows = await extensionFigures(browser, page.url());
      expect(rows.figures.length).toBeLessThanOrEqual(b + 2);
    });
  });
});
