/**
 * Relations between the figures of one sentence: a stated change (由A提高到B: B has from A, and
 * both carry the label of what changed) and 分别 lists (each figure takes the name of the
 * quantity named earlier, in order). Sentences are from /work/shared/corpus.
 */
import { describe, expect, it } from 'vitest';
import { found } from './test-support';

const summary = (text: string) => found(text).map((i) => ({ text: i.text, value: i.value, from: i.from, label: i.label }));

describe('stated changes', () => {
  it('由55%提高到95%: the second figure has from 55, both the same label', () => {
    const text = '通過跟蹤督查,全縣柑橘“一病一蟲”防控政策知曉率由55%提高到95%,蛀果率由21.8%降低到1.7%。';
    const label = '柑橘“一病一蟲”防控政策知曉率';
    expect(summary(text)).toEqual([
      { text: '55%', value: 55, from: undefined, label },
      { text: '95%', value: 95, from: 55, label },
      { text: '21.8%', value: 21.8, from: undefined, label: '蛀果率' },
      { text: '1.7%', value: 1.7, from: 21.8, label: '蛀果率' },
    ]);
  });

  it('links counts as well: 由4项增加到5项, 由原来的3项增加到6项', () => {
    const text = '“十三五”期间,国家将污染物减排指标由4项增加到5项,新的空气环境质量考核指标由原来的3项增加到6项。';
    expect(found(text).map((i) => [i.text, i.from])).toEqual([
      ['4项', undefined],
      ['5项', 4],
      ['3项', undefined],
      ['6项', 3],
    ]);
  });

  it('从…增加到… and 从…到… state a change, not a range', () => {
    const rise = found('全县农民人均纯收入从3000元增加到4500元');
    expect(rise.map((i) => [i.text, i.value, i.from, i.valueMax])).toEqual([
      ['3000元', 3000, undefined, undefined],
      ['4500元', 4500, 3000, undefined],
    ]);
    const plain = found('城区绿地率从20%到30%');
    expect(plain.map((i) => [i.text, i.from, i.valueMax])).toEqual([
      ['20%', undefined, undefined],
      ['30%', 20, undefined],
    ]);
  });

  it('does not link figures of different units', () => {
    expect(found('投资由500万元增加到80%').every((i) => i.from === undefined)).toBe(true);
  });

  it('does not take a change of amount for the earlier value of a percentage point change', () => {
    const text = '12369環保熱線受理群眾舉報2151件,群眾滿意率97.4%,群眾滿意率同比提高0.3個百分點。';
    expect(found(text).every((i) => i.from === undefined)).toBe(true);
  });

  it('does not link figures with 由 far before them in another clause', () => {
    const text = '由市安委会颁布规则,全年完成检查15次,到年底覆盖20家企业';
    expect(found(text).every((i) => i.from === undefined)).toBe(true);
  });
});

describe('分别 lists', () => {
  it('同比分別增長15%、20.5%: each takes the label of the earlier figure, in order', () => {
    const text = '全市完成建築業總產值795億元,實現建築業增加值180億元,同比分別增長15%、20.5%。';
    expect(found(text).map((i) => [i.text, i.label])).toEqual([
      ['795億元', '建築業總產值'],
      ['180億元', '建築業增加值'],
      ['15%', '建築業總產值'],
      ['20.5%', '建築業增加值'],
    ]);
  });

  it('takes the 、-list of names before 分别 where no earlier figures name them', () => {
    const text =
      '我區規模以上工業總產值、營業總收入、固定資產投資、實際上交稅金、利潤總額等主要指標增幅,分別高出全國115個國家級高新區平均水平4.5、4.6、8.5、5.3、2個百分點,我區經濟實力和科技創新能力分別排在國家級高新區第23位和第29位,進入國家級高新區第一方陣。';
    const points = found(text).filter((i) => i.unit === '个百分点');
    expect(points.map((i) => [i.text, i.label])).toEqual([
      ['4.5', '規模以上工業總產值'],
      ['4.6', '營業總收入'],
      ['8.5', '固定資產投資'],
      ['5.3', '實際上交稅金'],
      ['2個百分點', '利潤總額'],
    ]);
  });

  it('pairs 和-joined figures with the 和-joined quantities before them', () => {
    const text = '房地產業、建築業分別繳納稅收83.2億元和29.9億元,同比增長37.2%和18.2%,分別佔全市地稅收入的28%和10.1%';
    const figs = found(text);
    const labelOf = (written: string) => figs.find((i) => i.text === written)!.label;
    expect(labelOf('37.2%')).toBe(labelOf('83.2億元'));
    expect(labelOf('18.2%')).toBe(labelOf('29.9億元'));
    expect(labelOf('29.9億元')).not.toBe(labelOf('83.2億元'));
    for (const i of figs) expect(i.label).not.toMatch(/^和|和$/);
  });

  it('gives every figure of the chain the one name before 分别, and the next chain the same', () => {
    const text = '城乡居民人均可支配收入分别达到48,000元和22,000元，分别增长5%和7%。';
    expect(found(text).map((i) => [i.text, i.label])).toEqual([
      ['48,000元', '城乡居民人均可支配收入'],
      ['22,000元', '城乡居民人均可支配收入'],
      ['5%', '城乡居民人均可支配收入'],
      ['7%', '城乡居民人均可支配收入'],
    ]);
  });

  it('leaves the labels of a sentence without 分别 to each figure', () => {
    const text = '20xx年全市共建成國家級優美鄉鎮1個,生態村2個;';
    expect(found(text).map((i) => [i.text, i.label])).toEqual([
      ['1個', '國家級優美鄉鎮'],
      ['2個', '生態村'],
    ]);
  });
});
