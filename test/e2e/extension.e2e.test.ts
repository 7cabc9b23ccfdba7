/**
 * The built extension in real Chromium and real Firefox, driven as a user would: pages from the
 * corpus and hand-written pages, highlights in the page (CSS.highlights), the popup opened as a tab.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserName, type ExtensionBrowser, launch, type Tab, waitFor } from './driver';
import { EXPECTED_FIGURES, sameValue } from './expected-figures';
import {
  clickFigure,
  clickInPopup,
  exportFromPopup,
  extensionFigures,
  figuresIn,
  findFigure,
  type Figure,
  highlightCounts,
  highlightViaPopup,
  listedClips,
  openPopupFor,
  parseCsv,
  waitClipped,
  waitForStableHighlights,
} from './page-actions';

const BROWSERS = (process.env.ZB_E2E_BROWSERS ?? 'chromium,firefox').split(',').filter(Boolean) as BrowserName[];
const base = inject('baseUrl');
const titles = inject('corpusTitles');

const verdictOf = (popup: Tab) => popup.evaluate(() => document.querySelector('[data-testid="verdict"]')?.getAttribute('data-policy') ?? null, null);

/** The one figure written as `span` in the paragraph holding `snippet`; fails clearly otherwise. */
async function theFigure(tab: Tab, snippet: string, span: string): Promise<Figure> {
  const found = await findFigure(tab, snippet, span);
  expect(
    found.map((f) => f.text),
    `highlighted figures "${span}" in the paragraph of "${snippet}"`,
  ).toHaveLength(1);
  expect(found[0].drawn, 'drawn in exactly one role highlight').toBe(1);
  return found[0];
}

/** What the extension read for the figure written as `span` in a sentence containing `snippet` (or the only one so written). */
async function readingOf(browser: ExtensionBrowser, tab: Tab, snippet: string, span: string) {
  const { figures } = await extensionFigures(browser, tab.url());
  const bare = (s: string) => s.replace(/\s+/g, '');
  const same = figures.filter((f) => bare(f.indicator.text) === bare(span));
  const inSentence = same.filter((f) => bare(f.sentence).includes(bare(snippet)) || bare(snippet).includes(bare(f.sentence)));
  const found = inSentence.length === 1 ? inSentence : same;
  expect(
    found.map((f) => f.indicator.text),
    `figures "${span}" the extension lists`,
  ).toHaveLength(1);
  return found[0].indicator;
}

/** Opens the popup for a page and waits until its page-clips section has been filled. */
async function popupClips(browser: ExtensionBrowser, title: string) {
  const popup = await openPopupFor(browser, title);
  await waitFor(popup, () => !!document.querySelector('[data-testid="page-clips"]'), null, { what: 'the page-clips section' });
  await new Promise((r) => setTimeout(r, 300)); // the list is read from the store after the section appears
  return { popup, clips: await listedClips(popup, 'page-clips') };
}

function csvOf(bytes: Uint8Array): string[][] {
  return parseCsv(new TextDecoder('utf-8').decode(bytes.subarray(3))).filter((row) => row.some((cell) => cell !== ''));
}

describe.each(BROWSERS)('%s with the built extension', (name) => {
  let browser: ExtensionBrowser;
  let started = 0;
  const corpusTabs = new Map<string, Promise<Tab>>();
  const highlighted = new Map<string, Promise<number>>();

  /** A corpus page, opened once for this browser. */
  const corpusTab = (id: string) => {
    if (!corpusTabs.has(id)) corpusTabs.set(id, browser.openTab(`${base}/corpus/${id}.html`));
    return corpusTabs.get(id)!;
  };
  /** A corpus page highlighted through the popup (whatever its verdict), once. */
  const highlightedCorpusTab = async (id: string) => {
    const tab = await corpusTab(id);
    if (!highlighted.has(id)) highlighted.set(id, highlightViaPopup(browser, tab, titles[id]));
    await highlighted.get(id);
    return tab;
  };

  beforeAll(async () => {
    started = Date.now();
    browser = await launch(name);
  });
  afterAll(async () => {
    await browser?.close();
    console.log(`[e2e] ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  describe('a policy page from the corpus', () => {
    it('is detected as one: the popup says so and lists its reasons', async () => {
      await corpusTab('003');
      const popup = await openPopupFor(browser, titles['003']);
      expect(await verdictOf(popup)).toBe('true');
      const reasons = await popup.evaluate(
        () => Array.from(document.querySelectorAll('[data-testid="reasons"] li')).map((li) => (li.textContent ?? '').trim()),
        null,
      );
      expect(reasons.length).toBeGreaterThan(0);
      expect(reasons.filter((r) => r === '')).toEqual([]);
      await popup.close();
    });

    it('is highlighted by itself, and the popup counts what is highlighted', async () => {
      const page = await corpusTab('003');
      await page.bringToFront();
      const figures = await waitForStableHighlights(page);
      const popup = await openPopupFor(browser, titles['003']);
      const count = await waitFor(popup, () => document.querySelector('[data-testid="indicator-count"]')?.textContent?.match(/\d+/)?.[0], null, {
        what: 'a number in indicator-count',
      });
      expect(Number(count)).toBe(figures);
      await popup.close();
    });

    it.each(EXPECTED_FIGURES)('highlights $span on page $page as $value $unit, $role ($gold)', async (expected) => {
      const page = await highlightedCorpusTab(expected.page);
      const figure = await theFigure(page, expected.snippet, expected.span);
      const reading = await readingOf(browser, page, expected.snippet, expected.span);
      const value = String(reading.value);
      expect({ value, unit: reading.unit, role: figure.role, listedRole: reading.role }).toEqual({
        value: sameValue(value, expected.value) ? value : String(expected.value),
        unit: expected.unit,
        role: expected.role,
        listedRole: expected.role,
      });
    });

    afterAll(async () => {
      for (const tab of corpusTabs.values()) await (await tab.catch(() => null))?.close().catch(() => {});
      corpusTabs.clear();
      highlighted.clear();
    });
  });

  describe("the page's own text", () => {
    let page: Tab;
    beforeAll(async () => {
      page = await browser.openTab(`${base}/corpus/000.html?snapshot=1`);
      await highlightViaPopup(browser, page, titles['000']);
    });
    afterAll(() => page?.close());

    const pageState = () =>
      page.evaluate(() => {
        const w = window as { __zbOriginalText?: string; __zbOriginalHtml?: string; __zbMutations?: string[] };
        return {
          text: document.body.innerText,
          html: document.body.innerHTML,
          beforeText: w.__zbOriginalText,
          beforeHtml: w.__zbOriginalHtml,
          mutations: w.__zbMutations,
        };
      }, null);

    it('is unchanged while highlighted: same text, same DOM, not one mutation', async () => {
      expect((await highlightCounts(page)).figures).toBeGreaterThan(0);
      const state = await pageState();
      expect(state.beforeText).toBeTruthy();
      expect(state.text === state.beforeText, 'document.body.innerText equals the text before the extension ran').toBe(true);
      expect(state.html === state.beforeHtml, 'the serialized DOM of the body equals the one before the extension ran').toBe(true);
      expect(state.mutations, 'mutations a page observer saw in the body').toEqual([]);
    });

    it('is restored exactly, with no highlight left, after remove-highlights', async () => {
      const popup = await openPopupFor(browser, titles['000']);
      await clickInPopup(popup, 'remove-highlights');
      await popup.close();
      await waitFor(
        page,
        () =>
          ['zb-target', 'zb-actual', 'zb-unknown', 'zb-clipped', 'zb-focus'].every(
            (n) => !(globalThis as unknown as { CSS: { highlights: Map<string, unknown> } }).CSS.highlights.has(n),
          ),
        null,
        { what: 'no zb-* highlight left in CSS.highlights' },
      );
      const state = await pageState();
      expect(state.text === state.beforeText, 'document.body.innerText equals the text before the extension ran').toBe(true);
      expect(state.html === state.beforeHtml, 'the serialized DOM of the body equals the one before the extension ran').toBe(true);
      expect(state.mutations).toEqual([]);
    });
  });

  describe('clipping a figure', () => {
    const title = () => titles['004'];
    const snippet = '結案率98%';
    let page: Tab;
    let figure: Figure;
    let popup: Tab | undefined;
    beforeAll(async () => {
      page = await browser.openTab(`${base}/corpus/004.html`);
      await highlightViaPopup(browser, page, title());
    });
    afterAll(async () => {
      await popup?.close().catch(() => {});
      await page?.close();
    });

    it('takes one click on the highlight, which shows as clipped at once', async () => {
      figure = await theFigure(page, snippet, '98%');
      expect(figure.clipped).toBe(false);
      await clickFigure(page, figure);
      await waitClipped(page, figure, true, 1500);
    });

    it('is listed by the popup among the clips of the page', async () => {
      ({ popup } = await popupClips(browser, title()));
      const clips = await listedClips(popup, 'page-clips');
      expect(clips).toHaveLength(1);
      expect(clips[0].figure ?? '').toContain('98');
      expect(clips[0].url).toBe(page.url().replace(/#.*$/, ''));
    });

    it('is exported from the popup as CSV with a UTF-8 BOM, one row per clip', async () => {
      const bytes = await exportFromPopup(popup!, 'export-page');
      expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = csvOf(bytes);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toHaveLength(header.length);
      expect(rows[0].some((cell) => cell.includes('98'))).toBe(true);
      expect(rows[0].some((cell) => /結案率|结案率/.test(cell))).toBe(true);
      await popup!.close();
      popup = undefined;
    });

    it('is un-clipped by a second click and the popup no longer lists it', async () => {
      await page.bringToFront();
      await clickFigure(page, figure);
      await waitClipped(page, figure, false, 1500);
      const listed = await popupClips(browser, title());
      popup = listed.popup;
      expect(listed.clips).toEqual([]);
      await popup.close();
      popup = undefined;
    });

    it('shows as clipped again after the page is reloaded', async () => {
      await page.bringToFront();
      await clickFigure(page, figure);
      await waitClipped(page, figure, true, 1500);
      await new Promise((r) => setTimeout(r, 500)); // let the store write land before the page goes
      await page.reload();
      await highlightViaPopup(browser, page, title());
      const again = await theFigure(page, snippet, '98%');
      expect(again.clipped).toBe(true);
    });
  });

  it('neutralises a CSV cell that would start with = (a spreadsheet formula)', async () => {
    const page = await browser.openTab(`${base}/pages/formula.html`);
    const title = '关于全县重点项目投资完成情况的通报';
    await highlightViaPopup(browser, page, title);
    const figure = await theFigure(page, 'HYPERLINK', '50万元');
    await clickFigure(page, figure);
    await waitClipped(page, figure, true, 1500);
    const { popup, clips } = await popupClips(browser, title);
    expect(clips).toHaveLength(1);
    const cells = csvOf(await exportFromPopup(popup, 'export-page')).flat();
    const formulaCells = cells.filter((c) => c.includes('HYPERLINK'));
    expect(formulaCells.length).toBeGreaterThan(0);
    expect(formulaCells.filter((c) => !c.startsWith("'="))).toEqual([]);
    expect(cells.filter((c) => c.startsWith('='))).toEqual([]);
    await popup.close();
    await page.close();
  });

  it.each([
    ['news', '城市马拉松周日开跑 三万名跑者齐聚滨江'],
    ['shop', '夏季新品特惠 - 优选商城'],
  ])('%s page: not a policy page, nothing highlighted until the user clicks highlight-page', async (file, title) => {
    const page = await browser.openTab(`${base}/pages/${file}.html`);
    const popup = await openPopupFor(browser, title);
    expect(await verdictOf(popup)).toBe('false');
    await new Promise((r) => setTimeout(r, 1000));
    expect((await highlightCounts(page)).figures).toBe(0);
    await clickInPopup(popup, 'highlight-page');
    await popup.close();
    await page.bringToFront();
    expect(await waitForStableHighlights(page, { timeout: 15_000 })).toBeGreaterThan(0);
    await page.close();
  });

  it('highlights figures that the page adds after it has loaded', async () => {
    const page = await browser.openTab(`${base}/pages/dynamic.html?manual=1`);
    await highlightViaPopup(browser, page, '区政府工作动态:全区重点项目建设进展情况');
    expect(await page.evaluate(() => document.getElementById('appended') === null, null)).toBe(true);
    await page.evaluate(() => (window as { zbAppendUpdate?: () => void }).zbAppendUpdate?.(), null);
    await waitFor(
      page,
      () => {
        const p = document.getElementById('appended');
        const reg = (globalThis as unknown as { CSS: { highlights: Map<string, Set<AbstractRange>> } }).CSS.highlights;
        return !!p && ['zb-target', 'zb-actual', 'zb-unknown'].some((n) => Array.from(reg.get(n) ?? []).some((r) => p.contains(r.startContainer)));
      },
      null,
      { what: 'a highlight in the appended paragraph' },
    );
    await theFigure(page, '造林面积2.4万亩', '2.4万亩');
    const reading = await readingOf(browser, page, '造林面积2.4万亩', '2.4万亩');
    expect([sameValue(String(reading.value), 24000), reading.unit]).toEqual([true, '亩']);
    await page.close();
  });

  describe('figures split across elements, and figures in a table', () => {
    let page: Tab;
    beforeAll(async () => {
      page = await browser.openTab(`${base}/pages/split.html`);
      await highlightViaPopup(browser, page, '2023年全县农业农村工作总结');
    });
    afterAll(() => page?.close());

    it.each([
      { snippet: '自来水普及率', span: '98%', value: 98, unit: '%' },
      { snippet: '高标准农田', span: '3.86万亩', value: 38600, unit: '亩' },
      { snippet: '12.5万吨', span: '12.5万吨', value: 125000, unit: '吨' },
      { snippet: '18650元', span: '18650元', value: 18650, unit: '元' },
    ])('$span is one figure (one range, across elements where it is split) of $value $unit', async (expected) => {
      await theFigure(page, expected.snippet, expected.span);
      const reading = await readingOf(browser, page, expected.snippet, expected.span);
      expect([sameValue(String(reading.value), expected.value), reading.unit]).toEqual([true, expected.unit]);
    });

    it('leaves out text the page hides by CSS inside a paragraph, and reads the rest of it', async () => {
      // (A hidden span's text is part of the paragraph's textContent: the walk must still leave it out.)
      const figures = await figuresIn(page, '完成造林面积');
      expect(figures?.map((f) => f.text)).toEqual(['2.1万亩']);
      const reading = await readingOf(browser, page, '完成造林面积', '2.1万亩');
      expect([sameValue(String(reading.value), 21000), reading.unit]).toEqual([true, '亩']);
    });

    it("keeps the page's own elements around split figures", async () => {
      expect(await page.evaluate(() => [document.querySelector('#p-water b')?.textContent, document.querySelector('#p-base span')?.textContent], null)).toEqual(
        ['98', '3.86'],
      );
    });
  });
});
