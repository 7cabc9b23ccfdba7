/**
 * Qualifier words before and after a figure (indicators.md, "qualifier"). The span of a figure
 * excludes qualifier words outside the number and unit; 多 / 余 / 来 between them are inside
 * (scan.test.ts). Sentences are from /work/shared/corpus.
 */
import { describe, expect, it } from 'vitest';
import { the } from './test-support';
import { postQualifier, preQualifier } from './qualifiers';
import { matchUnit } from './units';

describe('qualifier words after the figure, outside its span', () => {
  it.each([
    ['确保20**年产品质量抽检批次合格率92%以上。', '92%', '>='],
    ['平凉城区空气质量优良天数要达到300天以上。', '300天', '>='],
    ['每月完成入戶調查200戶以上,同時請被調查農戶在督查表冊上簽名', '200戶', '>='],
    ['1.事故影響范圍涉及地、州、市級行政區域內2個以上縣級行政區域', '2個', '>='],
    ['75分以下為不合格。', '75分', '<='],
    ['镇直部门以190分以上为优秀,180分--189分为良好,160分--179分为合格,159分以下为不合格。', '159分', '<='],
    ['20xx年全市可吸入颗粒物(pm10)年均浓度值要控制在85微克/立方米以内', '85微克/立方米', '<='],
    ['据专家测算,一般人口要达到50万人左右,现代城市的功能才能够得到基本完备', '50万人', '~'],
    ['用三年左右的时间,全面提升农村公路建、管、养、运水平', '三年', '~'],
  ])('%s → %s %s', (text, written, qualifier) => {
    const ind = the(text, written);
    expect(ind.qualifier).toBe(qualifier);
    expect(ind.text).not.toMatch(/以上|以下|以内|左右/);
  });

  it('reads 年多 after a duration as more than', () => {
    expect(the('该项目已建设3年多', '3年').qualifier).toBe('>');
  });
});

describe('qualifier words before the figure, outside its span', () => {
  it.each([
    ['严格规划审批,确保新建单位、居住区的绿地率不少于40%。', '40%', '>='],
    ['为准确了解一线教学动态,市局要求主抓教学教研的业务干部每学期兼课不少于50节', '50节', '>='],
    ['确保主街道每天保洁时间不低于12小时的同时', '12小时', '>='],
    ['市场买样在定期监督抽查、专项监督抽查中的占比分别不低于5%和10%', '5%', '>='],
    ['全年分配各類保障房13681套,解決了近6萬人的住房困難。', '6萬人', '~'],
    ['先后组织召开了整治工作动员会,印发了近500份整治公告', '500份', '~'],
    ['工程总规划面积1567亩,总投资约6673万元。', '6673万元', '~'],
    ['对万红港沙洲路至暨阳路段,两侧建30~80米宽的滨河绿带,绿化面积约7.6公顷,明年6月份完成。', '7.6公顷', '~'],
    ['目前,绿地率尚不足30%的,要加大投入,加快建设;', '30%', '<'],
    ['两座教学楼投入使用不足8年时间就报废', '8年', '<'],
    ['中央立案审查的中管干部案件超过100件', '100件', '>'],
    ['各督查小組堅持每次督查一個鄉鎮的村不少于1/3', '1/3', '>='],
  ])('%s → %s %s', (text, written, qualifier) => {
    const ind = the(text, written);
    expect(ind.qualifier).toBe(qualifier);
  });

  it('leaves a figure without qualifier words unqualified', () => {
    const text = '工程总规划面积1567亩,总投资约6673万元。';
    expect(the(text, '1567亩').qualifier).toBeUndefined();
    expect(the('通過跟蹤督查,蛀果率由21.8%降低到1.7%。', '1.7%').qualifier).toBeUndefined();
  });

  it('does not read 近 in 最近 or 附近 as nearly', () => {
    expect(the('最近5年来全县新建学校5所', '5所').qualifier).toBeUndefined();
    // 附近 gives no ~; 范圍內 after a distance is "within" (gold-dev2.md, round 2).
    expect(the('徹底取締重點河段附近500米范圍內的土小企業', '500米').qualifier).toBe('<=');
  });
});

describe('preQualifier and postQualifier', () => {
  it('reads the longest word ending right before the figure, a space allowed', () => {
    expect(preQualifier('不少于40%', 3)).toBe('>=');
    expect(preQualifier('不超过5%', 3)).toBe('<=');
    expect(preQualifier('大约3000人', 2)).toBe('~');
    expect(preQualifier('超过 100件', 3)).toBe('>');
    expect(preQualifier('最近5年', 2)).toBeUndefined();
    expect(preQualifier('40%', 0)).toBeUndefined();
  });

  it('reads the word after the unit and says where the text after it starts', () => {
    expect(postQualifier('92%以上。', 3, matchUnit('%', 0))).toEqual({ qualifier: '>=', end: 5 });
    expect(postQualifier('50万人左右,', 4, matchUnit('人', 0))).toEqual({ qualifier: '~', end: 6 });
    expect(postQualifier('3年多', 2, matchUnit('年', 0))).toEqual({ qualifier: '>', end: 3 });
    expect(postQualifier('40个多', 3, matchUnit('个', 0))).toEqual({ end: 3 }); // 多 after a count starts a new word
    expect(postQualifier('40%,', 3, matchUnit('%', 0))).toEqual({ end: 3 });
  });
});
