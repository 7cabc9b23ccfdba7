/**
 * Fractions: 百分之十五 is 15%, 千分之五 is 5‰, 三分之一 and 1/3 are ratios; dates and codes
 * written with slashes are not. Sentences are from /work/shared/corpus where it has fractions
 * (1/3); the corpus writes no 百分之 or 分之 figure, so those sentences are rewritten ones.
 */
import { describe, expect, it } from 'vitest';
import { found, the } from './test-support';
import { readFraction } from './fractions';

describe('Chinese fractions', () => {
  it('reads 百分之 as percent with the unit %', () => {
    expect(the('通過跟蹤督查,蛀果率降低百分之十五。', '百分之十五')).toMatchObject({ value: 15, unit: '%', dimension: 'percent' });
  });

  it('keeps a qualifier after 百分之…', () => {
    expect(the('确保产品质量抽检批次合格率百分之九十五以上。', '百分之九十五')).toMatchObject({ value: 95, unit: '%', qualifier: '>=' });
  });

  it('reads 千分之 as per mille', () => {
    expect(the('人口自然增长率控制在千分之五以内', '千分之五')).toMatchObject({ value: 5, unit: '‰', dimension: 'percent', qualifier: '<=' });
  });

  it('reads N分之M as the ratio M/N with no unit', () => {
    const ind = the('各督查小組堅持每次督查三分之一的村', '三分之一');
    expect(ind).toMatchObject({ unit: '', dimension: 'ratio' });
    expect(ind.value).toBeCloseTo(1 / 3, 6);
    expect(the('全市十分之一的企业', '十分之一').value).toBeCloseTo(0.1, 9);
  });

  it('does not read 分之 inside a word as a fraction (平均分之和)', () => {
    const text = '从去年期中八年级质量检测的成绩来看,全市28所初中,各校平均分之和(总平均分)最大差距达180分(满分600分);';
    const texts = found(text).map((i) => i.text);
    expect(texts).toEqual(expect.arrayContaining(['28所', '180分']));
    expect(texts.filter((t) => t.includes('分之'))).toEqual([]);
  });
});

describe('slash fractions', () => {
  it('reads each 1/3 of a corpus sentence as a ratio', () => {
    const text = '在切实整合各类项目资金的前提下,采取老百姓自筹1/3、协调贷款1/3、国家补助建房1/3的方式,确保农户搬得出,住得下。';
    const ratios = found(text);
    expect(ratios).toHaveLength(3);
    for (const r of ratios) {
      expect(r).toMatchObject({ text: '1/3', unit: '', dimension: 'ratio' });
      expect(r.value).toBeCloseTo(1 / 3, 6);
    }
    const first = text.indexOf('1/3');
    const second = text.indexOf('1/3', first + 1);
    expect(ratios.map((r) => r.start)).toEqual([first, second, text.lastIndexOf('1/3')]);
  });

  it('takes the qualifier in front: 不少于1/3', () => {
    expect(the('各督查小組堅持每次督查一個鄉鎮的村不少于1/3,每月完成入戶調查200戶以上', '1/3')).toMatchObject({ qualifier: '>=' });
  });

  it('does not read dates, codes, improper fractions or a zero denominator', () => {
    expect(found('发布日期:2022/10/14')).toEqual([]);
    expect(found('按3/5/7的比例')).toEqual([]);
    expect(found('比值为5/3')).toEqual([]);
    expect(found('比值为1/0')).toEqual([]);
    expect(found('见第1/3页')).toEqual([]);
  });
});

describe('readFraction', () => {
  it('says where the fraction ends', () => {
    expect(readFraction('百分之十五。', 0)).toMatchObject({ start: 0, end: 5, value: 15, unit: '%' });
    expect(readFraction('1/3、', 0)).toMatchObject({ start: 0, end: 3, unit: '', dimension: 'ratio' });
  });

  it('returns nothing where no fraction starts', () => {
    expect(readFraction('百分点', 0)).toBeUndefined();
    expect(readFraction('3个', 0)).toBeUndefined();
    expect(readFraction('百分之', 0)).toBeUndefined();
  });
});
