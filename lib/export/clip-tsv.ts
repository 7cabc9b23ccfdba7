/**
 * "Copy selected rows": tab-separated text that Excel and WPS paste as cells. The clipboard has
 * no quoting that both honour, so a tab or line break inside a cell becomes a space; numbers are
 * plain decimals. A spreadsheet reads pasted text as it reads a CSV, so text that would run as
 * a formula (page text is untrusted) or turn into a date or number gets the CSV's leading
 * apostrophe: at worst a visible mark, never a formula run or a figure silently changed.
 */
import { type ClipExportOptions, type ExportClip, clipTable } from './clip-columns';
import { COLUMN_ID_HEADERS } from './clip-csv';
import { markedText, numberCell } from './csv';

export interface TsvOptions extends ClipExportOptions {
  /** Start with the header row (default true). */
  includeHeader?: boolean;
}

const CELL_BREAKS = /[\t\r\n\u2028\u2029]/g;

function tsvText(text: string): string {
  const cell = markedText(text.replace(CELL_BREAKS, ' '), true);
  // A cell that starts with a quote would be read as a quoted field on paste: quote it as such.
  return cell.startsWith('"') ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Rows joined by CRLF (as Excel itself puts them on the clipboard), the last one ended too. */
export function rowsToTsv(clips: Iterable<ExportClip>, options: TsvOptions = { headers: COLUMN_ID_HEADERS }): string {
  const table = clipTable(options);
  const lines: string[] = [];
  if (options.includeHeader ?? true) lines.push(table.headers.map(tsvText).join('\t'));
  for (const clip of clips) lines.push(table.line(clip, '\t', numberCell, tsvText));
  return lines.length === 0 ? '' : `${lines.join('\r\n')}\r\n`;
}
