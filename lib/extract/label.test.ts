/**
 * Labels: the name of what a figure measures, copied from the text in its own script
 * (indicators.md, "label"). Sentences are from /work/shared/corpus; where gold-dev.jsonl labels
 * the sentence, the expected label is the gold one.
 */
import { describe, expect, it } from 'vitest';
import { found } from './test-support';

const labelOf = (text: string, written: string) => {
  const ind = found(text).find((i) => i.text === written);
  expect(ind, `${written} in ${text}`).toBeDefined();
  return ind!.label;
};

describe('the subject before a copula (达, 为, 达到)', () => {
  it.each([
    ['市区绿化覆盖率达22.13%', '22.13%', '市区绿化覆盖率'],
    ['全縣設施農業佔比達到9.7%,縣域農業正朝著規模化、優質化、標準化方向邁進。', '9.7%', '設施農業佔比'],
    ['各縣汛期降雨量與正常年份基本持平,出現暴雨天氣過程8次,汛期累計降雨最大值為界嶺站837毫米', '837毫米', '汛期累計降雨最大值'],
    ['比如說,總共90天中,優良天數僅47天,汙染天數達43天,輕度汙染、中度汙染已成為常態。', '47天', '優良天數'],
    ['比如說,總共90天中,優良天數僅47天,汙染天數達43天,輕度汙染、中度汙染已成為常態。', '43天', '汙染天數'],
    ['人均公共绿地面积达到10.6平方米,其他各项指标均达到国家园林城市标准。', '10.6平方米', '人均公共绿地面积'],
    ['接待68件,處理率100%,結案率98%。', '98%', '結案率'],
  ])('%s → %s: %s', (text, written, label) => {
    expect(labelOf(text, written)).toBe(label);
  });
});

describe('modal verbs, dates in front, and nouns made with a verb', () => {
  it.each([
    ['城市绿化覆盖率应达到39%。', '39%', '城市绿化覆盖率'],
    ['赤字率拟按3%安排。', '3%', '赤字率'],
    ['校园安全教育覆盖率须达到100%。', '100%', '校园安全教育覆盖率'],
    // 供应 is the noun, not a modal 应 after 供
    ['全年电力供应120亿千瓦时。', '120亿千瓦时', '电力供应'],
    // a year in Chinese numerals and 本年度 are dates, not part of the name; 三年行动 is a name
    ['二〇二三年全市粮食总产量达到一百二十万吨。', '一百二十万吨', '粮食总产量'],
    ['本年度共组织培训班12期。', '12期', '组织培训班'],
    ['三年行动计划投资5亿元。', '5亿元', '三年行动计划投资'],
    ['明年经济增长率为3.15%。', '3.15%', '经济增长率'],
    // "there are" after a place is not part of the name; 有效 is a word, and 其中有…的 says "with"
    ['全县有贫困户1200户。', '1200户', '贫困户'],
    ['全市有效灌溉面积达到50万亩。', '50万亩', '有效灌溉面积'],
    ['查处违规电游6家(其中有赌博机的4家,非节假日接纳未成年人的2家)', '4家', '有赌博机'],
    // a change verb and a currency before the amount are not part of the name
    ['消费者物价指数上涨1.83%。', '1.83%', '消费者物价指数'],
    ['本府113年度總預算歲出編列新臺幣1,234億元。', '1,234億元', '總預算歲出'],
    // 增加值 and 建成区 are nouns: the verb inside them does not cut the name
    ['建成区绿地率达到38.5%。', '38.5%', '建成区绿地率'],
    ['高技术制造业增加值增长2.7%，占规上工业增加值比重为15.7%。', '15.7%', '规上工业增加值比重'],
  ])('%s → %s: %s', (text, written, label) => {
    expect(labelOf(text, written)).toBe(label);
  });
});

describe('the object after an action verb', () => {
  it.each([
    ['全市完成建築業總產值795億元', '795億元', '建築業總產值'],
    ['科技工作取得显著进展,通过科技部、财政部评审,争取科研项目经费256万元;', '256万元', '科研项目经费'],
    ['完成环评本底监测项目25个;', '25个', '环评本底监测项目'],
    ['上年全市共查處環境違法案件52起,所有行政處罰案件都經局案審會集體審理。', '52起', '環境違法案件'],
    ['市區新鋪汙水管線170公里,市區新增汙水處理能力12.6萬噸/天。', '170公里', '汙水管線'],
    ['市區新鋪汙水管線170公里,市區新增汙水處理能力12.6萬噸/天。', '12.6萬噸/天', '汙水處理能力'],
    ['各級各部門要千方百計加快重點專案建設步伐,確保今年全市固定資產投資完成91 億元。', '91 億元', '固定資產投資'],
    ['我鎮投入了大量的人力物力,先後印發倡議書6500份,橫幅40餘條,宣傳噴繪50多條。', '6500份', '倡議書'],
  ])('%s → %s: %s', (text, written, label) => {
    expect(labelOf(text, written)).toBe(label);
  });

  it('keeps a nominal verb at the end of the name: 总投资1.45亿元 → 总投资', () => {
    expect(labelOf('总投资1.45亿元的国家工业电器质检中心年初通过基建工程竣工验收', '1.45亿元')).toBe('总投资');
    expect(labelOf('**点90户453人,投资543.6万元;', '543.6万元')).toBe('投资');
  });
});

describe('a count names what it counts after the measure word', () => {
  it.each([
    ['严格落实行业扶贫攻坚工作任务,20xx—20xx年市确定的185个贫困村通车任务全部完成。', '185个', '贫困村通车'],
    ['20xx年全市共建成國家級優美鄉鎮1個,生態村2個;', '2個', '生態村'],
    ['我省也发生了12起突发环境事件,影响十分恶劣。', '12起', '突发环境事件'],
    ['中央巡视组先后开展了8轮巡视,涵盖149个地方和单位', '149个', '地方和单位'],
    ['針對查找出的17个廉政风险点,制定11项整改措施', '11项', '整改措施'],
    ['武漢郵電科學研究院為共建村添置4 檯筆記本電腦,捐贈優秀書刊3000 多冊', '4 檯', '筆記本電腦'],
    ['武漢郵電科學研究院為共建村添置4 檯筆記本電腦,捐贈優秀書刊3000 多冊', '3000 多冊', '優秀書刊'],
    ['做好旅游客运、危运企业安全生产述职工作,2家客运企业和18家危运企业负责人进行面对面安全述职。', '2家', '客运企业'],
    ['要补上这个缺口,还需要增加绿地200多公顷,相当于12个张家港公园。', '12个', '张家港公园'],
  ])('%s → %s: %s', (text, written, label) => {
    expect(labelOf(text, written)).toBe(label);
  });

  it('a percentage followed by 的 names the group it measures', () => {
    expect(labelOf('三是到20**年,80%的县(市)级环境监测站达到国家环境监测站标准化要求。', '80%')).toBe('县(市)级环境监测站');
  });
});

describe('labels of figures in a row and in changes', () => {
  it('two figures with nothing between measure the same thing', () => {
    const text = '提前实施**生态移民安置600户2760人,目前已完成征地补偿工作和场地平整工作。';
    expect(labelOf(text, '600户')).toBe('生态移民安置');
    expect(labelOf(text, '2760人')).toBe('生态移民安置');
  });

  it('both figures of a change carry the name of what changed', () => {
    const text = '通過跟蹤督查,全縣柑橘“一病一蟲”防控政策知曉率由55%提高到95%,蛀果率由21.8%降低到1.7%。';
    expect(found(text).map((i) => i.label)).toEqual(['柑橘“一病一蟲”防控政策知曉率', '柑橘“一病一蟲”防控政策知曉率', '蛀果率', '蛀果率']);
  });

  it('names in parentheses are labelled on their own', () => {
    const text = '全市批覆建設專案1450個(其中報告書105個,報告表894個,登記表451個),拒批不符合產業政策和城市規劃、汙染環境的專案79個;';
    expect(found(text).map((i) => i.label)).toEqual(['建設專案', '報告書', '報告表', '登記表', '不符合產業政策和城市規劃、汙染環境的專案']);
  });
});

describe('empty where the text names nothing', () => {
  it('a hidden name (**点, **完成) leaves the label empty', () => {
    expect(
      found('**点90户453人,投资543.6万元;')
        .slice(0, 2)
        .map((i) => i.label),
    ).toEqual(['', '']);
    expect(found('其中:**完成50万元,**完成90万元,**完成37万元,**完成82万元,**完成21万元。').map((i) => i.label)).toEqual(['', '', '', '', '']);
  });

  it('scope and time words in front are not part of the label (全市, 今年, 20xx年)', () => {
    const labels = found('20xx年全市共建成國家級優美鄉鎮1個,生態村2個;').map((i) => i.label);
    expect(labels[0]).toBe('國家級優美鄉鎮');
    for (const l of labels) expect(l).not.toMatch(/全市|20xx/);
  });
});
