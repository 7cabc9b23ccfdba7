/**
 * One worksheet's XML (SpreadsheetML) as a string: typed cells (numbers as numbers, text as
 * text cells, shared or inline, which a spreadsheet never reinterprets, so `1/3` stays `1/3`), a
 * bold header row frozen at the top, column widths from the content. Built as one string because
 * a cell-by-cell DOM, as the xlsx library builds it, costs seconds for 10,000 clips (see
 * clip-xlsx.ts).
 */
import type { ExportCell } from './clip-columns';

export interface SheetSpec {
  headers: readonly string[];
  rows: Iterable<readonly ExportCell[]>;
  /** Style index (cellXfs) of the bold header cells. */
  headerStyle: number;
  /** Widest a column gets, in characters (long sentences wrap at the reader's will). */
  maxWidth?: number;
  /** The workbook's shared strings: text cells refer to them. Absent: text is written inline. */
  strings?: SharedStrings;
}

/** Excel's limit for one cell's text. */
const MAX_CELL_CHARS = 32_767;

/**
 * What XML text cannot hold, or what must be escaped in it: markup characters; control
 * characters and lone surrogates that XML 1.0 forbids (a page can hold them; Excel refuses the
 * whole file over one), replaced by U+FFFD; CR, kept as a reference since parsers fold a raw one
 * into LF; and the `N` of `NS<digits>:`, written as a reference because the library strips that
 * pattern (a DOM namespace prefix) from every part it packs, cell text included.
 */
const XML_UNSAFE =
  /[&<>"\r]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|N(?=S\d+:)/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;', N: '&#78;' };

/** Any character XML_UNSAFE might act on: most page text has none, and skips the replace. */
const MAYBE_UNSAFE = /[&<>"\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFFN]/;

export function xmlText(text: string): string {
  return MAYBE_UNSAFE.test(text) ? text.replace(XML_UNSAFE, (c) => ESCAPES[c] ?? '\uFFFD') : text;
}

function clipToCellLimit(text: string): string {
  if (text.length <= MAX_CELL_CHARS) return text;
  const cut = text.charCodeAt(MAX_CELL_CHARS - 1);
  return text.slice(0, cut >= 0xd800 && cut <= 0xdbff ? MAX_CELL_CHARS - 1 : MAX_CELL_CHARS);
}

/** A, B, … Z, AA, AB, … */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Columns a text takes in a spreadsheet's default font: CJK and full-width forms count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      width += 2; // astral: CJK extensions, emoji
      i += 1;
    } else if (
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
    ) {
      width += 2;
    } else {
      width += 1;
    }
  }
  return width;
}

/** A text run: leading or trailing spaces and line breaks are kept only where the text says so. */
function runXml(value: string): string {
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : '';
  return `<t${space}>${xmlText(value)}</t>`;
}

/**
 * The workbook's table of shared strings (xl/sharedStrings.xml). A page's title, URL and section,
 * role and dimension names and most sentences repeat from row to row: each is written once, and
 * a cell holds its index. For 10,000 clips this makes the worksheet a fraction of its inline size,
 * and so of the time spent encoding and compressing it.
 */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];
  /** Text cells referring to the table (the part's `count`). */
  private uses = 0;

  /** The index of a text (at most Excel's 32,767 characters), added where new. */
  add(text: string): number {
    this.uses += 1;
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.items.length;
      this.index.set(text, at);
      this.items.push(`<si>${runXml(text)}</si>`);
    }
    return at;
  }

  get size(): number {
    return this.items.length;
  }

  /** The part's XML (no declaration: the library adds it to every part). */
  xml(): string {
    return `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.items.length}">${this.items.join('')}</sst>`;
  }
}

function textCellXml(ref: string, text: string, style: string, strings: SharedStrings | undefined): string {
  const value = clipToCellLimit(text);
  if (strings) return `<c r="${ref}"${style} t="s"><v>${strings.add(value)}</v></c>`;
  return `<c r="${ref}"${style} t="inlineStr"><is>${runXml(value)}</is></c>`;
}

/** The worksheet element (no XML declaration: the library adds it to every part). */
export function sheetXml(spec: SheetSpec): string {
  const maxWidth = spec.maxWidth ?? 60;
  const letters = spec.headers.map((_, i) => columnLetters(i));
  const widths = spec.headers.map((h) => displayWidth(h));
  const headerStyle = ` s="${spec.headerStyle}"`;
  const strings = spec.strings;
  const parts: string[] = [`<row r="1">${spec.headers.map((h, i) => textCellXml(`${letters[i]}1`, h, headerStyle, strings)).join('')}</row>`];
  let r = 1;
  for (const row of spec.rows) {
    r += 1;
    let xml = `<row r="${r}">`;
    for (let i = 0; i < row.length; i++) {
      const cell = row[i];
      if (cell.kind === 'number') {
        if (cell.value === undefined || !Number.isFinite(cell.value)) continue;
        const text = Object.is(cell.value, -0) ? '0' : String(cell.value);
        if (text.length > widths[i]) widths[i] = text.length;
        xml += `<c r="${letters[i]}${r}"><v>${text}</v></c>`;
      } else {
        if (cell.text === '') continue;
        // A character is at most two columns wide: measure only text that could widen the column.
        if (widths[i] < maxWidth && cell.text.length * 2 > widths[i]) {
          widths[i] = Math.max(widths[i], displayWidth(cell.text.length > maxWidth ? cell.text.slice(0, maxWidth) : cell.text));
        }
        xml += textCellXml(`${letters[i]}${r}`, cell.text, '', strings);
      }
    }
    parts.push(`${xml}</row>`);
  }
  const last = `${letters[letters.length - 1] ?? 'A'}${r}`;
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(maxWidth, Math.max(6, w + 2))}" customWidth="1"/>`).join('');
  return (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<dimension ref="A1:${last}"/>` +
    // The header row stays in view while the analyst scrolls.
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}` +
    `<sheetData>${parts.join('')}</sheetData>` +
    '</worksheet>'
  );
}
