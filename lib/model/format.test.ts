import { describe, expect, it } from 'vitest';
import { formatFigure, formatNumber } from './format';

describe('formatNumber', () => {
  it('groups digits for the locale and keeps up to six decimals', () => {
    expect(formatNumber(35000)).toBe('35,000');
    expect(formatNumber(35000, 'en')).toBe('35,000');
    expect(formatNumber(1 / 3)).toBe('0.333333');
    expect(formatNumber(Number.NaN)).toBe('NaN');
  });

  it('writes exactly what Intl.NumberFormat writes, in each of the UI languages and in others', () => {
    // Halves at the sixth decimal, carries through nines, the largest and smallest, negatives, -0.
    const values = [0, -0, 1, -1, 0.5, 5e-7, 1.0000005, 999.9999995, -0.0052115, 46100549612.2665, 1e15, 123456789012345680000, 1e21, 1 / 3, 0.1 + 0.2];
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 5000; i++) {
      const magnitude = 10 ** Math.floor(random() * 22 - 7);
      let value = random() * magnitude * (random() < 0.2 ? -1 : 1);
      if (random() < 0.3) value = Math.round(value * 1e6) / 1e6 + 5e-7;
      values.push(value);
    }
    for (const locale of ['zh-CN', 'zh-TW', 'en', 'de-DE']) {
      const intl = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
      const differing = values.filter((v) => formatNumber(v, locale) !== intl.format(v));
      expect(differing, locale).toEqual([]);
    }
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
