/**
 * What the panel asks of the export writers (lib/export, wired by the entry point): a file of
 * rows as CSV or .xlsx, and rows as tab-separated text for the clipboard. One row shape for
 * both lists the panel exports: the page's figures (filtered table) and stored clips. The
 * reading is the corrected one; the extractor's own values travel beside it in `original`.
 */
import type { Clip, ClippedIndicator, EditableField } from '../../lib/model/clip';

export interface ExportRow {
  url: string;
  title: string;
  section: string;
  sentence: string;
  /** The figure as the user corrected it (the extractor's where not corrected). */
  indicator: ClippedIndicator;
  /** The extractor's reading, where the user corrected any field. */
  original?: ClippedIndicator;
  edited?: EditableField[];
  note?: string;
  tags?: string[];
  /** When it was clipped; absent for a figure of the page that is not clipped. */
  clippedAt?: string;
}

export interface Exporter {
  csv(rows: readonly ExportRow[]): Blob;
  xlsx(rows: readonly ExportRow[]): Promise<Blob>;
  /** Tab-separated text with a header line, for pasting into a spreadsheet. */
  tsv(rows: readonly ExportRow[]): string;
}

export function exportRowOfClip(clip: Clip): ExportRow {
  return {
    url: clip.url,
    title: clip.title,
    section: clip.section,
    sentence: clip.sentence,
    indicator: clip.indicator,
    ...(clip.original ? { original: clip.original } : {}),
    ...(clip.edited ? { edited: clip.edited } : {}),
    ...(clip.note ? { note: clip.note } : {}),
    ...(clip.tags ? { tags: clip.tags } : {}),
    clippedAt: clip.clippedAt,
  };
}
