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
/**
 * The UI's three locales group digits by thousands with a comma and write a decimal point, as
 * Intl.NumberFormat does for them; written here, the first figure a fresh page or panel shows does
 * not wait 20-50 ms for Intl to load its locale data. Other locales, and numbers JavaScript writes
 * with an exponent, go to Intl.
 */
const COMMA_GROUPED = new Set(['zh-CN', 'zh-TW', 'en']);
const THOUSANDS = /\B(?=(\d{3})+(?!\d))/g;

/** Adds one to the last digit of a string of digits ("0999" → "1000"). */
function incremented(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
    out[i] = '0';
  }
  return `1${out.join('')}`;
}

function commaGrouped(value: number): string | undefined {
  // Intl rounds the shortest decimal that reads back as the value (what String gives), half away from zero.
  const shortest = String(Math.abs(value));
  if (shortest.includes('e')) return undefined; // below 1e-6 or from 1e21: rare, Intl writes them
  const [whole, fraction = ''] = shortest.split('.');
  let digits = whole + fraction.slice(0, 6).padEnd(6, '0');
  if (fraction.length > 6 && fraction.charCodeAt(6) >= 53 /* '5' */) digits = incremented(digits);
  const wholeDigits = digits.slice(0, digits.length - 6).replace(/^0+(?=\d)/, '');
  const kept = digits.slice(-6).replace(/0+$/, '');
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return `${sign}${wholeDigits.replace(THOUSANDS, ',')}${kept ? `.${kept}` : ''}`;
}

/** 35000 → "35,000"; 0.333333 → "0.333333"; non-finite values as JavaScript writes them. */
export function formatNumber(value: number, locale = 'zh-CN'): string {
  if (!Number.isFinite(value)) return String(value);
  if (COMMA_GROUPED.has(locale)) {
    const written = commaGrouped(value);
    if (written !== undefined) return written;
  }
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
