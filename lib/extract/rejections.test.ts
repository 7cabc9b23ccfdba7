/**
 * What looks like a quantity and is not one (indicators.md, "Not indicators"): dates, ordinals,
 * names, list numbering, page chrome, placeholders, slogans and idioms. Every sentence is from
 * /work/shared/corpus; each negative comes with the real figures of its sentence, where it has
 * any, so that a test cannot pass by finding nothing at all.
 */
import { describe, expect, it } from 'vitest';
import { extractIndicators, type Indicator } from './index';
import { SHORT_QUOTE, shortQuotes } from './rejections';

function found(text: string): Indicator[] {
  const all = extractIndicators(text);
  for (const ind of all) expect(text.slice(ind.start, ind.end)).toBe(ind.text);
  return all;
}

const figuresOf = (text: string) => found(text).map((i) => i.text);

/** [what is rejected, corpus sentence, the figures it does hold] */
type Case = [rejected: string, text: string, figures: string[]];

const CASES: Record<string, Case[]> = {
  'dates and times': [
    ['2012年', '2012年市政府下達我區新增建設用地指標1200畝(農用地960畝)', ['1200畝', '960畝']],
    ['4月16日', '回良玉副總理在4月16日召開的國家防總全體會議上指出', []],
    ['2022-10-14 10:53:02', '发布日期:2022-10-14 10:53:02                   浏览量:23198', []],
    ['1998年以来', '1998年以來,全市先後關閉了36家汙染重、治理難、效益差的“五小”企業', ['36家']],
    ['03年以来', '對03年以來我市處理的重點環境案件進行了認真排查,確定了28件案件為我市后督察重點案件', ['28件']],
    ['10時20分', '一是在2月21日上午10時20分左右,在102國道周流河段錦化化工集團有限公司液堿運輸車發生了翻車事故,造成了24.1噸液堿全部泄露。', ['24.1噸']],
    ['3 月1 日至3日', '一次是20xx年3 月1 日至3日,在赤壁市召開了全省黨的基層組織建設工作座談會。', []],
    ['1987年', '“可持續發展”這一觀點,最早是1987年由挪威前首相布倫特蘭夫人領導的聯合國世界環境與發展委員會提出的。', []],
    ['6月底前', '6月底前,開發區力爭配備1輛密閉式垃圾運輸車和一定數量的垃圾收集車。', ['1輛']],
  ],
  'ordinals and plan names': [
    ['第五届', '根據第五屆全國人民代表大會四次會議《關於開展義務植樹運動的決議》等有關規定', []],
    ['十二五', '二、突出重点,狠抓落实,确保十二五质监工作良好开局。', []],
    ['“十三五”', '一是到20xx年,全面完成交通运输“十三五”规划,为全市全面建成小康社会当好先行;', []],
    ['省十二次党代会', '全面落实省十二次党代会、省委十二届四次全委扩大会议精神和全省质量工作会议的总体部署', []],
    ['五届六次全会', '各級各部門一定要按照市委五屆六次全體會議確定的“一三七”工作思路,確保今年全市固定資產投資完成91 億元。', ['91 億元']],
    ['第23位', '我區經濟實力和科技創新能力分別排在國家級高新區第23位和第29位', []],
  ],
  names: [
    ['“3341”项目', '实施“3341”项目建设,全市共建成國家級優美鄉鎮1個', ['1個']],
    ['204国道', '重点完成了张杨路、二环路隔离带改造工程,204国道绿色通道建设、杨新公路景观带工程', []],
    ['102國道', '在102國道周流河段錦化化工集團有限公司液堿運輸車發生了翻車事故', []],
    ['PM2.5', '比如說,今年市區正式釋出了Pm2.5等6項引數空氣環境質量指標', ['6項']],
    ['iso9000', '组织开展了iso9000系列质量管理体系内审员培训,帮助6家企业通过了质量管理体系认证', ['6家']],
    ['12369', '12369環保熱線受理群眾舉報2151件', ['2151件']],
    ['“1”', '省委书记郭庚茂强调,安全生产是“1”,其他发展是“0”,有了“1”,“0”越多越好;', []],
  ],
  'list numbering and headings': [
    ['1、', '1、對2007年和2008年飲用水源保護區集中整治中發現的問題進行跟蹤督辦。', []],
    ['3 、', '3 、加強基層組織建設,提升黨建工作水平。', []],
    ['13、', '13、創新為農服務機制,促進農技推廣體系建設。', []],
    ['2.', '2.堅持質量立校原則,全面提高教育教學質量。', []],
    ['(一)', '(一)隊伍層次“高”。成立了6個農業農村工作督察組', ['6個']],
    ['(6)', '(6)檢查企業是否按照規定對所排放的工業廢水()進行監測并保存原始監測記錄;', []],
    ['篇8', '黨的群團工作會議上的講話 篇8', []],
  ],
  'page chrome': [
    ['浏览量 23198', '发布日期:2022-10-14 10:53:02                   浏览量:23198', []],
    ['phone and postcode', '网站地图 丨 地址:商洛市名人街西段 丨 邮编:726000 丨 网站标识码:6110000016 丨联系电话:0914-2312283', []],
    ['(大全8篇)', '2023年生态环境监测工作会议记录 在全市环境监测工作会议上的讲话(大全8篇)', []],
    ['(优质5篇)', '• 09-28 幼儿园行政月工作总结(优质5篇)', []],
    ['page counter', '共2頁,當前第1頁1', []],
    ['11篇 of a reprint site', '歡迎閱讀由發表云整理的11篇鄉鎮重點工作督察報告范文', []],
  ],
  placeholders: [
    ['x萬元 and x項', '20xx年我縣投資約x萬元,完成了銅江河一期三段治理工程、龍灘大道改造工程、縣城區供水管網改造等x項市政工程。', []],
    ['xx項', '20xx年,全縣完成招投標專案xx項,中標價萬元,其中公開招標x項,邀請招標xx項,公開招標率為%。', []],
    ['20xx畝', '建成標準化基地3.86萬畝,發展設施蔬菜20xx畝', ['3.86萬畝']],
    ['20xx年', '20xx年全市共建成國家級優美鄉鎮1個,生態村2個;', ['1個', '2個']],
    ['**点, whose figures still count', '**点90户453人,投资543.6万元;', ['90户', '453人', '543.6万元']],
    ['x森林覆盖率x%', 'x森林覆盖率x%,是全国绿化模范城市、国家卫生城市。', []],
  ],
  'slogans and idioms': [
    ['一岗双责', '巡察组长、副组长要主动落实“一岗双责”,对巡察干部出现的苗头性、倾向性问题,该提醒的提醒', []],
    ['三大战役', '(二)以改善环境质量为目标,重点打好污染防治三大战役。', []],
    ['“三大戰役”', '1、堅決推進污染防治“三大戰役”實施,保持和改善環境質量。', []],
    ['四个全面', '党的以来,以同志为的党中央把全面从严治党纳入“四个全面”战略布局', []],
    ['五个一律', '按照“五个一律”的要求,即对以往检查中发现问题较多的所有企业进行一次回访', []],
    ['“三个结合”', '三要努力抓好“三個結合”。', []],
    ['“三个对照”', '五要做好“三个对照”。', []],
    ['“一学二查三改四建五评”', '按照“一学二查三改四建五评”的方法和要求,认真学习《工作方案》', []],
    ['二次污染', '督促裕興公司啟動原廠區汙染場地修復治理,嚴防產生二次汙染。', []],
    ['二元结构', '我市城乡二元结构矛盾突出,没有广大农村的城镇化,就不可能有全市的城镇化和现代化。', []],
    ['十分重要', '加强环境监测,是一项十分重要和紧迫的任务。', []],
    ['千方百计', '暨阳湖开发公司要千方百计推进建设速度,尽早形成湖区形态。', []],
    ['一个', '因此,做好消防安全工作,不仅仅是一个经济问题、社会问题,也是一个严肃的政治问题。', []],
  ],
};

describe.each(Object.entries(CASES))('not indicators: %s', (_kind, cases) => {
  it.each(cases)('%s', (_rejected, text, figures) => {
    expect(figuresOf(text)).toEqual(figures);
  });
});

describe('shortQuotes', () => {
  it('pairs opening and closing quotes of a short quotation', () => {
    const text = '實施“3341”項目和《工作方案》';
    expect(shortQuotes(text)).toEqual([[text.indexOf('“'), text.indexOf('”')], [text.indexOf('《'), text.indexOf('》')]]);
  });

  it('drops a quotation that does not close before the line ends', () => {
    expect(shortQuotes('他说“完成投资280万元\n全年1200畝')).toEqual([]);
  });

  it('keeps figures inside a long quotation (reported speech)', () => {
    const quote = `“全年完成投资280万元,${'新建绿地并完善配套设施'.repeat(2)}”`;
    expect(quote.length).toBeGreaterThan(SHORT_QUOTE);
    expect(figuresOf(`他指出:${quote}`)).toEqual(['280万元']);
  });
});
