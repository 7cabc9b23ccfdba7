/**
 * Target versus actual versus unknown (indicators.md, "role"), as a reader of the sentence would
 * say. Sentences are from /work/shared/corpus; where gold-dev.jsonl labels the same sentence, the
 * expectation is the gold one.
 */
import { describe, expect, it } from 'vitest';
import { found } from './test-support';
import type { ExtractOptions } from './index';

const roles = (text: string, options?: ExtractOptions) => found(text, options).map((i) => [i.text, i.role]);

describe('targets: a goal, plan, duty or deadline', () => {
  it.each([
    ['力争', '6月底前,開發區力爭配備1輛密閉式垃圾運輸車和一定數量的垃圾收集車。', '1輛'],
    ['确保', '確保飲用水源水質指標100%達標。', '100%'],
    ['确保…以上', '确保20**年产品质量抽检批次合格率92%以上。', '92%'],
    ['要', '平凉城区空气质量优良天数要达到300天以上。', '300天'],
    ['年内要', '各鎮(中心)年內要發展1—2個專業合作社。', '1—2個'],
    ['计划', '今年市里计划实现土地出让收入9亿元,目前正在着手清理整合相关国有资产。', '9亿元'],
    ['到20xx年', '三是到20**年,80%的县(市)级环境监测站达到国家环境监测站标准化要求。', '80%'],
    ['年内', '年内新增甘肃名牌产品50个以上,积极开展全省知名品牌创建示范区建设。', '50个'],
    ['年内完成', '深入推進既有居住建築節能改造,年內完成120萬平方米改造任務。', '120萬平方米'],
    ['力争到20xx年', '力爭到20xx年,95% 以上的歸口管理企業基層黨組織達到“五個基本”、“七個體系”建設的要求', '95%'],
  ])('%s: %s', (_cue, text, written) => {
    const ind = found(text).find((i) => i.text === written);
    expect(ind?.role).toBe('target');
  });

  it('目标是: every figure of the goal is a target, the scope in parentheses is not', () => {
    const text =
      '下一步,我市深化创建的具体目标是:在申报范围内(创建规划考核范围21平方公里内),增加绿地200多公顷,绿地率达到36%,绿化覆盖率达到39%,人均公共绿地面积达到10.6平方米,其他各项指标均达到国家园林城市标准。';
    expect(roles(text)).toEqual([
      ['21平方公里', 'actual'],
      ['200多公顷', 'target'],
      ['36%', 'target'],
      ['39%', 'target'],
      ['10.6平方米', 'target'],
    ]);
  });

  it('力争 governs the whole sentence of a subsidy plan', () => {
    const text =
      '對新建存欄600頭生豬的家庭農場,上半年建成的給予6萬元補助,下半年建成的給予4萬元補助,力爭年內完成100個“模式”家庭養殖場建設任務,帶動全縣生豬出欄達到40萬頭。';
    expect(found(text).map((i) => i.role)).toEqual(['target', 'target', 'target', 'target', 'target']);
  });
});

describe('actuals: achieved, counted, reported', () => {
  it.each([
    ['完成', '完成环评本底监测项目25个;', '25个'],
    ['已', '迄今,已下乡演出150余场。', '150余场'],
    ['了', '中央巡视组先后开展了8轮巡视,涵盖149个地方和单位,发现了一大批违纪违法问题线索。', '8轮'],
    ['截至 a date (a report, not the deadline of 至2025年)', '截至2023年底，全国5G基站总数达337.7万个。', '337.7万个'],
    ['a period of years (2021年至2023年), not a deadline', '巡视发现，该局2021年至2023年违规发放津补贴共计356.8万元。', '356.8万元'],
    ['累计', '截止目前,累计到位资金1294.9万元(财政扶贫发展资金1194.9万元,地方配套100万元)。', '1294.9万元'],
    ['共', '目前我市各水源流域內共有企業168家。', '168家'],
    ['查处', '上年全市共查處環境違法案件52起,所有行政處罰案件都經局案審會集體審理。', '52起'],
    ['同比', '全市完成建築業總產值795億元,實現建築業增加值180億元,同比分別增長15%、20.5%。', '20.5%'],
  ])('%s: %s', (_cue, text, written) => {
    const ind = found(text).find((i) => i.text === written);
    expect(ind?.role).toBe('actual');
  });

  it('a figure in parentheses after an actual one is actual too', () => {
    const text = '截止目前,累计到位资金1294.9万元(财政扶贫发展资金1194.9万元,地方配套100万元)。';
    expect(found(text).map((i) => i.role)).toEqual(['actual', 'actual', 'actual']);
  });

  it('a report figure without any cue is actual', () => {
    expect(roles('接待68件,處理率100%,結案率98%。')).toEqual([
      ['68件', 'actual'],
      ['100%', 'actual'],
      ['98%', 'actual'],
    ]);
  });
});

describe('unknown: general statements and rule conditions', () => {
  it('据专家测算 makes the figure a general statement', () => {
    expect(roles('据专家测算,一般人口要达到50万人左右,现代城市的功能才能够得到基本完备,城市的感觉才比较明显。')).toEqual([['50万人', 'unknown']]);
  });

  it('a rule condition ending in …的。 is neither target nor actual', () => {
    expect(roles('1.事故影響范圍涉及地、州、市級行政區域內2個以上縣級行政區域,給人民群眾飲食安全帶來嚴重危害的。')).toEqual([['2個', 'unknown']]);
    expect(roles('3.造成10例以上死亡病例的。')).toEqual([['10例', 'unknown']]);
  });
});

describe('headings decide the role of a sentence without a cue', () => {
  const sentence = '**点90户453人,投资543.6万元;';

  it('is actual without a heading', () => {
    // Round 2: a budget line (投资543.6万元 with no cue at all) plans, so this uses one without it.
    expect(found('**点90户453人,搬迁入住率100%;').map((i) => i.role)).toEqual(['actual', 'actual', 'actual']);
  });

  it('a budget line with no cue and no heading allocates money: a target', () => {
    expect(found(sentence).map((i) => i.role)).toEqual(['target', 'target', 'target']);
    expect(found('全年完成投资543.6万元;').map((i) => i.role)).toEqual(['actual']);
  });

  it('the heading option (二)计划下达情况 makes it a target', () => {
    expect(found(sentence, { heading: '(二)计划下达情况' }).map((i) => i.role)).toEqual(['target', 'target', 'target']);
  });

  it('a heading of results keeps it actual', () => {
    expect(found(sentence, { heading: '(三)资金到位情况' }).map((i) => i.role)).toEqual(['actual', 'actual', 'actual']);
  });

  it('a cue in the sentence wins over the heading', () => {
    expect(found('截止目前,累计到位资金1294.9万元。', { heading: '(二)计划下达情况' })[0].role).toBe('actual');
    expect(found('力争年内完成投资280万元。', { heading: '(三)资金到位情况' })[0].role).toBe('target');
  });

  it('a paragraph that opens with (二)计划下达情况。 makes its uncued figures targets', () => {
    const text =
      '(二)计划下达情况。我县2012年扶贫生态移民搬迁工程经省发改审查,确定搬迁规模为五个点350户1707人,计划总投资2048.4万元(财政扶贫发展资金1194.9万元,地方配套853.5万元)。其中:**点150户747人,投资896.4万元;**点90户453人,投资543.6万元;';
    const figs = found(text);
    expect(figs.map((i) => i.text)).toEqual([
      '五个',
      '350户',
      '1707人',
      '2048.4万元',
      '1194.9万元',
      '853.5万元',
      '150户',
      '747人',
      '896.4万元',
      '90户',
      '453人',
      '543.6万元',
    ]);
    expect(new Set(figs.map((i) => i.role))).toEqual(new Set(['target']));
  });

  it('heading lines of a page given line by line set the role until the next heading', () => {
    const text = '(二)计划下达情况\n**点90户453人,投资543.6万元;\n(三)资金到位情况\n地方配套100万元。';
    expect(roles(text)).toEqual([
      ['90户', 'target'],
      ['453人', 'target'],
      ['543.6万元', 'target'],
      ['100万元', 'actual'],
    ]);
  });
});
