/**
 * The scanner's compound figures: ranges, a 、-list that shares one unit, 多 / 余 / 来 inside a
 * figure, and figures written back to back. Sentences are from /work/shared/corpus.
 */
import { describe, expect, it } from 'vitest';
import { found, the } from './test-support';
import { scanFigures } from './scan';
import { matchingView } from './normalize';

describe('ranges: one indicator, value to valueMax', () => {
  it.each([
    ['按照這一規劃,計劃用3—5年時間,初步構築我市生態城市的基本框架', '3—5年', 3, 5, '年', 'duration'],
    ['各鎮(中心)年內要發展1—2個專業合作社。', '1—2個', 1, 2, '个', 'count'],
    ['美国的城市化率达到了85-90%,日本的城市化率达90%', '85-90%', 85, 90, '%', 'percent'],
    ['局领导班子成员每人还多联系2~3家行业协会、5~6家企业', '2~3家', 2, 3, '家', 'count'],
    ['局领导班子成员每人还多联系2~3家行业协会、5~6家企业', '5~6家', 5, 6, '家', 'count'],
    ['规则杨新公路、北二环路、凤恬公路、西塘公路四条市级主干道两侧建设25~30米景观绿带', '25~30米', 25, 30, '米', 'length'],
    ['就能拉动经济增长1.5-3个百分点', '1.5-3个百分点', 1.5, 3, '个百分点', 'points'],
    ['镇直部门以190分以上为优秀,180分--189分为良好,160分--179分为合格,159分以下为不合格。', '180分--189分', 180, 189, '分', 'other'],
    ['镇直部门以190分以上为优秀,180分--189分为良好,160分--179分为合格,159分以下为不合格。', '160分--179分', 160, 179, '分', 'other'],
    ['力争两到三年的时间,彻底解决监测队伍人员知识结构问题。', '两到三年', 2, 3, '年', 'duration'],
  ])('%s → %s', (text, written, value, valueMax, unit, dimension) => {
    const ind = the(text, written);
    expect(ind).toMatchObject({ value, valueMax, unit, dimension });
    expect(ind.qualifier).toBeUndefined();
  });

  it('gives the lower end the magnitude of the upper one: 3至5万元 is 30000 to 50000', () => {
    expect(the('对获评的示范村给予3至5万元奖励', '3至5万元')).toMatchObject({ value: 30000, valueMax: 50000, unit: '元', dimension: 'money' });
  });

  it('gives a bare magnitude the unit of the upper end: 70万到120万个 is 700000 to 1200000', () => {
    const text = 'gdp每增长1个百分点,可增加70万到120万个就业机会';
    expect(the(text, '70万到120万个')).toMatchObject({ value: 700000, valueMax: 1200000, unit: '个', dimension: 'count' });
  });

  it('does not take a span of months, machine numbers or a phone number for a range', () => {
    expect(found('去年3-4月,馆里筹措资金3万元').map((i) => i.text)).toEqual(['3万元']);
    expect(found('實施黃臺8號機組等脫硝治理、華電1-4號機組等脫硫改造專案')).toEqual([]);
    expect(found('辦公室電話:0355—6762306(兼傳真)')).toEqual([]);
  });

  it('does not read an upper end below the lower one as a range', () => {
    expect(found('用5-3年时间').filter((i) => i.valueMax !== undefined)).toEqual([]);
  });
});

describe('a 、-list sharing the unit of its last member', () => {
  const text =
    '我區規模以上工業總產值、營業總收入、固定資產投資、實際上交稅金、利潤總額等主要指標增幅,分別高出全國115個國家級高新區平均水平4.5、4.6、8.5、5.3、2個百分點';

  it('gives each bare number the unit and dimension of the last', () => {
    const points = found(text).filter((i) => i.dimension === 'points');
    expect(points.map((i) => [i.text, i.value, i.unit])).toEqual([
      ['4.5', 4.5, '个百分点'],
      ['4.6', 4.6, '个百分点'],
      ['8.5', 8.5, '个百分点'],
      ['5.3', 5.3, '个百分点'],
      ['2個百分點', 2, '个百分点'],
    ]);
  });

  it('folds the magnitude of the last member into every bare number', () => {
    const ind = found('新增綠地3、4、5萬畝');
    expect(ind.map((i) => [i.text, i.value, i.unit])).toEqual([
      ['3', 30000, '亩'],
      ['4', 40000, '亩'],
      ['5萬畝', 50000, '亩'],
    ]);
  });

  it('ends a list with 和 as well as with 、', () => {
    const text = '進一步將環境影響報告書、報告表、登記表的審批時限縮短到12、5和2工作日';
    expect(found(text).map((i) => [i.text, i.value, i.unit, i.dimension])).toEqual([
      ['12', 12, '工作日', 'duration'],
      ['5', 5, '工作日', 'duration'],
      ['2工作日', 2, '工作日', 'duration'],
    ]);
    const points = found('貢獻率較去年分別提高了5.1和0.5個百分點');
    expect(points.map((i) => [i.text, i.value, i.unit])).toEqual([
      ['5.1', 5.1, '个百分点'],
      ['0.5個百分點', 0.5, '个百分点'],
    ]);
  });

  it('does not make list numbering or a bare list without a unit into figures', () => {
    expect(found('1、對2007年和2008年飲用水源保護區集中整治中發現的問題進行跟蹤督辦。')).toEqual([]);
    expect(found('三是全面完成5、6、7号机组改造')).toEqual([]);
  });
});

describe('多, 余 and 来 between the number and the unit are part of the figure', () => {
  it.each([
    ['我鎮投入了大量的人力物力,先後印發倡議書6500份,橫幅40餘條,宣傳噴繪50多條。', '40餘條', 40, '条', '>'],
    ['我鎮投入了大量的人力物力,先後印發倡議書6500份,橫幅40餘條,宣傳噴繪50多條。', '50多條', 50, '条', '>'],
    ['全年共接纳外地剧团演出40余场', '40余场', 40, '场', '>'],
    ['在國家、省、市各級新聞媒體發表稿件2100餘篇;', '2100餘篇', 2100, '篇', '>'],
    ['湖北衛視等20多家新聞媒體相繼報道了我區改革創新情況', '20多家', 20, '家', '>'],
    ['捐贈優秀書刊3000 多冊,豐富農村群眾文化陣地。', '3000 多冊', 3000, '册', '>'],
    ['全市已有1500多名市民自觉参加认建认养绿地活动,共捐款10余万元。', '10余万元', 100000, '元', '>'],
    ['水質檢測的內容,已從過去的30來項增加到目前的50來項。', '30來項', 30, '项', '~'],
  ])('%s → %s', (text, written, value, unit, qualifier) => {
    expect(the(text, written)).toMatchObject({ value, unit, qualifier });
  });
});

describe('figures back to back', () => {
  it('reads 350户1707人 as two indicators', () => {
    const text = '确定搬迁规模为五个点350户1707人,计划总投资2048.4万元';
    expect(found(text).map((i) => [i.text, i.value, i.unit, i.dimension])).toEqual([
      ['五个', 5, '个', 'count'],
      ['350户', 350, '户', 'count'],
      ['1707人', 1707, '人', 'count'],
      ['2048.4万元', 20484000, '元', 'money'],
    ]);
  });

  it('keeps the figures after a hidden name: **点90户453人', () => {
    expect(found('**点90户453人,投资543.6万元;').map((i) => i.text)).toEqual(['90户', '453人', '543.6万元']);
  });
});

describe('scanFigures', () => {
  it('returns figures in text order with offsets of the view, which match the text', () => {
    const text = '全市批覆建設專案1450個(其中報告書105個,報告表894個,登記表451個),拒批不符合產業政策和城市規劃、汙染環境的專案79個;';
    const figs = scanFigures(matchingView(text));
    expect(figs.map((f) => text.slice(f.start, f.end))).toEqual(['1450個', '105個', '894個', '451個', '79個']);
    for (let k = 1; k < figs.length; k++) expect(figs[k].start).toBeGreaterThanOrEqual(figs[k - 1].end);
    expect(figs.every((f) => f.unit === '个' && f.isCount)).toBe(true);
  });
});
