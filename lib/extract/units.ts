/**
 * The unit lexicon, in the simplified matching view (see normalize.ts). Longest match wins, so
 * 个百分点 beats 个, 平方公里 beats 平方, 千瓦时 beats 千瓦. `canonical` is the unit as the contract
 * writes it (台(套) → 台); `arabicOnly` units are too ambiguous after a Chinese numeral
 * (十分 "very", 千方百计, 三里屯).
 */
import type { Dimension } from './types';

export interface UnitEntry {
  word: string;
  canonical: string;
  dimension: Dimension;
  arabicOnly?: boolean;
}

const COUNT_WORDS =
  '个 户 人 名 家 项 件 所 篇 次 宗 台 套 张 条 份 辆 座 批 起 轮 场 种 支 位 处 间 栋 幢 部 本 册 ' +
  '只 艘 架 例 组 队 课 层 趟 班 帧 人次 户次 车次 架次 家次 项次 批次 台次 辆次';
/** Measure words that after a Chinese numeral are mostly names, grades or idioms (三块石, 三门峡, 三类水). */
const COUNT_WORDS_ARABIC_ONLY = '头 匹 株 棵 枚 颗 盏 门 节 块 片 段 根 对 双 副 尊 樽 首 幅 卷 口 类 眼 期 标台 羽';

const ENTRIES: UnitEntry[] = [
  // percent and points
  { word: '%', canonical: '%', dimension: 'percent' },
  { word: '‰', canonical: '‰', dimension: 'percent' },
  { word: '个百分点', canonical: '个百分点', dimension: 'points' },
  { word: '百分点', canonical: '百分点', dimension: 'points' },
  // money (magnitudes 万 亿 are folded before the unit is read)
  { word: '元', canonical: '元', dimension: 'money' },
  { word: '美元', canonical: '美元', dimension: 'money' },
  { word: '欧元', canonical: '欧元', dimension: 'money' },
  { word: '港元', canonical: '港元', dimension: 'money' },
  { word: '港币', canonical: '港币', dimension: 'money' },
  { word: '日元', canonical: '日元', dimension: 'money' },
  { word: '英镑', canonical: '英镑', dimension: 'money' },
  { word: '块钱', canonical: '元', dimension: 'money' },
  // mass
  { word: '吨', canonical: '吨', dimension: 'mass' },
  { word: '千克', canonical: '千克', dimension: 'mass' },
  { word: '公斤', canonical: '公斤', dimension: 'mass' },
  { word: '克', canonical: '克', dimension: 'mass', arabicOnly: true },
  { word: '毫克', canonical: '毫克', dimension: 'mass' },
  { word: '微克', canonical: '微克', dimension: 'mass' },
  { word: '斤', canonical: '斤', dimension: 'mass' },
  { word: '担', canonical: '担', dimension: 'mass', arabicOnly: true },
  { word: 'kg', canonical: 'kg', dimension: 'mass', arabicOnly: true },
  { word: 't', canonical: 't', dimension: 'mass', arabicOnly: true },
  { word: '吨标准煤', canonical: '吨标准煤', dimension: 'energy' },
  { word: '吨标煤', canonical: '吨标煤', dimension: 'energy' },
  // area
  { word: '亩', canonical: '亩', dimension: 'area' },
  { word: '公顷', canonical: '公顷', dimension: 'area' },
  { word: '顷', canonical: '顷', dimension: 'area' },
  { word: '平方米', canonical: '平方米', dimension: 'area' },
  { word: '平方公里', canonical: '平方公里', dimension: 'area' },
  { word: '平方千米', canonical: '平方千米', dimension: 'area' },
  { word: '平方', canonical: '平方米', dimension: 'area', arabicOnly: true },
  { word: '平米', canonical: '平米', dimension: 'area' },
  { word: '㎡', canonical: '㎡', dimension: 'area' },
  { word: 'm2', canonical: 'm2', dimension: 'area', arabicOnly: true },
  { word: 'km2', canonical: 'km2', dimension: 'area', arabicOnly: true },
  // length
  { word: '米', canonical: '米', dimension: 'length', arabicOnly: true },
  { word: '延米', canonical: '延米', dimension: 'length' },
  { word: '公里', canonical: '公里', dimension: 'length' },
  { word: '千米', canonical: '千米', dimension: 'length' },
  { word: '厘米', canonical: '厘米', dimension: 'length' },
  { word: '毫米', canonical: '毫米', dimension: 'length' },
  { word: '里', canonical: '里', dimension: 'length', arabicOnly: true },
  { word: 'km', canonical: 'km', dimension: 'length', arabicOnly: true },
  { word: 'm', canonical: 'm', dimension: 'length', arabicOnly: true },
  { word: 'cm', canonical: 'cm', dimension: 'length', arabicOnly: true },
  { word: 'mm', canonical: 'mm', dimension: 'length', arabicOnly: true },
  // volume
  { word: '立方米', canonical: '立方米', dimension: 'volume' },
  { word: '立方', canonical: '立方米', dimension: 'volume', arabicOnly: true },
  { word: '方', canonical: '方', dimension: 'volume', arabicOnly: true },
  { word: '升', canonical: '升', dimension: 'volume', arabicOnly: true },
  { word: '毫升', canonical: '毫升', dimension: 'volume' },
  { word: 'm3', canonical: 'm3', dimension: 'volume', arabicOnly: true },
  { word: 'm³', canonical: 'm³', dimension: 'volume', arabicOnly: true },
  // energy and power
  { word: '千瓦时', canonical: '千瓦时', dimension: 'energy' },
  { word: '度电', canonical: '度', dimension: 'energy' },
  { word: 'kwh', canonical: 'kWh', dimension: 'energy', arabicOnly: true },
  { word: 'kWh', canonical: 'kWh', dimension: 'energy', arabicOnly: true },
  { word: '焦耳', canonical: '焦耳', dimension: 'energy' },
  { word: '千瓦', canonical: '千瓦', dimension: 'power' },
  { word: '兆瓦', canonical: '兆瓦', dimension: 'power' },
  { word: '瓦', canonical: '瓦', dimension: 'power', arabicOnly: true },
  { word: 'kw', canonical: 'kW', dimension: 'power', arabicOnly: true },
  { word: 'kW', canonical: 'kW', dimension: 'power', arabicOnly: true },
  { word: 'MW', canonical: 'MW', dimension: 'power', arabicOnly: true },
  { word: '马力', canonical: '马力', dimension: 'power' },
  // durations (年 月 日 are rejected as dates by the scanner where they are dates)
  { word: '年', canonical: '年', dimension: 'duration' },
  { word: '个月', canonical: '个月', dimension: 'duration' },
  { word: '个多月', canonical: '个月', dimension: 'duration' },
  { word: '天', canonical: '天', dimension: 'duration' },
  { word: '小时', canonical: '小时', dimension: 'duration' },
  { word: '个小时', canonical: '小时', dimension: 'duration' },
  { word: '分钟', canonical: '分钟', dimension: 'duration' },
  { word: '秒', canonical: '秒', dimension: 'duration', arabicOnly: true },
  { word: '周', canonical: '周', dimension: 'duration', arabicOnly: true }, // 四周 is "all around"
  { word: '个星期', canonical: '个星期', dimension: 'duration' },
  { word: '个工作日', canonical: '个工作日', dimension: 'duration' },
  { word: '工作日', canonical: '工作日', dimension: 'duration' },
  { word: '学时', canonical: '学时', dimension: 'duration' },
  { word: '课时', canonical: '课时', dimension: 'duration' },
  // other measures
  { word: '倍', canonical: '倍', dimension: 'ratio' },
  { word: '成', canonical: '成', dimension: 'ratio', arabicOnly: true },
  { word: '分', canonical: '分', dimension: 'other', arabicOnly: true },
  { word: '岁', canonical: '岁', dimension: 'other' },
  { word: '℃', canonical: '℃', dimension: 'other', arabicOnly: true },
  { word: '摄氏度', canonical: '摄氏度', dimension: 'other' },
  { word: '分贝', canonical: '分贝', dimension: 'other' },
  { word: '蒸吨', canonical: '蒸吨', dimension: 'other', arabicOnly: true },
  { word: '米/秒', canonical: '米/秒', dimension: 'other' },
  // transport work, container counts, more power and energy units
  { word: '吨公里', canonical: '吨公里', dimension: 'other' },
  { word: '人公里', canonical: '人公里', dimension: 'other' },
  { word: '标箱', canonical: '标箱', dimension: 'count' },
  { word: '标准箱', canonical: '标准箱', dimension: 'count' },
  { word: 'TEU', canonical: 'TEU', dimension: 'count', arabicOnly: true },
  { word: '吉瓦', canonical: '吉瓦', dimension: 'power' },
  { word: 'GW', canonical: 'GW', dimension: 'power', arabicOnly: true },
  { word: '千伏安', canonical: '千伏安', dimension: 'power' },
  { word: '千伏', canonical: '千伏', dimension: 'other' },
  { word: '兆瓦时', canonical: '兆瓦时', dimension: 'energy' },
  { word: '吨油当量', canonical: '吨油当量', dimension: 'energy' },
  { word: '公里/小时', canonical: '公里/小时', dimension: 'other' },
  { word: '千米/小时', canonical: '千米/小时', dimension: 'other' },
  { word: 'km/h', canonical: 'km/h', dimension: 'other', arabicOnly: true },
  { word: '人/平方公里', canonical: '人/平方公里', dimension: 'other' },
  ...['吨标准煤', '吨标煤', '吨', '千瓦时', '立方米'].map((a): UnitEntry => ({ word: `${a}/万元`, canonical: `${a}/万元`, dimension: 'other' })),
  // 日 is a span only where the scanner finds no date (10日内, 由法定30日; not 4月16日)
  { word: '日', canonical: '日', dimension: 'duration' },
  // rates: mass or volume per time are flows; concentrations and prices are their own things
  ...['吨', '立方米', '方', 'm3', '升'].flatMap((a) =>
    ['天', '日', '年', '小时', '时', '秒', 's', 'h', 'd'].map(
      (b): UnitEntry => ({
        word: `${a}/${b}`,
        canonical: `${a}/${b}`,
        dimension: 'flow',
        arabicOnly: a === '方' || a === 'm3' || a === '升' || (b.length === 1 && /[a-z]/.test(b)),
      }),
    ),
  ),
  ...['微克', '毫克', '克', 'mg', 'μg'].flatMap((a) =>
    ['立方米', 'm3', '升', 'L', '千克', '公斤'].map((b): UnitEntry => ({ word: `${a}/${b}`, canonical: `${a}/${b}`, dimension: 'other' })),
  ),
  ...['吨', '千克', '公斤', '斤', '平方米', '亩', '人', '户', '年', '月', '天', '次', '件', '台', '个'].map(
    (b): UnitEntry => ({
      word: `元/${b}`,
      canonical: `元/${b}`,
      dimension: 'money',
    }),
  ),
  ...['亩', '公顷', '人', '年'].flatMap((b) =>
    ['公斤', '千克', '斤', '吨'].map((a): UnitEntry => ({ word: `${a}/${b}`, canonical: `${a}/${b}`, dimension: 'other' })),
  ),
  ...COUNT_WORDS.split(' ')
    .filter(Boolean)
    .map((w): UnitEntry => ({ word: w, canonical: w, dimension: 'count' })),
  ...COUNT_WORDS_ARABIC_ONLY.split(' ')
    .filter(Boolean)
    .map((w): UnitEntry => ({ word: w, canonical: w, dimension: 'count', arabicOnly: true })),
];

/** First code unit → entries, longest first (keyed by code: view[pos] would allocate for CJK). */
const BY_FIRST = new Map<number, UnitEntry[]>();
for (const e of ENTRIES) {
  const list = BY_FIRST.get(e.word.charCodeAt(0)) ?? [];
  list.push(e);
  BY_FIRST.set(e.word.charCodeAt(0), list);
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.word.length - a.word.length);

/** Characters a unit can start with: a numeral run followed by none of these is no figure. */
export const UNIT_FIRST = new Uint8Array(65536);
for (const k of BY_FIRST.keys()) UNIT_FIRST[k] = 1;

/** The longest unit written at `pos` of the matching view, if any. */
export function matchUnit(view: string, pos: number): UnitEntry | undefined {
  const code = view.charCodeAt(pos);
  if (UNIT_FIRST[code] !== 1) return undefined;
  const list = BY_FIRST.get(code);
  if (!list) return undefined;
  const second = view.charCodeAt(pos + 1);
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    // The second code unit first: most entries of a long list (元/吨, 元/千克, …) fail there.
    if (e.word.length > 1 && e.word.charCodeAt(1) !== second) continue;
    if (e.word.length <= 2 || view.startsWith(e.word, pos)) return e;
  }
  return undefined;
}

/** Count measure words (the dimension `count`), for label and slogan rules. */
export function isCountUnit(e: UnitEntry): boolean {
  return e.dimension === 'count';
}
