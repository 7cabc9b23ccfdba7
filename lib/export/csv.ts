/**
 * The CSV writer shared by the extension and the command line, made to open cleanly in Excel and
 * WPS: a UTF-8 byte-order mark (without it Excel reads Chinese as mojibake), CRLF line ends, RFC
 * 4180 quoting, numbers as plain decimals, and text that a spreadsheet would run as a formula
 * neutralised (CSV injection: page text is untrusted).
 */

export type CsvColumn<Row> =
  | { header: string; kind: 'text'; cell: (row: Row) => string | null | undefined }
  | { header: string; kind: 'number'; cell: (row: Row) => number | null | undefined };

export function textColumn<Row>(header: string, cell: (row: Row) => string | null | undefined): CsvColumn<Row> {
  return { header, kind: 'text', cell };
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
  const text = String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
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
    lines.push(
      columns.map((column) => (column.kind === 'number' ? numberCell(column.cell(row)) : textCell(column.cell(row)))).join(','),
    );
  }
  return CSV_BOM + lines.join(CRLF) + CRLF;
}

/** The file's bytes (UTF-8, the BOM included), e.g. to write from the command line. */
export function csvBytes(csv: string): Uint8Array {
  return new TextEncoder().encode(csv);
}

/** The file as a Blob for an `<a download>` link in the popup. */
export function csvBlob(csv: string): Blob {
  return new Blob([csv], { type: CSV_MIME });
}
