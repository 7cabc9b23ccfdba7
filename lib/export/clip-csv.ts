/** CSV of clips, one row per clip, as the popup's export buttons download it. */
import type { Clip } from '../model/clip';
import { type CsvColumn, textColumn, toCsv } from './csv';
import { figureColumns } from './indicator-csv';

const CLIP_COLUMNS: CsvColumn<Clip>[] = [
  textColumn('page title', (clip) => clip.title),
  textColumn('URL', (clip) => clip.url),
  textColumn('section', (clip) => clip.section),
  ...figureColumns((clip: Clip) => clip.indicator),
  textColumn('sentence', (clip) => clip.sentence),
  textColumn('clipped at', (clip) => clip.clippedAt),
];

/**
 * Header: page title, URL, section, label, value, unit, dimension, qualifier, value max, from,
 * role, figure as written, sentence, clipped at. Rows in the order given.
 */
export function clipsToCsv(clips: Iterable<Clip>): string {
  return toCsv(CLIP_COLUMNS, clips);
}
