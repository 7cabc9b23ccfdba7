/**
 * parseQuantity, parseUnitHeader and roleOfHeader: a lone quantity (a manual clip, a table cell)
 * and a table header's unit and role, read with the extractor's number readers and unit lexicon.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuantity, parseUnitHeader, roleOfHeader } from './index';
import { DIMENSIONS, QUALIFIERS } from './types';

describe('parseQuantity', () => {
  it.each([
    ['3.5万吨', 35000, '吨', 'mass'],
    ['１２３４', 1234, '', 'other'],
    ['1,234,567元', 1234567, '元', 'money'],
    ['5.39億元', 539000000, '元', 'money'],
    ['1億4,778萬5千元', 147785000, '元', 'money'],
    ['42亿6,550万8千元', 4265508000, '元', 'money'],
    ['三千二百人', 3200, '人', 'count'],
    ['百分之十五', 15, '%', 'percent'],
    ['97.7%', 97.7, '%', 'percent'],
    ['2个百分点', 2, '个百分点', 'points'],
    ['12.6萬噸/天', 126000, '吨/天', 'flow'],
    ['261948亿吨公里', 26194800000000, '吨公里', 'other'],
    ['1.2万千瓦时', 12000, '千瓦时', 'energy'],
    ['3个亿', 300000000, '', 'money'],
    ['1/3', 1 / 3, '', 'ratio'],
  ])('%s → %d %s %s', (text, value, unit, dimension) => {
    const q = parseQuantity(text)!;
    expect(q.value).toBeCloseTo(value, 6);
    expect(q).toMatchObject({ unit, dimension, start: 0, end: text.length });
  });

  it('gives offsets into the text given, number through unit', () => {
    const text = '全年完成投资280万元，增长5%';
    const q = parseQuantity(text)!;
    expect(text.slice(q.start, q.end)).toBe('280万元');
    expect(q.value).toBe(2800000);
  });

  it('reads qualifiers around the number', () => {
    expect(parseQuantity('约3万人')).toMatchObject({ value: 30000, qualifier: '~', start: 1 });
    expect(parseQuantity('98%以上')).toMatchObject({ value: 98, qualifier: '>=', end: 3 });
    expect(parseQuantity('60多万人')).toMatchObject({ value: 600000, qualifier: '>' });
  });

  it('reads a minus sign at the start of a cell, not a dash inside a range', () => {
    expect(parseQuantity('-2.3%')).toMatchObject({ value: -2.3, unit: '%', start: 0 });
    expect(parseQuantity('−0.5')).toMatchObject({ value: -0.5 });
    expect(parseQuantity('3-5年')!.value).toBe(3);
  });

  it('reads the number in a cell with other words, and digits before a lone Chinese numeral', () => {
    expect(parseQuantity('统一规划用地300亩')).toMatchObject({ value: 300, unit: '亩' });
    expect(parseQuantity('第一')).toMatchObject({ value: 1, unit: '' });
    expect(parseQuantity('完成9\u00ad8%')).toMatchObject({ value: 98, unit: '%' });
  });

  it('is null where there is no number, and never throws', () => {
    for (const t of ['', '合计', '—', '……', undefined as unknown as string, null as unknown as string, 5 as unknown as string])
      expect(parseQuantity(t)).toBeNull();
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (t) => {
        const q = parseQuantity(t);
        if (q === null) return;
        expect(Number.isFinite(q.value)).toBe(true);
        expect(q.start).toBeGreaterThanOrEqual(0);
        expect(q.end).toBeGreaterThan(q.start);
        expect(q.end).toBeLessThanOrEqual(t.length);
        expect(DIMENSIONS).toContain(q.dimension);
        if (q.qualifier) expect(QUALIFIERS).toContain(q.qualifier);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseUnitHeader', () => {
  it.each([
    ['亿元', '元', 1e8, 'money'],
    ['（万元）', '元', 1e4, 'money'],
    ['金额(万元)', '元', 1e4, 'money'],
    ['单位：万元', '元', 1e4, 'money'],
    ['单位:亿元、%', '元', 1e8, 'money'],
    ['增长%', '%', 1, 'percent'],
    ['比上年±%', '%', 1, 'percent'],
    ['增速(%)', '%', 1, 'percent'],
    ['万吨', '吨', 1e4, 'mass'],
    ['產量（萬噸）', '吨', 1e4, 'mass'],
    ['万人', '人', 1e4, 'count'],
    ['个', '个', 1, 'count'],
    ['万千瓦时', '千瓦时', 1e4, 'energy'],
    ['公顷', '公顷', 1, 'area'],
    ['千元', '元', 1e3, 'money'],
    ['装机容量(千瓦)', '千瓦', 1, 'power'],
    ['增减(个百分点)', '个百分点', 1, 'points'],
  ])('%s → %s ×%d %s', (text, unit, scale, dimension) => {
    expect(parseUnitHeader(text)).toEqual({ unit, scale, dimension });
  });

  it('is null where the text states no unit', () => {
    for (const t of ['指标', '2024年', '2024年目标', '人均GDP', '项目名称', '户数', '', '地区']) expect(parseUnitHeader(t), t).toBeNull();
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (t) => {
        const h = parseUnitHeader(t);
        if (h) expect(Number.isFinite(h.scale) && h.scale > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('roleOfHeader', () => {
  it.each([
    ['2024年目标', 'target'],
    ['计划', 'target'],
    ['预计', 'target'],
    ['預算數', 'target'],
    ['计划完成', 'target'],
    ['2023年完成', 'actual'],
    ['实际', 'actual'],
    ['實績', 'actual'],
    ['上年', 'actual'],
    ['完成计划%', 'actual'],
  ])('%s → %s', (text, role) => {
    expect(roleOfHeader(text)).toBe(role);
  });

  it('is undefined for anything else', () => {
    for (const t of ['指标', '2024年', '单位', '', '增长%']) expect(roleOfHeader(t)).toBeUndefined();
  });
});
