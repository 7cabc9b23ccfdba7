/**
 * Units by family, each with its canonical simplified form and dimension. Sentences are from
 * /work/shared/corpus; the energy sentences are corpus sentences with the unit changed, since the
 * corpus writes no energy figure.
 */
import { describe, expect, it } from 'vitest';
import { found, the } from './test-support';
import type { Indicator } from './index';
import { matchUnit } from './units';

type Case = [text: string, written: string, value: number, unit: string, dimension: Indicator['dimension']];

const FAMILIES: Record<string, Case[]> = {
  percent: [
    ['截止6月30日,環境空氣優良天數為177天,超標4天,達標率為97.7%,比去年同期提高3.2個百分點。', '97.7%', 97.7, '%', 'percent'],
    ['接待68件,處理率100%,結案率98%。', '98%', 98, '%', 'percent'],
  ],
  points: [
    ['截止6月30日,環境空氣優良天數為177天,超標4天,達標率為97.7%,比去年同期提高3.2個百分點。', '3.2個百分點', 3.2, '个百分点', 'points'],
    ['群眾滿意率同比提高0.3個百分點。', '0.3個百分點', 0.3, '个百分点', 'points'],
  ],
  money: [
    ['科技工作取得显著进展,争取科研项目经费256万元;', '256万元', 2560000, '元', 'money'],
    ['市區將住房保障低收入線標準由19100元調整為220xx元', '19100元', 19100, '元', 'money'],
    ['實際利用外資2.58億美元,增長20%,高於全市4.6個百分點;', '2.58億美元', 258000000, '美元', 'money'],
    ['全市完成建築業總產值795億元', '795億元', 79500000000, '元', 'money'],
  ],
  mass: [
    ['造成了24.1噸液堿全部泄露。', '24.1噸', 24.1, '吨', 'mass'],
    ['把東區汙水廠3萬噸能力用足。', '3萬噸', 30000, '吨', 'mass'],
    ['對19.38公斤的廢棄危險化學品進行了集中處置。', '19.38公斤', 19.38, '公斤', 'mass'],
  ],
  area: [
    ['完成40裡黑松林荒坡造林1.1萬畝、坡臺地雜果經濟林6900畝。', '6900畝', 6900, '亩', 'area'],
    ['建设河南禅院寺庙园林绿化,增加绿地5公顷。', '5公顷', 5, '公顷', 'area'],
    ['在申報范围内(创建规划考核范围21平方公里内),增加绿地200多公顷', '21平方公里', 21, '平方公里', 'area'],
    ['人均公共绿地面积达到10.6平方米,其他各项指标均达到国家园林城市标准。', '10.6平方米', 10.6, '平方米', 'area'],
  ],
  length: [
    ['加大道路工程建設力度,完成縣鄉公路建設50公里。', '50公里', 50, '公里', 'length'],
    ['安置点还完成了防洪堤配套建设设施240米', '240米', 240, '米', 'length'],
    ['汛期累計降雨最大值為界嶺站837毫米', '837毫米', 837, '毫米', 'length'],
    ['完成40裡黑松林荒坡造林1.1萬畝', '40裡', 40, '里', 'length'],
  ],
  volume: [['其中垃圾填埋場計劃庫容120萬立方米,用於全鎮所有行政村的日常生活垃圾的填埋', '120萬立方米', 1200000, '立方米', 'volume']],
  flow: [
    ['市區新增汙水處理能力12.6萬噸/天。', '12.6萬噸/天', 126000, '吨/天', 'flow'],
    ['新增脫硝裝機容量630兆瓦、熟料產能1萬噸/日。', '1萬噸/日', 10000, '吨/日', 'flow'],
    ['對全市廢水排放量在100萬噸/年以上的直排海企業進行監督管理。', '100萬噸/年', 1000000, '吨/年', 'flow'],
    ['漢江干流及其一級支流未出現超警戒流量,電站最大入庫洪峰流量3580m3/s。', '3580m3/s', 3580, 'm3/s', 'flow'],
  ],
  power: [
    ['積極爭取農機購置補貼資金,實現農機總動力207萬千瓦。', '207萬千瓦', 2070000, '千瓦', 'power'],
    ['完成脫硫改造裝機容量217兆瓦、脫硫燒結機面積544平方米;', '217兆瓦', 217, '兆瓦', 'power'],
    ['對已竣工的白馬30 萬千瓦迴圈流化床示範電站等專案,要切實強化後期管理', '30 萬千瓦', 300000, '千瓦', 'power'],
  ],
  energy: [
    ['實現農機總動力207萬千瓦時。', '207萬千瓦時', 2070000, '千瓦时', 'energy'],
    ['熟料產能1萬噸標準煤。', '1萬噸標準煤', 10000, '吨标准煤', 'energy'],
  ],
  duration: [
    ['剧团下乡演出210天,演出场次436场(其中免费送戏下乡16场)。', '210天', 210, '天', 'duration'],
    ['在沒有生態補水的情況下,小清河已連續6個月穩定達到省環保廳控制目標要求', '6個月', 6, '个月', 'duration'],
    ['確保主街道每天保洁时间不低于12小时的同时', '12小时', 12, '小时', 'duration'],
    ['按照這一規劃,計劃用3—5年時間,初步構築我市生態城市的基本框架', '3—5年', 3, '年', 'duration'],
  ],
  count: [
    ['我鎮投入了大量的人力物力,先後印發倡議書6500份', '6500份', 6500, '份', 'count'],
    ['全市完成2座儲油庫、218座加油站和112輛油罐車油氣回收治理工作。', '112輛', 112, '辆', 'count'],
    ['上年全市共查處環境違法案件52起', '52起', 52, '起', 'count'],
    ['中央巡视组先后开展了8轮巡视,涵盖149个地方和单位', '8轮', 8, '轮', 'count'],
    ['其次,有9件美术作品参加展出;', '9件', 9, '件', 'count'],
    ['核發環保標誌683218枚。', '683218枚', 683218, '枚', 'count'],
    ['編輯反思集2本,並有10餘篇論文在《安圖教育》刊物上發表。', '2本', 2, '本', 'count'],
    ['完成20xx年xx市92辆营运黄标车淘汰任务。', '92辆', 92, '辆', 'count'],
    ['20xx年6月30日市道路运输管理局挂牌成立,16名转岗和提前退休人员得到妥善安置', '16名', 16, '名', 'count'],
    ['做好旅游客运、危运企业安全生产述职工作,2家客运企业和18家危运企业负责人进行面对面安全述职。', '18家', 18, '家', 'count'],
    ['全年分配各類保障房13681套', '13681套', 13681, '套', 'count'],
  ],
  'person-times and machine-times': [
    ['一是出動人員1600余人次對市屬取暖鍋爐開展了重點檢查。', '1600余人次', 1600, '人次', 'count'],
    ['參與人數上萬余人次,歡眾達20萬人次。', '20萬人次', 200000, '人次', 'count'],
    ['全市共出動執法車輛500余臺次,執法人員1700余人次', '500余臺次', 500, '台次', 'count'],
  ],
  'units in parentheses': [
    ['共建工業廢水治理設施220臺(套)、廢氣治理裝置371臺(套)。', '220臺', 220, '台', 'count'],
    ['截至目前,全市登记注册特种设备15297台(套)', '15297台', 15297, '台', 'count'],
  ],
};

describe.each(Object.entries(FAMILIES))('unit family: %s', (_family, cases) => {
  it.each(cases)('%s → %s', (text, written, value, unit, dimension) => {
    expect(the(text, written)).toMatchObject({ value, unit, dimension });
  });
});

describe('千 before a unit that starts with 千', () => {
  it('takes 千瓦 and 千米 as units, not as the magnitude 千 plus 瓦 or 米', () => {
    expect(the('實現農機總動力207千瓦。', '207千瓦')).toMatchObject({ value: 207, unit: '千瓦', dimension: 'power' });
    expect(the('完成縣鄉公路建設50千米。', '50千米')).toMatchObject({ value: 50, unit: '千米', dimension: 'length' });
  });

  it('folds 千 before any other unit into the value', () => {
    expect(the('去年3-4月,馆里筹措资金3千元', '3千元')).toMatchObject({ value: 3000, unit: '元', dimension: 'money' });
  });
});

describe('what is not a unit', () => {
  it('reads no measure word after a Chinese numeral where it is a place or an idiom', () => {
    expect(found('完成了我市跨界断面金沙江三块石水水质自动监测站建设工作')).toEqual([]);
    expect(found('這項工作既煩瑣又十分重要,他毫不猶豫地接受了。')).toEqual([]);
    expect(found('在發生旱災時,首先千方百計保障城鄉居民的生活用水;')).toEqual([]);
  });

  it('reads no unit where the measure word is the start of another word (项目, 方面, 年代)', () => {
    expect(found('重点抓好3方面工作')).toEqual([]);
    expect(found('实施“3341”项目')).toEqual([]);
    expect(found('建于80年代')).toEqual([]);
  });
});

describe('matchUnit', () => {
  it('takes the longest unit written at a position', () => {
    expect(matchUnit('个百分点', 0)).toMatchObject({ canonical: '个百分点', dimension: 'points' });
    expect(matchUnit('平方公里内', 0)).toMatchObject({ word: '平方公里', canonical: '平方公里' });
    expect(matchUnit('千瓦时', 0)).toMatchObject({ canonical: '千瓦时', dimension: 'energy' });
    expect(matchUnit('吨/天', 0)).toMatchObject({ canonical: '吨/天', dimension: 'flow' });
    expect(matchUnit('个月', 0)).toMatchObject({ canonical: '个月', dimension: 'duration' });
    expect(matchUnit('人次', 0)).toMatchObject({ canonical: '人次', dimension: 'count' });
  });

  it('gives the canonical form where the written one differs (平方 → 平方米, 块钱 → 元)', () => {
    expect(matchUnit('平方', 0)?.canonical).toBe('平方米');
    expect(matchUnit('块钱', 0)?.canonical).toBe('元');
  });

  it('finds nothing where no unit starts', () => {
    expect(matchUnit('农民', 0)).toBeUndefined();
    expect(matchUnit('', 0)).toBeUndefined();
  });
});
