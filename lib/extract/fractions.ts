/** Fractions: 百分之十五 (15%), 千分之五 (5‰), 三分之一 and 1/3 (ratios). */
import type { RawFigure } from './scan';
import { isChineseNumeralChar, isChineseNumeralCode, isDigit, readArabic, readChinese, type NumberToken } from './numerals';
import { postQualifier, preQualifier } from './qualifiers';

function readAny(view: string, pos: number): NumberToken | undefined {
  const t = isDigit(view[pos]) ? readArabic(view, pos) : isChineseNumeralChar(view[pos]) ? readChinese(view, pos) : undefined;
  return t && !Number.isNaN(t.value) ? t : undefined;
}

function figure(view: string, start: number, end: number, value: number, unit: string, dimension: RawFigure['dimension']): RawFigure {
  const post = postQualifier(view, end, undefined);
  return {
    start,
    end,
    value,
    valueMax: undefined,
    unit,
    dimension,
    qualifier: post.qualifier ?? preQualifier(view, start),
    isCount: false,
    chinese: !isDigit(view[start]),
    after: post.end,
    listRun: undefined,
  };
}

/** Digits, Chinese numerals and decimal points: the run a fraction's first number is part of. */
export const isNumeralRunChar = (c: string | undefined): boolean => isDigit(c) || isChineseNumeralChar(c) || c === '.';

/** The end of the numeral run at pos (see isNumeralRunChar). */
export function numeralRunEnd(view: string, pos: number): number {
  let k = pos;
  for (;;) {
    const c = view.charCodeAt(k); // by code unit: no one-character string per look (NaN past the end)
    if (!((c >= 48 && c <= 57) || c === 46 || isChineseNumeralCode(c))) break;
    k++;
  }
  return k;
}

/**
 * A fraction at pos: 百分之十五, 千分之五, 三分之一, 1/3. `runEnd` is the end of the numeral run that
 * holds pos (numeralRunEnd); a scanner that reads many numbers in one run (3万3万3万…) passes the
 * end it found once, so that the run is not walked again at every number in it.
 */
export function readFraction(view: string, pos: number, runEnd = numeralRunEnd(view, pos)): RawFigure | undefined {
  const c = view[pos];
  // Cheap test first (this runs at every number): a fraction has 分之 or a slash after its first number.
  if (!(c === '百' || c === '千' || c === '万')) {
    const k = runEnd;
    if (view[k] !== '/' && !(view[k] === '分' && view[k + 1] === '之')) return undefined;
  }
  if ((c === '百' || c === '千' || c === '万') && view.startsWith('分之', pos + 1)) {
    const num = readAny(view, pos + 3);
    if (!num) return undefined;
    if (c === '百') return figure(view, pos, num.end, num.value, '%', 'percent');
    if (c === '千') return figure(view, pos, num.end, num.value, '‰', 'percent');
    return figure(view, pos, num.end, num.value / 10000, '', 'ratio');
  }
  const den = readAny(view, pos);
  if (!den) return undefined;
  if (view.startsWith('分之', den.end)) {
    const nom = readAny(view, den.end + 2);
    if (!nom || den.value === 0) return undefined;
    return figure(view, pos, nom.end, nom.value / den.value, '', 'ratio');
  }
  // 1/3: small integers only, and not part of a date or a code (2022/10/14, 3/5/7).
  if (!den.chinese && den.integer && view[den.end] === '/' && isDigit(view[den.end + 1])) {
    const b = readArabic(view, den.end + 1);
    if (!b?.integer || b.value === 0 || b.value > 100 || den.value >= b.value) return undefined;
    if (view[b.end] === '/' || view[b.end] === '.' || isDigit(view[pos - 1] ?? '')) return undefined;
    return figure(view, pos, b.end, den.value / b.value, '', 'ratio');
  }
  return undefined;
}
