/**
 * The CSV writer shared by the extension and the command line, made to open cleanly in Excel and
 * WPS: a UTF-8 byte-order mark (without it Excel reads Chinese as mojibake), CRLF line ends, RFC
 * 4180 quoting, numbers as plain decimals, and text that a spreadsheet would run as a formula
 * neutralised (CSV injection: page text is untrusted).
 */

export type CsvColumn<Row> =
  | { header: string; kind: 'text' | 'literal'; cell: (row: Row) => string | null | undefined }
  | { header: string; kind: 'number'; cell: (row: Row) => number | null | undefined };

export function textColumn<Row>(header: string, cell: (row: Row) => string | null | undefined): CsvColumn<Row> {
  return { header, kind: 'text', cell };
}

/** Text that must stay text even where a spreadsheet would read it as a number or date (1/3, 3-5). */
export function literalColumn<Row>(header: string, cell: (row: Row) => string | null | undefined): CsvColumn<Row> {
  return { header, kind: 'literal', cell };
}

export function numberColumn<Row>(header: string, cell: (row: Row) => number | null | undefined): CsvColumn<Row> {
  return { header, kind: 'number', cell };
}

export const CSV_BOM = '\uFEFF';
export const CSV_MIME = 'text/csv;charset=utf-8';
const CRLF = '\r\n';

/**
 * Characters that make Excel, WPS or LibreOffice treat a cell as a formula (OWASP's list), and
 * their full-width forms, which some spreadsheets (WPS with Chinese input) also accept.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One text cell: neutralised if it could run as a formula, then quoted if it must be. */
export function textCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return quoted(markedText(String(value), false));
}

function quoted(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The text with the leading apostrophe where a spreadsheet would run it as a formula or, for
 * `literal` text, read it as a number or date; unquoted (the clipboard's TSV uses this too).
 */
export function markedText(text: string, literal: boolean): string {
  return FORMULA_START.test(text) || (literal && readsAsNumberOrDate(text)) ? `'${text}` : text;
}

/**
 * Text that Excel, WPS or LibreOffice would turn into a number, date, time or boolean when they
 * open a CSV: `1/3` becomes 3 January, `3-5` becomes 5 March, `2024-01` a month, `1e5` 100000,
 * `00123` 123, `5%` 0.05, `TRUE` a boolean, `Jan-5` a date, `2024年1月` a date in a Chinese locale.
 * Deliberately generous: digits with any separators, signs, currency, percent, exponent and the
 * Chinese date words; full-width forms too (WPS with a Chinese input method reads them as numbers).
 * Marking text that a spreadsheet would have kept anyway costs one visible apostrophe; missing one
 * silently changes the analyst's figure.
 */
const NUMBER_OR_DATE_CHARS = /^[\s\d０-９.,:/\-+%()$¥￥€£eE．，：／－＋％（）年月日号時时分秒]+$/;
const DIGIT = /[\d０-９]/;
// Bounded repetitions only: these run on untrusted page text, so no nested quantifier may backtrack.
const MONTH_NAME_DATE =
  /^\s*(?:\d{1,4}[\s\-/.,]*)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?(?:[\s\-/.,]*\d{1,4})?(?:[\s\-/.,]+\d{1,4})?\s*$/i;
const BOOLEAN_LIKE = /^\s*(true|false)\s*$/i;

/** Whether a spreadsheet opening the CSV would read this text as something other than text. */
export function readsAsNumberOrDate(text: string): boolean {
  // Most page text starts with a Chinese character, which none of the patterns can: skip them.
  const first = text.charCodeAt(0);
  if (Number.isNaN(first) || (first >= 0x3400 && first <= 0x9fff)) return false;
  return (NUMBER_OR_DATE_CHARS.test(text) && DIGIT.test(text)) || MONTH_NAME_DATE.test(text) || BOOLEAN_LIKE.test(text);
}

/**
 * A text cell that stays text: like textCell, and text a spreadsheet would read as a number or
 * date gets the same mark as a formula, a leading apostrophe. Why the apostrophe: it is the mark
 * this writer already puts before formulas (one rule for a reader or script to undo), it is
 * visible (no zero-width character silently changing the analyst's text), and it is not a formula
 * (`="1/3"` would be, and would show as `="1/3"` in LibreOffice and in any script reading the file).
 * Excel and WPS open `'1/3` as the text '1/3, never as a date.
 */
export function literalCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return quoted(markedText(String(value), true));
}

/** One number cell: a plain decimal, never quoted; empty for a missing or non-finite value. */
export function numberCell(value: number | null | undefined): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  return plainDecimal(value);
}

/**
 * The shortest decimal that reads back as the same number, without exponent notation
 * (79500000000, never 7.95e10; 0.0000001, never 1e-7), which spreadsheets and analysts' scripts
 * read without surprise.
 */
export function plainDecimal(value: number): string {
  if (Object.is(value, -0)) return '0';
  const shortest = String(value);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (!m) return shortest;
  const [, sign, lead, fraction = '', exponentText] = m;
  const digits = lead + fraction;
  const exponent = Number(exponentText);
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const integerLength = exponent + 1;
  return digits.length <= integerLength
    ? sign + digits + '0'.repeat(integerLength - digits.length)
    : `${sign}${digits.slice(0, integerLength)}.${digits.slice(integerLength)}`;
}

/** A whole CSV file: BOM, a header row, one row per item, each line ended by CRLF. */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: Iterable<Row>): string {
  const lines = [columns.map((column) => textCell(column.header)).join(',')];
  for (const row of rows) {
    lines.push(columns.map((column) => csvCell(column, row)).join(','));
  }
  return CSV_BOM + lines.join(CRLF) + CRLF;
}

function csvCell<Row>(column: CsvColumn<Row>, row: Row): string {
  if (column.kind === 'number') return numberCell(column.cell(row));
  return column.kind === 'literal' ? literalCell(column.cell(row)) : textCell(column.cell(row));
}

/** The file as a Blob for an `<a download>` link in the popup. */
export function csvBlob(csv: string): Blob {
  return new Blob([csv], { type: CSV_MIME });
}
