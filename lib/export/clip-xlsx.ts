/**
 * A real .xlsx of clips: sheet 1 one row per figure, sheet 2 the pages they come from (title,
 * URL, clip count, last clipped). Numbers are numeric cells, text is typed text (so the figure
 * as written, `1/3`, is never a date and needs no mark), the header row is bold and frozen.
 *
 * Library: excel-builder-vanilla (MIT, maintained, one dependency: fflate). It packs the parts
 * of the workbook (content types, relationships, workbook, styles, shared strings) and zips them.
 * Two choices keep it fit for an MV3 extension page:
 * - createExcelFileStream, whose zip is fflate's synchronous zipSync. The library's other entry
 *   points (and write-excel-file's browser build) use fflate's asynchronous zip, which for a part
 *   over 160 kB starts a Worker from a blob: URL made of code strings. Firefox's extension-page
 *   CSP blocks that worker and the export never settles (checked: write-excel-file 4.1.1, 5,000
 *   rows, in an MV3 extension page of Firefox ESR: no result after 15 s; Chromium runs it). With
 *   zipSync no worker and no code string is made, and the bundle holds neither (checked with
 *   esbuild: no Worker, createObjectURL, eval or Function in it).
 * - each worksheet's XML is written by sheet-xml.ts, one string, where the library builds one
 *   DOM node per cell and clones it through JSON: ~3 s of CPU for 10,000 clips on this machine,
 *   twice the bar. The library reads a worksheet part through `toXML()`, taking a `{ xml }`
 *   result as the serialised part (its path for browser XML documents); the version is pinned and
 *   clip-xlsx.test.ts reads the file back, so a change there fails the tests, not the analyst.
 */
import { createExcelFileStream, createWorkbook, type Workbook } from 'excel-builder-vanilla';
import { type ClipExportOptions, type ExportClip, clipTable, type ExportCell } from './clip-columns';
import { formatLocalTime } from './local-time';
import { SharedStrings, sheetXml } from './sheet-xml';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const PAGE_COLUMN_IDS = ['pageTitle', 'url', 'clipCount', 'lastClippedAt'] as const;
export type PageColumnId = (typeof PAGE_COLUMN_IDS)[number];

/** A page as the caller knows it (PageInfo has this shape): supplies titles and the order. */
export interface ExportPage {
  url: string;
  title: string;
}

export interface XlsxOptions extends ClipExportOptions {
  /** Headers of the pages sheet, in the UI's language. */
  pageHeaders: Readonly<Record<PageColumnId, string>>;
  /** Sheet names in the UI's language (Excel: at most 31 characters, none of []:*?/\). */
  sheetNames: { readonly clips: string; readonly pages: string };
}

/** The pages the clips come from: the given pages first, in their order, then any other, as met. */
function pageRows(clips: readonly ExportClip[], pages: Iterable<ExportPage>, options: XlsxOptions): ExportCell[][] {
  const byUrl = new Map<string, { title: string; count: number; last: string; lastTime: number }>();
  for (const page of pages) if (!byUrl.has(page.url)) byUrl.set(page.url, { title: page.title, count: 0, last: '', lastTime: -Infinity });
  for (const clip of clips) {
    let page = byUrl.get(clip.url);
    if (!page) {
      page = { title: clip.title, count: 0, last: '', lastTime: -Infinity };
      byUrl.set(clip.url, page);
    }
    page.count += 1;
    const time = Date.parse(clip.clippedAt);
    if (page.last === '' || time > page.lastTime) {
      page.last = clip.clippedAt;
      page.lastTime = time;
    }
  }
  const rows: ExportCell[][] = [];
  for (const [url, page] of byUrl) {
    if (page.count === 0) continue; // a page none of these clips comes from
    rows.push([
      { kind: 'text', text: page.title },
      { kind: 'text', text: url },
      { kind: 'number', value: page.count },
      { kind: 'text', text: formatLocalTime(page.last, options.utcOffset) },
    ]);
  }
  return rows;
}

/** A name Excel accepts for a sheet: no []:*?/\, not blank, at most 31 characters, unique. */
function sheetName(name: string, fallback: string, taken: Set<string>): string {
  let clean = name
    .replace(/[[\]:*?/\\\u0000-\u001F]/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '');
  if (clean === '') clean = fallback;
  clean = Array.from(clean).slice(0, 31).join('');
  while (taken.has(clean.toLowerCase())) clean = `${Array.from(clean).slice(0, 29).join('')}_${taken.size + 1}`;
  taken.add(clean.toLowerCase());
  return clean;
}

function addSheet(workbook: Workbook, name: string, xml: string): void {
  const sheet = workbook.createWorksheet({ name });
  // See the file comment: the part is taken as this string rather than built cell by cell.
  Object.assign(sheet, { toXML: () => ({ xml }) });
  workbook.addWorksheet(sheet);
}

async function collect(stream: ReadableStream<Uint8Array> | AsyncGenerator<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  if ('getReader' in stream) {
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
  } else {
    for await (const chunk of stream) chunks.push(chunk);
  }
  const bytes = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** The .xlsx file's bytes; `pages` supplies page titles and order (may be empty). */
export async function clipsToXlsx(clips: readonly ExportClip[], pages: Iterable<ExportPage>, options: XlsxOptions): Promise<Uint8Array> {
  const table = clipTable(options);
  const workbook = createWorkbook();
  const styles = workbook.getStyleSheet();
  // The library's defaults are an empty <font/> and an empty <fill/>, which stricter readers
  // (openpyxl, and so the tools analysts script with) refuse: give both their usual content.
  styles.fonts[0] = { size: 11 };
  styles.fills[0] = { type: 'pattern', patternType: 'none' };
  const bold = styles.createFormat({ font: { bold: true, size: 11 } });
  const taken = new Set<string>();

  const strings = new SharedStrings();

  function* clipRows() {
    for (const clip of clips) yield table.row(clip);
  }
  addSheet(
    workbook,
    sheetName(options.sheetNames.clips, 'Sheet1', taken),
    sheetXml({ headers: table.headers, rows: clipRows(), headerStyle: bold.id, strings }),
  );
  const pageHeaders = PAGE_COLUMN_IDS.map((id) => options.pageHeaders[id] ?? id);
  addSheet(
    workbook,
    sheetName(options.sheetNames.pages, 'Sheet2', taken),
    sheetXml({ headers: pageHeaders, rows: pageRows(clips, pages, options), headerStyle: bold.id, strings }),
  );
  // The shared strings part is ours too, written once after both sheets (as the sheets' parts are).
  const sharedXml = strings.xml();
  Object.assign(workbook.sharedStrings, { toXML: () => ({ xml: sharedXml }) });

  // Deflate level 1: about half the time of the default 6 for a file about a quarter larger
  // (10,000 clips: 0.66 MB instead of 0.52 MB), and compressing is most of an export's time.
  return collect(createExcelFileStream(workbook, { zipOptions: { level: 1 } }));
}

/** The file as a Blob for a download link. */
export function xlsxBlob(bytes: Uint8Array): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME });
}
