/**
 * Round 2 of the extractor (the issue "rows an analyst can use without re-reading every one"):
 * numbers of budget texts, what is not an indicator, roles from sections, labels. Sentences are
 * from the issue, from gold-dev2.md, and written in the style of documents the corpus lacks
 * (statistical bulletins, five-year plans, Taiwan budget motions, other provinces' work reports).
 */
import { describe, expect, it } from 'vitest';
import { found, the } from './test-support';

const texts = (text: string, heading?: string) => found(text, heading ? { heading } : undefined).map((i) => i.text);
const roles = (text: string, heading?: string) => found(text, heading ? { heading } : undefined).map((i) => [i.text, i.role]);
const labels = (text: string, heading?: string) => found(text, heading ? { heading } : undefined).map((i) => [i.text, i.label]);

describe('numbers', () => {
  it.each([
    ['預算編列1億4,778萬5千元', '1億4,778萬5千元', 147785000],
    ['决算数为42亿6,550万8千元', '42亿6,550万8千元', 4265508000],
    ['減列714萬3千元', '714萬3千元', 7143000],
    ['补助1万2000元', '1万2000元', 12000],
    ['投资2亿3千万元', '2亿3千万元', 230000000],
  ])('a chained amount is one figure: %s', (text, written, value) => {
    expect(texts(text)).toEqual([written]);
    expect(the(text, written)).toMatchObject({ value, unit: '元', dimension: 'money' });
  });

  it('chains only smaller parts after a magnitude: 3万3万, 3亿3亿 and 5万2018年 are no chains', () => {
    expect(found('3万3万3万').map((i) => i.value)).toEqual([30000, 30000, 30000]);
    expect(found('3亿3亿').map((i) => i.value)).toEqual([3e8, 3e8]);
    expect(texts('增加5万2018年以来')).toEqual(['5万']);
  });

  it('reads a magnitude as the number with the qualifier before or after it', () => {
    expect(the('全年审批近万项', '万项')).toMatchObject({ value: 10000, unit: '项', qualifier: '~' });
    expect(the('开展文化活动千场以上', '千场')).toMatchObject({ value: 1000, unit: '场', qualifier: '>=' });
    expect(the('吸引上万名游客', '万名')).toMatchObject({ value: 10000, qualifier: '>=' });
    expect(texts('成千上万的群众,千家万户受益,百年大计')).toEqual([]);
  });

  it('gives compound units their own dimension', () => {
    expect(the('货物运输周转量261948亿吨公里', '261948亿吨公里')).toMatchObject({ unit: '吨公里', dimension: 'other', value: 26194800000000 });
    expect(the('旅客运输周转量5200亿人公里', '5200亿人公里')).toMatchObject({ unit: '人公里', dimension: 'other' });
    expect(the('能源消费总量59.6亿吨标准煤', '59.6亿吨标准煤')).toMatchObject({ unit: '吨标准煤', dimension: 'energy' });
    expect(the('全社会用电量9.2万亿千瓦时', '9.2万亿千瓦时')).toMatchObject({ unit: '千瓦时', dimension: 'energy', value: 9.2e12 });
    expect(the('港口集装箱吞吐量3.1亿标箱', '3.1亿标箱')).toMatchObject({ unit: '标箱', dimension: 'count' });
    expect(the('接待游客1.2亿人次', '1.2亿人次')).toMatchObject({ unit: '人次', dimension: 'count' });
  });

  it('ignores format characters inside a number, offsets those of the text', () => {
    for (const c of ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) {
      const text = `完成9${c}8%`;
      const [ind] = found(text);
      expect(ind).toMatchObject({ value: 98, unit: '%', start: 2, end: 6 });
      expect(text.slice(ind.start, ind.end)).toBe(ind.text);
    }
    expect(the('投资12\u00ad34万元', '12\u00ad34万元').value).toBe(12340000);
  });

  it('reads 1×600MW as 600 MW, a day count only where it is no date', () => {
    expect(texts('白马1×600MW 循环硫化床示范电站')).toEqual(['600MW']);
    expect(the('环保验收由法定30日提速到10日内办结', '10日')).toMatchObject({ unit: '日', dimension: 'duration', qualifier: '<=', from: 30 });
    expect(texts('4月16日召开,16日上午到达')).toEqual([]);
  });
});

describe('not indicators', () => {
  it('years of the Republic of China calendar', () => {
    expect(texts('民國114年度預算')).toEqual([]);
    expect(texts('查該署109年達81%,110年降為76.5%')).toEqual(['81%', '76.5%']);
    expect(texts('於114年12月底前完成')).toEqual([]);
    expect(texts('近100年来,100多年的历史')).toEqual(['100年', '100多年']);
  });

  it('counts that announce or sum up a list of abstract items, but not counts of real things', () => {
    for (const t of [
      '讲三个方面',
      '重点抓好以下四个方面:',
      '实施五项计划',
      '完善六个制度',
      '围绕十个聚焦和五个领域专项治理',
      '从总体上讲必须要牢牢抓住三个关键',
      '重点要抓好五项工作:一要加大垃圾清理力度',
      '我再强调6项重点工作',
    ]) {
      expect(texts(t), t).toEqual([]);
    }
    expect(texts('派出6个督察组,整治4条重点河流,建成7个达标站')).toEqual(['6个', '4条', '7个']);
    expect(texts('杨新公路、北二环路、凤恬公路、西塘公路四条市级主干道')).toEqual(['四条']);
  });

  it('place and product names with numerals', () => {
    expect(texts('五台县新增三轮汽车销售网点')).toEqual([]);
  });

  it('slogans in quotes stay rejected, amounts in quotes do not', () => {
    expect(texts('另「凍結200萬元」,俟提出專案報告後始得動支')).toEqual(['200萬元']);
    expect(texts('实施“3341”工程,推进“五城同创”')).toEqual([]);
  });

  it('names of programmes with a span of years', () => {
    expect(texts('争取列入省级质检中心建设五年规划,落实九年义务教育')).toEqual([]);
  });
});

describe('qualifiers', () => {
  it.each([
    ['一般公共预算收入突破1.3万亿元', '1.3万亿元', '>'],
    ['俟內政部於3個月內提出書面報告', '3個月', '<='],
    ['三年内给予相关税费减免', '三年', '<='],
    ['取缔两岸500米范围内的土小企业', '500米', '<='],
    ['本学期市局至少组织两次全市范围的统考', '两次', '>='],
    ['我们全省排污费仍首次突破了4亿大关', '4亿', '>'],
  ])('%s → %s %s', (text, written, qualifier) => {
    expect(the(text, written).qualifier).toBe(qualifier);
  });

  it('gives an area 内 no qualifier (gold-dev2.md)', () => {
    expect(the('在21平方公里考核范围内', '21平方公里').qualifier).toBeUndefined();
  });
});

describe('roles', () => {
  const plan = '新建改造城市管网1000公里以上,改造1万户农村危房,治理水土流失50平方公里。';

  it.each([
    '三、2026年工作安排',
    '二、主要目标',
    '三、下一步工作打算',
    '四、今年重点工作',
    '二、下步工作措施',
    '六、紮實推進社會主義新農村建設',
    '(三)抓好绿色建筑发展',
  ])('a section that plans makes uncued figures targets: %s', (heading) => {
    expect(new Set(found(plan, { heading }).map((i) => i.role))).toEqual(new Set(['target']));
  });

  it.each(['一、2025年工作回顾', '(一)进展情况', '一、过去一年的主要成绩', '一、20xx年環保工作進展情況', '(一)坚持创新驱动,产业结构持续优化'])(
    'a section that reports keeps them actual: %s',
    (heading) => {
      expect(new Set(found(plan, { heading }).map((i) => i.role))).toEqual(new Set(['actual']));
    },
  );

  it('reads the headings of a page given line by line, a sub-heading inheriting its section', () => {
    const page = '一、2024年工作回顾\n(一)经济运行\n新建学校5所。\n二、2025年工作安排\n(一)基础设施\n新建学校8所。';
    expect(roles(page)).toEqual([
      ['5所', 'actual'],
      ['8所', 'target'],
    ]);
  });

  it('a completion rate against a plan and a growth rate report, unless a target cue governs them', () => {
    expect(roles('完成年度计划82.3%,同比增长15.3%。')).toEqual([
      ['82.3%', 'actual'],
      ['15.3%', 'actual'],
    ]);
    expect(roles('力争地区生产总值同比增长6%。')).toEqual([['6%', 'target']]);
    expect(roles('规模以上工业增加值增长7.2%,确保完成全年目标。')).toEqual([['7.2%', 'actual']]);
  });

  it('a name in quotes is no cue', () => {
    expect(roles('组织申报2人入选第四批“百人计划”。')).toEqual([['2人', 'actual']]);
    expect(roles('新增省级“双高计划”建设单位3所。')).toEqual([['3所', 'actual']]);
  });

  it('requirements are targets, thresholds and definitions unknown', () => {
    expect(roles('市局要求各校每学期开设安全教育课不少于50节。')).toEqual([['50节', 'target']]);
    expect(roles('考核得分90分以上为优秀,60分以下为不合格。')).toEqual([
      ['90分', 'unknown'],
      ['60分', 'unknown'],
    ]);
    expect(roles('目前,绿地率尚不足30%的,要加大投入。')).toEqual([['30%', 'unknown']]);
    expect(roles('是指排污口距河道干流500米以内的排污口。')).toEqual([['500米', 'unknown']]);
  });

  it('items of a ；-list take the cue of the item before', () => {
    expect(roles('主要预期目标是:地区生产总值增长5%左右;城镇新增就业110万人以上;居民消费价格涨幅3%左右。')).toEqual([
      ['5%', 'target'],
      ['110万人', 'target'],
      ['3%', 'target'],
    ]);
  });

  it('budget motions plan what they allocate, freeze and cut; a final account reports', () => {
    expect(roles('內政部114年度預算第1目「一般行政」編列1億4,778萬5千元,凍結200萬元。')).toEqual([
      ['1億4,778萬5千元', 'target'],
      ['200萬元', 'target'],
    ]);
    expect(roles('民國112年度決算數為42億6,550萬8千元,預算執行率95.2%。')).toEqual([
      ['42億6,550萬8千元', 'actual'],
      ['95.2%', 'actual'],
    ]);
  });

  it('将 is "will" before a verb, 争取 "strive to" before a verb and "secured" before a noun', () => {
    expect(roles('今年,市里将统筹安排200万元资金。')).toEqual([['200万元', 'target']]);
    expect(roles('国家将污染物减排指标由4项增加到5项。')).toEqual([
      ['4项', 'actual'],
      ['5项', 'actual'],
    ]);
    expect(roles('争取新增省级龙头企业10家。')).toEqual([['10家', 'target']]);
    expect(roles('共争取国家省级财政投入6000多万元。')).toEqual([['6000多万元', 'actual']]);
  });
});

describe('labels', () => {
  it('a growth figure takes the quantity named before it', () => {
    expect(labels('全年国内生产总值134908亿元,比上年增长5.0%。')).toEqual([
      ['134908亿元', '国内生产总值'],
      ['5.0%', '国内生产总值'],
    ]);
    expect(labels('规模以上工业总产值2204亿元,增长17.6%;')).toEqual([
      ['2204亿元', '规模以上工业总产值'],
      ['17.6%', '规模以上工业总产值'],
    ]);
    expect(labels('全市城镇化率预计增长2个百分点,达到51.8%。')).toEqual([
      ['2个百分点', '城镇化率'],
      ['51.8%', '城镇化率'],
    ]);
    expect(labels('全年粮食产量比上年增长1.3%。')).toEqual([['1.3%', '粮食产量']]);
    expect(labels('年末全国人口140828万人,比上年末减少139万人。')).toEqual([
      ['140828万人', '人口'],
      ['139万人', '人口'],
    ]);
  });

  it('never a qualifier verb, a comparison, a footnote mark or a scope word', () => {
    expect(the('资产总额突破1.3万亿元', '1.3万亿元').label).toBe('资产总额');
    expect(the('一般公共预算收入[41]达到1.3万亿元', '1.3万亿元').label).toBe('一般公共预算收入');
    expect(the('绿地率达27.2%,比去年提高了7.1个百分点', '7.1个百分点').label).toBe('绿地率');
    expect(the('去年,平凉城区空气质量优良天数达到290天', '290天').label).toBe('空气质量优良天数');
    expect(the('第一产业增加值89755亿元', '89755亿元').label).toBe('第一产业增加值');
  });

  it('never a clause fragment', () => {
    const label = the('俟內政部於3個月內向本院內政委員會提出書面報告後,始得動支。', '3個月').label;
    expect(label).not.toMatch(/俟|於$/);
    expect(the('第1目「一般行政」編列1億4,778萬5千元', '1億4,778萬5千元').label).toBe('一般行政');
    expect(the('減列「獎補助費」500萬元', '500萬元').label).toBe('獎補助費');
  });

  it('a count names the counted noun phrase, X的Y whole (gold-dev2.md)', () => {
    expect(the('每月對全鎮22個村環境衛生狀況進行一次實地檢查', '22個').label).toBe('村環境衛生狀況');
    expect(the('城區33個村的整治要點,各有關村要落實', '33個').label).toBe('村的整治要點');
    expect(the('全市26所乡镇初中只有4所完成了任务', '26所').label).toBe('乡镇初中');
  });

  it('a count of units that reached a status is named by the status (gold-dev2.md)', () => {
    expect(the('安丘新秀理想之城等3個專案通過國家康居示範工程評審', '3個').label).toBe('國家康居示範工程評審');
    expect(the('帮助6家企业通过了质量管理体系认证', '6家').label).toBe('质量管理体系认证');
    expect(the('组织申报2人入选第四批“百人计划”', '2人').label).toBe('百人计划');
  });

  it('counts at several levels share the name the last one writes out', () => {
    expect(labels('著力扶持和培育10個縣級、5個市級、2個省級一村一品示範村和推進村。').map(([, l]) => l)).toEqual([
      '一村一品示範村和推進村',
      '一村一品示範村和推進村',
      '一村一品示範村和推進村',
    ]);
  });

  it('a span of time is named by what it is for', () => {
    expect(the('坚持执行24 小时值班制度', '24 小时').label).toBe('值班制度');
    expect(the('对搬迁户,三年内给予相关税费减免。', '三年').label).toBe('税费减免');
    expect(the('半脱产干部连续两年被评为不称职', '两年').label).toBe('不称职');
  });

  it('a figure followed by 的 and what it measures', () => {
    expect(the('将新市河沿线每天4500吨左右的生活污水归并到市污水厂', '4500吨').label).toBe('生活污水');
    expect(the('未达到绿地率25%的园林式道路标准', '25%').label).toBe('绿地率');
  });

  it('分别 names joined by 和 as by 、', () => {
    expect(labels('影响空气质量的可吸入颗粒物(pm10)和二氧化硫较20xx年分别下降5微克和6微克。')).toEqual([
      ['5微克', '可吸入颗粒物(pm10)'],
      ['6微克', '二氧化硫'],
    ]);
  });
});
