/** CSV of clips, one row per clip, as the popup and panel export buttons download it. */
import { CLIP_COLUMN_IDS, type ClipColumnId, type ClipExportOptions, type ExportClip, clipTable } from './clip-columns';
import { CSV_BOM, literalCell, numberCell, textCell } from './csv';

const CRLF = '\r\n';

/** Headers when the caller gives none: the stable column ids (a machine-readable file). */
export const COLUMN_ID_HEADERS = Object.fromEntries(CLIP_COLUMN_IDS.map((id) => [id, id])) as Record<ClipColumnId, string>;

/**
 * BOM, a header row in the caller's words, one row per clip in the order given, CRLF line ends.
 * Numbers are plain decimals; every text cell stays text: a formula start or anything a
 * spreadsheet would read as a number or date (the figure `1/3`, a label `2024-01`) gets a leading
 * apostrophe (see literalCell). Times are local with their offset. Edited clips carry the user's
 * values in the main columns and the extractor's in the original* columns.
 */
export function clipsToCsv(clips: Iterable<ExportClip>, options: ClipExportOptions = { headers: COLUMN_ID_HEADERS }): string {
  const table = clipTable(options);
  const lines = [table.headers.map(textCell).join(',')];
  for (const clip of clips) lines.push(table.line(clip, ',', numberCell, literalCell));
  return CSV_BOM + lines.join(CRLF) + CRLF;
}
