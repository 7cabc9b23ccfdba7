import { describe, expect, it } from 'vitest';
import { formatFigure, formatNumber } from './format';

describe('formatNumber', () => {
  it('groups digits for the locale and keeps up to six decimals', () => {
    expect(formatNumber(35000)).toBe('35,000');
    expect(formatNumber(35000, 'en')).toBe('35,000');
    expect(formatNumber(1 / 3)).toBe('0.333333');
    expect(formatNumber(Number.NaN)).toBe('NaN');
  });
});

describe('formatFigure', () => {
  it('writes qualifier, range, change and unit', () => {
    expect(formatFigure({ value: 35000, unit: '吨', qualifier: '>=' })).toBe('≥35,000 吨');
    // A manual clip with no readable number until the reader gives one.
    expect(formatFigure({ unit: '吨' })).toBe('— 吨');
    expect(formatFigure({ unit: '' })).toBe('—');
    expect(formatFigure({ value: 3, valueMax: 5, unit: '年' })).toBe('3–5 年');
    expect(formatFigure({ value: 95, from: 55, unit: '%' })).toBe('55 → 95 %');
    expect(formatFigure({ value: 3, unit: '', qualifier: '~' })).toBe('≈3');
    expect(formatFigure({ value: 12, unit: '' })).toBe('12');
  });
});
