/**
 * Corrections, exports and undo in the side panel, in real Chromium and real Firefox with the built
 * extension, on a page whose figure is written `1/3` (fixtures/pages/fraction.html). The panel runs
 * as a tab fixed on the page (see panel-actions.ts for how it is opened).
 *
 * The exported files are the ones the browser itself saved: Chromium's download event
 * (playwright-core), Firefox's download folder set by prefs (firefox.ts). The CSV is read back with
 * the project's strict RFC 4180 reader, the .xlsx with a reader of its own (zip central directory,
 * workbook relationships, typed cells: lib/export/read-xlsx.test-support.ts) that shares no code with the writer,
 * and, where the machine has it, Info-ZIP's `unzip -t` (structure and CRCs of every part).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCsv } from '../../lib/export/parse-csv.test-support';
import { readXlsx, type XlsxSheet } from '../../lib/export/read-xlsx.test-support';
import { type MessageKey, setLocale, t } from '../../lib/i18n';
import { type BrowserName, type ExtensionBrowser, launch, type Tab, waitFor } from './driver';
import { extensionFigures, figuresIn, findFigure, highlightViaPopup, waitClipped } from './page-actions';
import { openPanelFor, rowKeyOf, waitRowChecked } from './panel-actions';

const BROWSERS = (process.env.ZB_E2E_BROWSERS ?? 'chromium,firefox').split(',').filter(Boolean) as BrowserName[];
const base = inject('baseUrl');
const TITLE = '关于推进节水型社会建设的实施意见';
const FRACTION = { sentence: '1/3以上的县（市、区）建成节水型社会示范县', text: '1/3' };
const RATE = { sentence: '农村自来水普及率达到92%', text: '92%' };
const NEW_LABEL = '节水型社会示范县占比';

// The browsers run in Simplified Chinese, so the files' headers and role names are zh-CN's.
setLocale('zh-CN');
const header = (id: string) => t(`export.col.${id}` as MessageKey);
const roleName = (role: 'target' | 'actual' | 'unknown') => t(`common.role.${role}`);

/** Sets a field's text and leaves it: the change event a user's typing then Tab gives (where ClipEditor saves). */
async function fillAndLeave(panel: Tab, selector: string, text: string): Promise<void> {
  await panel.evaluate(
    ({ selector, text }) => {
      const input = document.querySelector<HTMLInputElement>(selector)!;
      input.focus();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { selector, text },
  );
}

/** Rows of a table whose first row is the header, as records keyed by header. */
function records(rows: readonly (readonly (string | number)[])[]): Record<string, string | number>[] {
  const [head, ...body] = rows;
  return body.map((row) => Object.fromEntries(head.map((h, i) => [String(h), row[i] ?? ''])));
}

/**
 * Info-ZIP's `unzip -t` on the file, where the machine has it (Debian does): an outside reader
 * that checks the archive's structure and every part's CRC, which the test's own reader does not.
 */
function unzipTest(bytes: Uint8Array): string | undefined {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
  } catch {
    console.warn('[e2e] no unzip on this machine: the .xlsx is read by lib/export/read-xlsx.test-support.ts only');
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'zb-xlsx-'));
  try {
    writeFileSync(join(dir, 'export.xlsx'), bytes);
    return execFileSync('unzip', ['-t', join(dir, 'export.xlsx')], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const columnLetter = (index: number): string => (index < 26 ? '' : columnLetter(Math.floor(index / 26) - 1)) + String.fromCharCode(65 + (index % 26));

/** The typed cell of the sheet in the row where column `by` reads `value`, column `column`. */
function cellOf(sheet: XlsxSheet, by: string, value: string, column: string) {
  const head = sheet.rows[0].map(String);
  const row = sheet.rows.findIndex((r, i) => i > 0 && r[head.indexOf(by)] === value);
  expect(row, `a row whose ${by} is ${value}`).toBeGreaterThan(0);
  return sheet.cells.get(`${columnLetter(head.indexOf(column))}${row + 1}`);
}

describe.each(BROWSERS)('%s: corrections, exports and undo in the side panel', (name) => {
  let browser: ExtensionBrowser;
  let page: Tab;
  let panel: Tab;
  let fractionKey: string;
  let rateKey: string;

  beforeAll(async () => {
    browser = await launch(name, { language: 'zh-CN' });
    page = await browser.openTab(`${base}/pages/fraction.html`);
    expect(await highlightViaPopup(browser, page, TITLE)).toBe(3);
    panel = await openPanelFor(browser, TITLE);
    fractionKey = await rowKeyOf(panel, FRACTION.text);
    rateKey = await rowKeyOf(panel, RATE.text);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('editing a label and a role changes the exported CSV and xlsx rows; 1/3 stays text, values are numbers', async () => {
    for (const key of [fractionKey, rateKey]) {
      await panel.click(`[data-testid="figure-row"][data-key="${key}"] [data-testid="row-clip"]`);
      await waitRowChecked(panel, key, true);
    }
    const [fraction] = await findFigure(page, FRACTION.sentence, FRACTION.text);
    expect(fraction.role).toBe('target');
    await waitClipped(page, fraction, true, 5000);

    // Choose the row, then correct its clip in the editor under the table.
    await panel.click(`[data-testid="figure-row"][data-key="${fractionKey}"] [data-col="text"]`);
    // The editor of the row chosen: the one shown before may still be the last row's for a moment.
    await waitFor(
      panel,
      (sentence) => {
        const detail = document.querySelector('[data-testid="figure-detail"]');
        return !!detail?.textContent?.includes(sentence) && !!detail.querySelector('[data-testid="clip-editor"] [data-testid="edit-label"]');
      },
      FRACTION.sentence,
      { what: 'the clip editor of 1/3' },
    );
    await fillAndLeave(panel, '[data-testid="edit-label"]', NEW_LABEL);
    await waitFor(panel, () => !!document.querySelector('[data-testid="edited-label"]'), null, { what: 'the label marked as edited' });
    await panel.select('[data-testid="edit-role"]', 'actual');
    await waitFor(panel, () => !!document.querySelector('[data-testid="edited-role"]'), null, { what: 'the role marked as edited' });
    // The table shows the corrected reading.
    await waitFor(
      panel,
      ({ key, label }) => {
        const row = document.querySelector(`[data-testid="figure-row"][data-key="${key}"]`);
        return row?.getAttribute('data-role') === 'actual' && row.querySelector('[data-col="label"]')?.textContent?.includes(label);
      },
      { key: fractionKey, label: NEW_LABEL },
      { what: 'the row with the corrected label and role' },
    );

    const csvFile = await panel.download(() => panel.click('[data-testid="export-table-csv"]'));
    expect(csvFile.name).toMatch(/\.csv$/);
    const csvText = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(csvFile.bytes);
    expect(csvText.startsWith('\uFEFF')).toBe(true);
    const csv = records(parseCsv(csvText.slice(1)));
    expect(csv).toHaveLength(3);
    // `1/3` keeps the apostrophe that stops a spreadsheet from reading it as 3 January.
    const fractionRow = csv.find((r) => r[header('text')] === "'1/3");
    expect(fractionRow, `a CSV row for 1/3 among ${JSON.stringify(csv.map((r) => r[header('text')]))}`).toBeDefined();
    expect(fractionRow).toMatchObject({
      [header('label')]: NEW_LABEL,
      [header('role')]: roleName('actual'),
      [header('originalLabel')]: '县',
      [header('originalRole')]: roleName('target'),
    });
    expect(Number(fractionRow![header('value')])).toBeCloseTo(1 / 3, 12);
    const rateRow = csv.find((r) => r[header('text')] === RATE.text || r[header('text')] === `'${RATE.text}`);
    expect(csv.find((r) => r[header('text')] === '8.28亿元')?.[header('value')]).toBe('828000000');
    // The row not corrected keeps the extractor's reading and no original columns.
    expect(rateRow).toMatchObject({ [header('label')]: '农村自来水普及率', [header('originalLabel')]: '', [header('originalRole')]: '' });

    const xlsxFile = await panel.download(() => panel.click('[data-testid="export-table-xlsx"]'));
    expect(xlsxFile.name).toMatch(/\.xlsx$/);
    const tested = unzipTest(xlsxFile.bytes);
    if (tested !== undefined) {
      expect(tested).toContain('No errors detected');
      expect(tested).toContain('xl/worksheets/sheet1.xml');
      expect(tested).toContain('xl/sharedStrings.xml');
    }
    const book = readXlsx(xlsxFile.bytes);
    const [sheet] = book.sheets;
    const rows = records(sheet.rows);
    expect(rows).toHaveLength(3);
    const text = cellOf(sheet, header('text'), FRACTION.text, header('text'));
    expect(text?.type, '1/3 is a text cell').not.toBe('n');
    expect(text?.value).toBe('1/3');
    expect(cellOf(sheet, header('text'), FRACTION.text, header('label'))?.value).toBe(NEW_LABEL);
    expect(cellOf(sheet, header('text'), FRACTION.text, header('role'))?.value).toBe(roleName('actual'));
    expect(cellOf(sheet, header('text'), FRACTION.text, header('originalRole'))?.value).toBe(roleName('target'));
    const value = cellOf(sheet, header('text'), FRACTION.text, header('value'));
    expect(value?.type).toBe('n');
    expect(value?.value as number).toBeCloseTo(1 / 3, 12);
    // Every value cell of the sheet is a number cell.
    const valueColumn = columnLetter(sheet.rows[0].map(String).indexOf(header('value')));
    const valueCells = [2, 3, 4].map((r) => sheet.cells.get(`${valueColumn}${r}`));
    expect(valueCells.map((c) => c?.type)).toEqual(['n', 'n', 'n']);
    // 8.28亿元 is 828000000 exactly, as written (8.28 × 1e8 alone would be 827999999.9999999).
    expect(valueCells.map((c) => c?.value).sort((a, b) => Number(a) - Number(b))).toEqual([1 / 3, 92, 828_000_000]);
  });

  it('undo restores a deleted clip', async () => {
    await panel.click('[data-testid="view-library"]');
    // The library lists pages folded; its search finds the clip by its corrected label.
    await waitFor(panel, () => !!document.querySelector('[data-testid="library-search"]'), null, { what: 'the library' });
    await panel.evaluate((label) => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="library-search"]')!;
      input.value = label;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, NEW_LABEL);
    const clipId = await waitFor(
      panel,
      (label) =>
        Array.from(document.querySelectorAll('[data-testid="library-clip"]'))
          .find((c) => c.querySelector('[data-testid="library-label"]')?.textContent === label)
          ?.getAttribute('data-clip-id'),
      NEW_LABEL,
      { what: 'the corrected clip in the library' },
    );
    await panel.click(`[data-testid="library-clip"][data-clip-id="${clipId}"] [data-testid="library-delete"]`);
    await waitFor(panel, (id) => !document.querySelector(`[data-testid="library-clip"][data-clip-id="${id}"]`), clipId, {
      what: 'the clip gone from the library',
    });
    const [fraction] = await findFigure(page, FRACTION.sentence, FRACTION.text);
    await waitClipped(page, fraction, false, 5000);
    expect((await extensionFigures(browser, page.url())).figures.find((f) => f.indicator.text === FRACTION.text)?.clipIds).toEqual([]);

    await panel.click('[data-testid="toast-undo"]');
    await waitFor(panel, (id) => !!document.querySelector(`[data-testid="library-clip"][data-clip-id="${id}"]`), clipId, {
      what: 'the clip back in the library',
    });
    await waitClipped(page, fraction, true, 5000);
    const stored = (await extensionFigures(browser, page.url())).figures.find((f) => f.indicator.text === FRACTION.text);
    expect(stored?.clipIds).toEqual([clipId]);
    // The clip came back with its corrections.
    expect(await panel.evaluate((id) => document.querySelector(`[data-clip-id="${id}"] [data-testid="library-label"]`)?.textContent, clipId)).toBe(NEW_LABEL);
  });

  it('undo restores a cleared page', async () => {
    await panel.click('[data-testid="view-page"]');
    // The page view mounts afresh (no filter) and reads the page again.
    await waitFor(panel, () => document.querySelectorAll('[data-testid="figure-row"]').length === 3, null, { what: 'the page’s three rows' });
    await waitRowChecked(panel, fractionKey, true);
    await waitRowChecked(panel, rateKey, true);
    await panel.click('[data-testid="clear-page"]');
    await waitRowChecked(panel, fractionKey, false);
    await waitRowChecked(panel, rateKey, false);
    const [fraction] = await findFigure(page, FRACTION.sentence, FRACTION.text);
    const [rate] = await findFigure(page, RATE.sentence, RATE.text);
    await waitClipped(page, fraction, false, 5000);
    await waitClipped(page, rate, false, 5000);
    expect((await extensionFigures(browser, page.url())).figures.filter((f) => f.clipIds.length > 0)).toEqual([]);

    await panel.click('[data-testid="toast-undo"]');
    await waitRowChecked(panel, fractionKey, true);
    await waitRowChecked(panel, rateKey, true);
    await waitClipped(page, fraction, true, 5000);
    await waitClipped(page, rate, true, 5000);
    const clipped = (await extensionFigures(browser, page.url())).figures.filter((f) => f.clipIds.length > 0).map((f) => f.indicator.text);
    expect(clipped.sort()).toEqual([FRACTION.text, RATE.text].sort());
  });

  it('focusing a figure in the page selects its row', async () => {
    const selectedRow = () =>
      panel.evaluate(
        () =>
          Array.from(document.querySelectorAll('[data-testid="figure-row"][aria-selected="true"]')).map(
            (r) => r.querySelector('[data-col="text"]')?.textContent ?? '',
          ),
        null,
      );
    const focusedInPage = async () => ((await figuresIn(page)) ?? []).filter((f) => f.focused).map((f) => f.text);
    const seen: string[] = [];
    for (let step = 0; step < 2; step++) {
      const how = await browser.command('next-figure', page);
      const focused = await waitFor(
        page,
        (before) => {
          const r = Array.from((globalThis as unknown as { CSS: { highlights: Map<string, Set<AbstractRange>> } }).CSS.highlights.get('zb-focus') ?? [])[0];
          if (!r) return null;
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const text = range.toString();
          return text !== before ? text : null;
        },
        seen.at(-1) ?? '',
        { what: `the focus on a figure after next-figure (${how})` },
      );
      expect(await focusedInPage()).toEqual([focused]);
      seen.push(focused);
      await waitFor(
        panel,
        (text) => document.querySelector('[data-testid="figure-row"][aria-selected="true"] [data-col="text"]')?.textContent === text,
        focused,
        {
          what: `the row of ${focused} selected in the panel`,
        },
      );
      expect(await selectedRow()).toEqual([focused]);
    }
    expect(seen[0]).not.toBe(seen[1]);
  });
});
