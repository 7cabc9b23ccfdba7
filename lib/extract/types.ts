/** The indicator contract of ../shared/indicators.md, plus label and sentence (issue 2). */

export const DIMENSIONS = [
  'percent',
  'points',
  'money',
  'mass',
  'area',
  'length',
  'volume',
  'flow',
  'energy',
  'power',
  'count',
  'duration',
  'ratio',
  'other',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const QUALIFIERS = ['>=', '>', '<=', '<', '~'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** How a qualifier reads in front of a figure (≥35000 吨, 约3万人), in the page and the popup alike. */
export const QUALIFIER_SIGNS: Record<Qualifier, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '~': '约' };

export const ROLES = ['target', 'actual', 'unknown'] as const;
export type Role = (typeof ROLES)[number];

export interface Indicator {
  /** UTF-16 offsets into the text given to extractIndicators; text.slice(start, end) === this.text. */
  start: number;
  end: number;
  /** The figure as written, from the first character of the number to the last of the unit. */
  text: string;
  /** Plain number, magnitude words folded in (3萬噸 → 30000). */
  value: number;
  /** Simplified Chinese, no magnitude, no parentheses; '' where none is written. */
  unit: string;
  dimension: Dimension;
  qualifier?: Qualifier;
  /** Upper end of a range (3—5年 → value 3, valueMax 5). */
  valueMax?: number;
  /** Earlier value of a stated change (由55%提高到95% → the 95% has from 55). */
  from?: number;
  role: Role;
  /** Name of what the figure measures, copied from the text; '' where the text names nothing. */
  label: string;
  /** Offsets of the sentence that holds the figure. */
  sentence: { start: number; end: number };
}

export interface ExtractOptions {
  /**
   * Heading of the section the text sits under (e.g. 二〇二三年计划下达情况). Decides the role
   * where the sentence itself does not. When the text itself holds headings (a whole page given
   * line by line), the extractor tracks them on its own.
   */
  heading?: string;
}
