/**
 * The side panel in real Chromium and real Firefox with the built extension, on a corpus page.
 * How the panel is opened: see panel-actions.ts (as a tab, `sidepanel.html?tabId=N`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserName, type ExtensionBrowser, launch, type Tab, waitFor } from './driver';
import { clickFigure, findFigure, type Figure, highlightCounts, highlightViaPopup, waitClipped } from './page-actions';
import { counts, openPanelFor, panelRows, rowKeyOf, typeFilter } from './panel-actions';

const BROWSERS = (process.env.ZB_E2E_BROWSERS ?? 'chromium,firefox').split(',').filter(Boolean) as BrowserName[];
const base = inject('baseUrl');
const titles = inject('corpusTitles');
const PAGE = '001';

/** Is the figure's range on screen in the page (read from the highlight registry, nothing written)? */
const onScreen = (page: Tab, figure: Figure) =>
  page.evaluate(
    ({ text }) => {
      const reg = (globalThis as unknown as { CSS: { highlights?: Map<string, Set<AbstractRange>> } }).CSS.highlights;
      for (const name of ['zb-target', 'zb-actual', 'zb-unknown']) {
        for (const r of reg?.get(name) ?? []) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          if (range.toString() !== text) continue;
          const box = range.getBoundingClientRect();
          if (box.top >= 0 && box.bottom <= window.innerHeight) return true;
        }
      }
      return false;
    },
    { text: figure.text },
  );

describe.each(BROWSERS)('%s: the side panel', (name) => {
  let browser: ExtensionBrowser;
  let page: Tab;
  let panel: Tab;
  let figureCount = 0;

  beforeAll(async () => {
    browser = await launch(name);
    page = await browser.openTab(`${base}/corpus/${PAGE}.html`);
    figureCount = await highlightViaPopup(browser, page, titles[PAGE]);
    panel = await openPanelFor(browser, titles[PAGE]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists the page’s figures', async () => {
    expect(figureCount).toBeGreaterThan(10);
    expect((await counts(panel)).figures).toBe(figureCount);
    await typeFilter(panel, '固定资产投资完成'); // simplified, the page is traditional: 固定資產投資完成
    await waitFor(panel, () => Array.from(document.querySelectorAll('[data-col="text"]')).some((c) => c.textContent === '91 億元'), null, {
      what: 'the row of 91 億元',
    });
    const rows = await panelRows(panel);
    expect(rows.find((r) => r.text === '91 億元')).toMatchObject({ role: 'target', clipped: false });
    await typeFilter(panel, '');
  });

  it('filtering to 目标 shows only targets', async () => {
    const targetsInPage = await page.evaluate(
      () => (globalThis as unknown as { CSS: { highlights?: Map<string, Set<unknown>> } }).CSS.highlights?.get('zb-target')?.size ?? 0,
      null,
    );
    await panel.select('[data-testid="filter-role"]', 'target');
    await waitFor(panel, (n) => document.querySelector('[data-testid="page-counts"]')?.getAttribute('data-shown') === String(n), targetsInPage, {
      what: `${targetsInPage} rows shown`,
    });
    expect(targetsInPage).toBeGreaterThan(0);
    const rows = await panelRows(panel);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.role))).toEqual(new Set(['target']));
    await panel.select('[data-testid="filter-role"]', 'all');
  });

  it('a checkbox clips the figure and the page shows it clipped', async () => {
    const [figure] = await findFigure(page, '確保今年全市固定資產投資完成91 億元', '91 億元');
    expect(figure.clipped).toBe(false);
    await typeFilter(panel, '固定资产投资完成');
    const key = await rowKeyOf(panel, '91 億元');
    await panel.click(`[data-testid="figure-row"][data-key="${key}"] [data-testid="row-clip"]`);
    await waitClipped(page, figure, true, 5000);
    await waitFor(panel, (key) => (document.querySelector(`[data-key="${key}"] [data-testid="row-clip"]`) as HTMLInputElement | null)?.checked, key, {
      what: 'the row checked',
    });
    await typeFilter(panel, '');
  });

  it('a clip made by clicking in the page appears in the panel without a reload', async () => {
    const [figure] = await findFigure(page, '建成標準化基地3.86萬畝', '3.86萬畝');
    await typeFilter(panel, '标准化基地');
    const key = await rowKeyOf(panel, '3.86萬畝');
    await waitFor(panel, (key) => (document.querySelector(`[data-key="${key}"] [data-testid="row-clip"]`) as HTMLInputElement | null)?.checked === false, key, {
      what: 'the row unchecked',
    });
    await page.bringToFront();
    await clickFigure(page, figure);
    await waitClipped(page, figure, true, 5000);
    await waitFor(panel, (key) => (document.querySelector(`[data-key="${key}"] [data-testid="row-clip"]`) as HTMLInputElement | null)?.checked, key, {
      what: 'the row checked by the page’s clip',
    });
    expect((await highlightCounts(page)).figures).toBe(figureCount);
  });

  it('selecting a row scrolls the page to its figure', async () => {
    const [figure] = await findFigure(page, '群眾滿意率97.4%', '97.4%');
    await page.evaluate(() => window.scrollTo(0, 0), null);
    expect(await onScreen(page, figure)).toBe(false);
    await typeFilter(panel, '群众满意率');
    const key = await rowKeyOf(panel, '97.4%');
    await panel.click(`[data-testid="figure-row"][data-key="${key}"] [data-col="label"]`);
    const deadline = Date.now() + 10_000;
    while (!(await onScreen(page, figure)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await onScreen(page, figure), 'the figure scrolled into view in the page').toBe(true);
    expect((await findFigure(page, '群眾滿意率97.4%', '97.4%'))[0]?.focused, 'the figure marked zb-focus').toBe(true);
    await typeFilter(panel, '');
  });

  it('has no accessibility violations (axe-core, in the real browser)', async () => {
    await panel.bringToFront();
    await typeFilter(panel, '');
    const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    // The extension page's CSP forbids eval: axe travels as the body of the evaluated function
    // itself, which the driver hands to the browser's debugger protocol, not to the page.
    const runAxe = new Function(
      'arg',
      `${source}\nreturn window.axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')));`,
    );
    const violations = await panel.evaluate(runAxe as (arg: null) => Promise<string[]>, null);
    expect(violations).toEqual([]);
  });
});
