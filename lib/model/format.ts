/**
 * How a figure reads on every screen (page tooltip, popup, side panel): the number grouped for the
 * reader's locale, the qualifier as a sign, a range, a change, the unit. One formatter, so the page
 * and the lists never disagree. Signs are language-neutral; the locale only groups digits.
 */
import type { Qualifier } from '../extract/types';
import type { ClippedIndicator } from './clip';

/** How a qualifier reads in front of a figure: ≥35,000 吨, ≈3 万人. */
export const QUALIFIER_SIGNS: Record<Qualifier, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '~': '≈' };

const formatters = new Map<string, Intl.NumberFormat>();

/** 35000 → "35,000"; 0.333333 → "0.333333"; non-finite values as JavaScript writes them. */
export function formatNumber(value: number, locale = 'zh-CN'): string {
  if (!Number.isFinite(value)) return String(value);
  let format = formatters.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
    formatters.set(locale, format);
  }
  return format.format(value);
}

type FigureFields = Pick<ClippedIndicator, 'value' | 'unit' | 'qualifier' | 'valueMax' | 'from'>;

/** The normalised figure, e.g. "≥35,000 吨", "3–5 年", "55 → 95 %". */
export function formatFigure(figure: FigureFields, locale = 'zh-CN'): string {
  const sign = figure.qualifier ? (QUALIFIER_SIGNS[figure.qualifier] ?? '') : '';
  // A manual clip whose selection held no readable number has no value until the reader gives one.
  if (figure.value === undefined) return `—${figure.unit ? ` ${figure.unit}` : ''}`;
  let number = formatNumber(figure.value, locale);
  if (figure.valueMax !== undefined) number = `${number}–${formatNumber(figure.valueMax, locale)}`;
  if (figure.from !== undefined) number = `${formatNumber(figure.from, locale)} → ${number}`;
  return `${sign}${number}${figure.unit ? ` ${figure.unit}` : ''}`;
}
