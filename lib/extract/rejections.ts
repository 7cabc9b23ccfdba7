/**
 * What looks like a quantity but is not one (indicators.md, "Not indicators"): words that turn a
 * measure word into another word, slogans built from numerals, page chrome, quoted names.
 */
import { nextInSet } from './word-index';

/** A unit followed by these characters is part of another word: 方面, 项目, 周年, 年代, 个性. */
export const BLOCKED_AFTER: Record<string, string> = {
  方: '面案式向法针位圆',
  项: '目',
  周: '年边末期',
  年: '代级度初底末中前后间份',
  个: '性体别案',
  次: '序',
  名: '单称义誉额',
  所: '有以属在谓得长',
  本: '地市县区级着',
  条: '例件款',
  对: '于照象待比外接',
  部: '门分署',
  门: '户口槛类',
  家: '庭乡长属',
  口: '岸号径',
  起: '来草步',
  间: '隔',
  队: '伍员',
  台: '州湾县山市区',
  层: '次面级',
  类: '型',
  段: '落',
  起来: '',
  分: '之钟别',
  位: '于置',
  处: '理置罚室长',
  批: '准示复',
  套: '餐',
  场: '所地景',
  种: '植养类',
  支: '持付出队部',
  座: '谈',
  件: '事',
  组: '织成长团',
  轮: '车胎汽摩拖',
  期: '间限末刊望待货',
  眼: '睛光前',
  班: '子组长',
  课: '题程',
  节: '约能日点',
  片: '区',
  根: '据本',
  例: '如行',
  度: '电',
  米: '粮',
  岁: '月',
  成: '为立效功果本员绩',
  克: '服',
  升: '级',
  里: '程',
  天: '然气津',
};

/** Nouns that make "numeral + measure word + noun" a slogan (四个全面, 三个自信, 八项规定). */
export const SLOGAN_NOUNS = [
  '全面',
  '自信',
  '意识',
  '维护',
  '代表',
  '文明',
  '确保',
  '务必',
  '必须',
  '率先',
  '结合',
  '对照',
  '重用',
  '一线',
  '坚决',
  '责任',
  '一百年',
  '服务',
  '看齐',
  '规定',
  '注意',
  '纪律',
  '不准',
  '禁止',
  '严禁',
  '原则',
  '坚持',
  '统筹',
  '两个',
  '着力',
  '提升',
  '突破',
  '建设',
  '为主',
  '优先',
  '到位',
  '落实',
];

/** Page chrome: counters and codes, never a policy figure (浏览量 23198, 点击 1234 次). */
export const CHROME_WORDS = ['浏览', '点击', '阅读', '访问', '访客', '字号', '下载', '评论', '分享', '收藏', '点赞', '发布时间', '来源', '整理的'];

/** A Chinese numeral after these is an ordinal, a name or approximate (第五, 初一, 几百, 统一). */
export const CHINESE_BAD_BEFORE = '几第初星礼周之统唯万';
/** …and after these only when it starts with a magnitude: 数十, 上百, 成千 (but 总数五年, 以上四个). */
export const CHINESE_APPROX_BEFORE = '数上成';

/** Opening and closing quotes; a figure inside a short quotation is a name or slogan (“3341”项目). */
export const QUOTE_PAIRS: Record<string, string> = { '“': '”', '「': '」', '『': '』', '‘': '’', '"': '"', '《': '》', '〈': '〉' };

/** Longest quotation treated as a name. Longer ones are reported speech and keep their figures. */
export const SHORT_QUOTE = 14;
/** Chinese numerals stay slogans in longer quotations too (“三清三查三审、三件大事、四项清理”). */
export const SLOGAN_QUOTE = 30;

/**
 * Short quotations as [open, close] pairs in text order, found in one pass. A quote that does not
 * close within SLOGAN_QUOTE characters (or before the line ends) is not a name and is dropped.
 */
const QUOTE_MARK = /["\u2018-\u201d\u3008-\u300f]/g;
const QUOTE_MARK_TABLE = (() => {
  const t = new Uint8Array(65536);
  t[0x22] = 1;
  t.fill(1, 0x2018, 0x201e);
  t.fill(1, 0x3008, 0x3010);
  return t;
})();

export function shortQuotes(view: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let open = -1;
  let closer = '';
  for (let i = 0; i < view.length; i++) {
    if (open < 0) {
      // Outside a quotation only quote marks matter: the regular expression engine finds the next.
      i = nextInSet(QUOTE_MARK_TABLE, QUOTE_MARK, view, i);
      if (i < 0) break;
    }
    const c = view[i];
    if (open >= 0) {
      if (c === closer) {
        out.push([open, i]);
        open = -1;
      } else if (c === '\n' || i - open > SLOGAN_QUOTE) {
        open = -1;
      }
      if (open >= 0) continue;
      if (c === closer) continue;
    }
    const close = QUOTE_PAIRS[c];
    if (close !== undefined) {
      open = i;
      closer = close;
    }
  }
  return out;
}
