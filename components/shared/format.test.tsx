import { describe, expect, it } from 'vitest';
import { fileSafe, formatDateTime, isoDate } from './format';

describe('formatDateTime', () => {
  it('writes the date as the locale does', () => {
    const iso = '2024-03-05T01:00:00.000Z';
    const en = formatDateTime(iso, 'en');
    expect(en).toMatch(/Mar/);
    expect(en).toMatch(/2024/);
    expect(formatDateTime(iso, 'zh-CN')).toMatch(/2024年3月[56]日/);
    expect(formatDateTime(iso, 'zh-TW')).toMatch(/2024年3月[56]日/);
    expect(formatDateTime(iso, 'zh-TW')).not.toBe(en);
  });

  it('keeps a value it cannot read as it is', () => {
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });
});

describe('isoDate', () => {
  it('pads month and day', () => {
    expect(isoDate(new Date(2024, 0, 5))).toBe('2024-01-05');
  });
});

describe('fileSafe', () => {
  it('keeps host names and replaces anything else', () => {
    expect(fileSafe('www.gov.cn')).toBe('www.gov.cn');
    expect(fileSafe('a/b:c')).toBe('a_b_c');
    expect(fileSafe('')).toBe('page');
  });
});
