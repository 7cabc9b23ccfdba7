/**
 * Data tables in real Chromium and Firefox: on a bulletin-style page (统计公报 with a unit column, a
 * 2024年目标 column and a 增长% column) every numeric cell is highlighted in the highlight of its
 * role, and the extension reports it with its value, unit and the label of its row; one cell is
 * clipped by a click and shows as clipped again after a reload. On a page laid out with <table>,
 * the layout table adds no figure: only the sentences of its paragraphs are read.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserName, type ExtensionBrowser, launch, type Tab } from './driver';
import { clickFigure, extensionFigures, figuresIn, highlightViaPopup, openPopupFor, ROLE_HIGHLIGHTS, waitClipped, listedClips } from './page-actions';

const BROWSERS = (process.env.ZB_E2E_BROWSERS ?? 'chromium,firefox').split(',').filter(Boolean) as BrowserName[];
const base = inject('baseUrl');

/** [row header, text in the cell, role drawn, value, unit, label] of every numeric cell of 表1. */
const EXPECTED: [string, string, string, number, string, string][] = [
  ['地区生产总值', '245.6', 'actual', 24560000000, '元', '2023年地区生产总值'],
  ['地区生产总值', '262', 'target', 26200000000, '元', '2024年地区生产总值'],
  ['地区生产总值', '6.5', 'target', 6.5, '%', '2024年地区生产总值'],
  ['其中：第二产业增加值', '98.4', 'actual', 9840000000, '元', '2023年第二产业增加值'],
  ['其中：第二产业增加值', '4.1', 'target', 4.1, '%', '2024年第二产业增加值'],
  ['一般公共预算收入', '183,500', 'actual', 1835000000, '元', '2023年一般公共预算收入'],
  ['一般公共预算收入', '190,000', 'target', 1900000000, '元', '2024年一般公共预算收入'],
  ['一般公共预算收入', '3.5', 'target', 3.5, '%', '2024年一般公共预算收入'],
  ['粮食产量', '32.1', 'actual', 321000, '吨', '2023年粮食产量'],
  ['粮食产量', '32.5', 'target', 325000, '吨', '2024年粮食产量'],
  ['粮食产量', '1.2', 'target', 1.2, '%', '2024年粮食产量'],
  ['城镇新增就业', '5600', 'actual', 5600, '人', '2023年城镇新增就业'],
  ['城镇新增就业', '6000', 'target', 6000, '人', '2024年城镇新增就业'],
  ['城镇登记失业率', '3.2', 'actual', 3.2, '%', '2023年城镇登记失业率'],
  ['城镇登记失业率', '3.5', 'target', 3.5, '%', '2024年城镇登记失业率'],
  ['城镇登记失业率', '−0.3', 'target', -0.3, '%', '2024年城镇登记失业率'],
];

interface Drawn {
  /** Row header of the cell the highlight is in, or null outside a table cell. */
  row: string | null;
  /** Index of that cell in its row. */
  col: number;
  /** The whole text of the cell. */
  cellText: string;
  text: string;
  role: string;
  /** Tag of the nearest paragraph-like element. */
  inside: string;
}

/** Every range of the role highlights, with the table cell (or element) it is drawn in, in document order. Reads only. */
function drawn(tab: Tab): Promise<Drawn[]> {
  return tab.evaluate((names) => {
    const reg = (globalThis as unknown as { CSS: { highlights?: Map<string, Set<AbstractRange>> } }).CSS.highlights;
    const out: (Drawn & { node: Node; offset: number })[] = [];
    for (const [name, role] of Object.entries(names)) {
      for (const r of reg?.get(name) ?? []) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const el = r.startContainer.parentElement;
        const cell = el?.closest('td,th') as HTMLTableCellElement | null;
        const tr = cell?.parentElement as HTMLTableRowElement | null;
        out.push({
          row: tr ? (tr.cells[0].textContent ?? '').trim() : null,
          col: cell ? cell.cellIndex : -1,
          cellText: (cell?.textContent ?? '').trim(),
          text: range.toString(),
          role,
          inside: el?.closest('p,td,th,h1,h2,li')?.tagName ?? '',
          node: r.startContainer,
          offset: r.startOffset,
        });
      }
    }
    out.sort((a, b) => (a.node === b.node ? a.offset - b.offset : a.node.compareDocumentPosition(b.node) & 4 ? -1 : 1));
    return out.map(({ node: _n, offset: _o, ...rest }) => rest);
  }, ROLE_HIGHLIGHTS);
}

describe.each(BROWSERS)('%s: data tables', (name) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch(name);
  });
  afterAll(() => browser?.close());

  describe('a statistical bulletin with a data table', () => {
    const title = '某市2023年国民经济和社会发展统计公报';
    const url = `${base}/pages/table-bulletin.html`;
    let page: Tab;
    beforeAll(async () => {
      page = await browser.openTab(url);
      await highlightViaPopup(browser, page, title);
    });
    afterAll(() => page?.close());

    it('highlights every numeric cell of the table, whole, in the highlight of its role, and no other cell', async () => {
      const inTable = (await drawn(page)).filter((d) => d.row !== null);
      expect(inTable.map((d) => [d.row, d.text, d.role])).toEqual(EXPECTED.map(([row, text, role]) => [row, text, role]));
      // Each highlight covers its cell's number entirely, and no header, unit or placeholder cell is drawn.
      for (const d of inTable) expect(d.text).toBe(d.cellText);
      expect(inTable.every((d) => d.col >= 2)).toBe(true);
    });

    it('still reads the running text around the table', async () => {
      const inText = (await drawn(page)).filter((d) => d.row === null).map((d) => d.text);
      expect(inText).toEqual(expect.arrayContaining(['245.6亿元', '6.1%', '5600人', '45.2万亩']));
    });

    it('reports each cell with its value, unit, label from its row and role from its column', async () => {
      const { figures } = await extensionFigures(browser, url);
      const fromTable = figures.filter((f) => EXPECTED.some(([, text]) => text === f.indicator.text) && f.sentence.includes('：'));
      const seen = fromTable.map((f) => {
        const ind = f.indicator as typeof f.indicator & { label: string };
        return [ind.text, ind.role, ind.value, ind.unit, ind.label];
      });
      expect(seen).toEqual(EXPECTED.map(([, text, role, value, unit, label]) => [text, role, value, unit, label]));
      // The quote names the row and the column, not just the bare number.
      expect(fromTable[1].sentence).toBe('地区生产总值（亿元） 2024年目标：262');
    });

    it('clips a cell by a click, lists it with its label, and shows it clipped again after a reload', async () => {
      const figure = (await figuresIn(page, '262'))?.find((f) => f.text === '262');
      expect(figure, 'the 262 cell is drawn').toBeTruthy();
      if (!figure) return;
      expect(figure.role).toBe('target');
      await clickFigure(page, figure);
      await waitClipped(page, figure, true);
      const popup = await openPopupFor(browser, title);
      await new Promise((r) => setTimeout(r, 300));
      const clips = await listedClips(popup, 'page-clips');
      await popup.close();
      expect(clips).toHaveLength(1);
      expect(clips[0].label).toContain('2024年地区生产总值');
      expect(clips[0].sentence).toContain('2024年目标：262');
      await new Promise((r) => setTimeout(r, 500)); // let the store write land before the page goes
      await page.reload();
      await highlightViaPopup(browser, page, title);
      const again = (await figuresIn(page, '262'))?.find((f) => f.text === '262');
      expect(again?.clipped).toBe(true);
      // Only that cell: the same number elsewhere in the row's neighbours is not clipped.
      const clipped = ((await figuresIn(page)) ?? []).filter((f) => f.clipped).map((f) => f.text);
      expect(clipped).toEqual(['262']);
    });
  });

  describe('a page laid out with <table>', () => {
    const title = '某县人民政府关于2024年重点工作推进情况的通报';
    let page: Tab;
    beforeAll(async () => {
      page = await browser.openTab(`${base}/pages/table-layout.html`);
      await highlightViaPopup(browser, page, title);
    });
    afterAll(() => page?.close());

    it('adds no figure of its own: only the sentences of its paragraphs are read', async () => {
      const all = await drawn(page);
      expect(all.map((d) => d.text)).toEqual(expect.arrayContaining(['48.6亿元', '7.2%', '1200人', '120公里']));
      expect(all.filter((d) => d.inside !== 'P').map((d) => d.text)).toEqual([]);
    });
  });
});
