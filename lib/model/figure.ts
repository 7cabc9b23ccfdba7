/**
 * A figure found on a page, as every layer outside the page sees it: the extractor's reading less
 * its offsets, with the section and sentence it stands in. How it is drawn (ranges, highlights) and
 * whether it is clipped are kept apart, by the page (lib/page) and the store.
 */
import type { Indicator } from '../extract/types';
import type { ClippedIndicator } from './clip';

export interface FigureData {
  indicator: ClippedIndicator;
  /** Section heading the figure sits under ('' where none). */
  heading: string;
  sentence: string;
}

const finite = (n: number | undefined): number | undefined => (n !== undefined && Number.isFinite(n) ? n : undefined);

/** The stored form of an extracted indicator: offsets dropped, text fields cut to the schema's bounds. */
export function clippedIndicatorOf(ind: Indicator): ClippedIndicator {
  const out: ClippedIndicator = {
    text: ind.text.slice(0, 200),
    value: ind.value,
    unit: ind.unit.slice(0, 40),
    dimension: ind.dimension,
    role: ind.role,
    label: ind.label.slice(0, 200),
  };
  if (ind.qualifier) out.qualifier = ind.qualifier;
  const valueMax = finite(ind.valueMax);
  if (valueMax !== undefined) out.valueMax = valueMax;
  const from = finite(ind.from);
  if (from !== undefined) out.from = from;
  return out;
}
