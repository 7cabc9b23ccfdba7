/**
 * The label of a figure: the name of what it measures, copied from the text. A count's label
 * usually follows it (22个村, 12起突发环境事件); otherwise it is the subject before a copula
 * (市区绿化覆盖率达22.13%) or the object after the last action verb (全市完成建筑业总产值795亿元).
 */
import type { RawFigure } from './scan';
import { isChineseNumeralChar, isDigit, oneOf } from './numerals';
import { matchUnit } from './units';
import { WordIndex, charTable } from './word-index';
import {
  ACTION_VERBS,
  ADVERBS,
  AFTER_STOP_WORDS,
  COMPARISON,
  COPULAS,
  GENERIC_AFTER,
  LEADING_SCOPE,
  GRADE_WORDS,
  IN_WORDS,
  MEASURE_HEADS,
  NOMINAL_VERBS,
  NOT_AFTER_DE,
  NOUN_HEADS,
  NOUN_PREFIXES,
  NOUN_SUFFIXES,
  PREDICATES,
  FILLER_NOT_AFTER,
  TRAILING_FILLERS,
  TRAILING_GENERIC,
  YOU_WORD_SECOND,
} from './label-words';

const MAX_BACK = 32;
const MAX_AFTER = 16;
const MAX_LABEL = 24;
const BEFORE_STOP = charTable('，,。;；:：!?！？()\n《》【】');
const AFTER_STOP = charTable('，,。;；:：!?！？()\n、《》【】 /');
const TRIM = charTable(' \u3000\t、');
/** Conjunctions a name does not end with (一村一品示范村和…). */
const TRAILING_JOINERS = charTable('和及与或');

export interface LabelSpan {
  start: number;
  end: number;
}

const VERBS = new WordIndex(ACTION_VERBS);
const AFTER_STOPS = new WordIndex(AFTER_STOP_WORDS);
const SCOPE = new WordIndex(LEADING_SCOPE);
const FILLERS = new WordIndex(TRAILING_FILLERS);
const GENERIC = new WordIndex(TRAILING_GENERIC);
const PREDICATE_WORDS = new WordIndex(PREDICATES);
const ADVERB_WORDS = new WordIndex(ADVERBS);
const MEASURE = new WordIndex(MEASURE_HEADS);
const GRADES = new WordIndex(GRADE_WORDS);
const GENERIC_AFTER_WORDS = new WordIndex(GENERIC_AFTER);
const IN = new WordIndex(IN_WORDS);
const PREDICATE_SET = new Set(PREDICATES);
const PREPOSITION_VERBS = new Set(['按照', '根据', '依照', '依据', '对照', '围绕', '依托', '依託']);
const NOT_DE = new WordIndex(NOT_AFTER_DE);
const NOMINAL = new WordIndex(NOMINAL_VERBS);
// Sets and indexes of the word lists looked up for every figure (an array's includes or some
// compares word by word, with a function call per word for some).
const NOMINAL_SET = new Set(NOMINAL_VERBS);
const NOUN_SUFFIX_SET = new Set(NOUN_SUFFIXES);
const SCOPE_SET = new Set(LEADING_SCOPE);
const FILLER_SET = new Set(TRAILING_FILLERS);
const NOUN_PREFIX_WORDS = new WordIndex(NOUN_PREFIXES);
const NOUN_HEAD_WORDS = new WordIndex(NOUN_HEADS);

const OPEN_QUOTES = charTable('"“「『');
const CLOSE_QUOTES = charTable('"”」』');

function trim(view: string, s: LabelSpan): LabelSpan {
  let { start, end } = s;
  for (let guard = 0; guard < 4; guard++) {
    while (start < end && TRIM[view.charCodeAt(start)]) start++;
    while (end > start && TRIM[view.charCodeAt(end - 1)]) end--;
    // A quote at either end stays only when its partner is inside the label (“模式”家庭养殖场).
    const openQuote = start < end && OPEN_QUOTES[view.charCodeAt(start)] === 1;
    const closeQuote = end > start && CLOSE_QUOTES[view.charCodeAt(end - 1)] === 1;
    if (!openQuote && !closeQuote) break;
    const inner = view.slice(start, end);
    if (openQuote && !/[”"」』]/.test(inner.slice(1))) {
      start++;
      continue;
    }
    if (closeQuote && !/[“"「『]/.test(inner.slice(0, -1))) {
      end--;
      continue;
    }
    break;
  }
  return { start, end };
}

/** Strip scope words in front (全县, 今年全市, 其中) and year or date prefixes (20xx年, 2012年). */
const PLACE_CHARS = charTable('城市县辖境全');
function placeMayStart(view: string, start: number, end: number): boolean {
  for (let k = start + 1; k < Math.min(end, start + 8); k++) if (PLACE_CHARS[view.charCodeAt(k)]) return true;
  return false;
}
const PLACE_PREFIX = /^[\u4e00-\u9fff]{1,4}?[^旧新老主心](?:城区|市区|县城|辖区|境内|全境)/;

/** Digits and the placeholders written for them (20xx年, 20**年). */
const DATE_DIGITS = charTable('0123456789xX*');

const CHINESE_YEAR_DIGITS = /^[〇○零一二三四五六七八九]{4}$/;

function stripLeading(view: string, s: LabelSpan): LabelSpan {
  let { start } = s;
  for (let guard = 0; guard < 8 && start < s.end; guard++) {
    // A date in front (2012年, 20xx年, 6月底): digits or placeholders, then a date word. 日本 is no date.
    let k = start;
    while (k < s.end && DATE_DIGITS[view.charCodeAt(k)] === 1) k++;
    if (k > start) {
      if (view[k] === ' ') k++; // 20xx 年
      while (k < s.end && oneOf('年月日份底初度', view[k])) k++;
      if (oneOf('年月日份底初度', view[k - 1])) {
        start = k;
        continue;
      }
    }
    // A year in Chinese numerals (二〇二三年): four of them, so that 三年行动 keeps its count.
    if (s.end - start > 5 && view[start + 4] === '年' && CHINESE_YEAR_DIGITS.test(view.slice(start, start + 4))) {
      start += 5;
      continue;
    }
    if (IN.at(view, start)) break; // 在用机动车: not the place word 在
    const w = SCOPE.at(view, start);
    if (w && start + w.length < s.end) {
      start += w.length;
      // 全市有各级各类学校1,200所: after a place, "there are", not part of the name (有效, 有机, 有色… are
      // words; 其中有赌博机的4家 says "with").
      if (view[start] === '有' && oneOf('全我本', w[0]) && s.end - start > 3 && !oneOf(YOU_WORD_SECOND, view[start + 1])) start++;
      continue;
    }
    // 平凉城区空气质量优良天数: a place in front of what is measured.
    if (placeMayStart(view, start, s.end)) {
      const place = PLACE_PREFIX.exec(view.slice(start, Math.min(s.end, start + 8)));
      if (place && s.end - start - place[0].length >= 4) {
        start += place[0].length;
        continue;
      }
    }
    break;
  }
  return { start, end: s.end };
}

function stripTrailing(view: string, s: LabelSpan, words: WordIndex): LabelSpan {
  let { end } = s;
  for (let guard = 0; guard < 8; guard++) {
    const w = words.endingAt(view, end, s.start);
    // Never strip down to one character: 总共 stays 总共, not 总.
    if (!w || end - w.length < s.start + 2) break;
    end -= w.length;
  }
  return { start: s.start, end };
}

const COPULA_FIRST = charTable(COPULAS.map((c) => c.word[0]).join(''));

/** The last copula in the span, if any, where it is a copula and not part of another word. */
function lastCopula(view: string, s: LabelSpan): { at: number; len: number } | undefined {
  for (let i = s.end - 1; i > s.start; i--) {
    if (COPULA_FIRST[view.charCodeAt(i)] !== 1) continue; // cheap test first: most characters start no copula
    for (let n = 0; n < COPULAS.length; n++) {
      const c = COPULAS[n];
      if (!view.startsWith(c.word, i) || i + c.word.length > s.end) continue;
      if (c.notBefore && oneOf(c.notBefore, view[i - 1])) continue;
      if (c.notAfter && oneOf(c.notAfter, view[i + c.word.length])) continue;
      // 为润镇居民…提供…住房819套: with a verb after it, 为 is a preposition, not the copula.
      for (let k = i + c.word.length; k < s.end - 1; k++) if (VERBS.at(view, k)) return undefined;
      return { at: i, len: c.word.length };
    }
  }
  return undefined;
}

/**
 * The last verb of the span whose object follows it inside the span. Verbs whose object is a noun
 * ending (转移培训, 建设用地, 生产专案) or that end the span (县乡公路建设) are part of the name.
 */
function lastVerb(view: string, s: LabelSpan): { at: number; len: number } | undefined {
  for (let i = s.end - 2; i >= s.start; i--) {
    const w = VERBS.at(view, i);
    if (!w || i + w.length >= s.end) continue;
    const rest = i + w.length;
    const tail = view.slice(rest, s.end);
    if (tail.length < 2 || view[rest] === '(') continue; // 试验发展(R&D)经费: the gloss names the noun before it
    // 率, 值 and 区 begin no object: the verb is part of a noun (增加值比重, 处理率目标, 建成区绿地率), even one that reports.
    if (view[rest] === '率' || view[rest] === '区' || (view[rest] === '值' && !oneOf('班守得', view[rest + 1]))) continue;
    // A verb that reports (完成投资, 完成项目建设投资) takes an object; another one before a noun it
    // often forms a name with (转移联单, 调查问卷, 建设项目用地, 绿化覆盖率) is part of the name.
    if (!PREDICATE_SET.has(w)) {
      if (NOUN_SUFFIX_SET.has(tail) || NOMINAL_SET.has(tail) || TRAILING_GENERIC.includes(tail)) continue;
      // 开展专项督导检查和督办工作会: a verb inside a coordination is part of a name.
      if (oneOf('和及与、', view[i - 1])) continue;
      if (NOUN_PREFIX_WORDS.startsWithin(view, rest, s.end)) continue;
      if (tail.length <= 3 && oneOf('率量额值数', tail[tail.length - 1])) continue;
      if (NOMINAL_SET.has(w) && tail.length <= 3) continue; // 转移联单, 整治现场会
    }
    // 清查出污染源, 收集到9件, 争取到总投资: a result complement goes with the verb.
    const len = oneOf('出到了', view[rest]) && rest + 1 < s.end ? w.length + 1 : w.length;
    return { at: i, len };
  }
  return undefined;
}

/** A placeholder in front (**生态移民安置) is a hidden name, not part of the label; **点 names nothing. */
function dropPlaceholder(view: string, s: LabelSpan): LabelSpan {
  let k = s.start;
  while (k < s.end && oneOf('*xX×', view[k])) k++;
  if (k === s.start) return s;
  return s.end - k <= 1 ? { start: s.end, end: s.end } : { start: k, end: s.end };
}

/** Clean a name taken from the text: scope words, placeholders and stray punctuation off. */
export function cleanName(view: string, s: LabelSpan): LabelSpan {
  let c = trim(view, dropPlaceholder(view, stripLeading(view, trim(view, s))));
  c = stripFootnote(view, c);
  while (c.end - c.start > 2 && TRAILING_JOINERS[view.charCodeAt(c.end - 1)]) c = trim(view, { start: c.start, end: c.end - 1 });
  // What is left of only a scope or function word (全区, 对, 目前) names nothing.
  if (c.end - c.start > 4) return c;
  const text = view.slice(c.start, c.end);
  return SCOPE_SET.has(text) || FILLER_SET.has(text) ? { start: c.end, end: c.end } : c;
}

/** What the words before a figure give: the name, and whether they ended in a predicate (完成, 增长…). */
interface Before {
  span: LabelSpan;
  /** The words right before the figure were a predicate (新增5000万用于…, 享受两年…): the name may follow. */
  predicate: boolean;
}

/** Strip predicates, fillers and comparison phrases from the end of a span (资产总额比上年增长 → 资产总额). */
function stripTail(view: string, s: LabelSpan, keep = 2): { span: LabelSpan; predicate: boolean } {
  let { start, end } = s;
  let predicate = false;
  for (let guard = 0; guard < 8 && end > start; guard++) {
    while (end > start && TRIM[view.charCodeAt(end - 1)]) end--;
    const p = PREDICATE_WORDS.endingAt(view, end, start);
    const f0 = FILLERS.endingAt(view, end, start);
    if (p && end - p.length >= start && !(f0 && f0.length > p.length)) {
      end -= p.length;
      predicate = true;
      continue;
    }
    // Any other verb at the end hands over too (造成了24.1吨, 全年各类电影共计放映200余场), but a
    // nominal one ends the name (县乡公路建设50公里, 出口23.8万亿元).
    const v = VERBS.endingAt(view, end, start);
    // 各村(居)按照每150户: what a preposition-like verb governs follows it; nothing before names the figure.
    if (v && PREPOSITION_VERBS.has(v)) return { span: { start: end - v.length, end: end - v.length }, predicate: true };
    if (v && !NOMINAL_SET.has(v) && end - v.length >= start && !(end - v.length > start && MEASURE.endingAt(view, end, start))) {
      end -= v.length;
      predicate = true;
      continue;
    }
    const f = FILLERS.endingAt(view, end, start);
    // (供应, 模拟: the end of a word, not a filler; FILLER_NOT_AFTER.)
    if (f && end - f.length >= start + keep && !oneOf(FILLER_NOT_AFTER[f] ?? '', view[end - f.length - 1])) {
      end -= f.length;
      continue;
    }
    if (comparisonMayEnd(view, start, end)) {
      const tailText = view.slice(Math.max(start, end - 12), end);
      const m = COMPARISON.exec(tailText) ?? COMPARED_TO.exec(tailText);
      if (m) {
        end -= m[0].length;
        predicate ||= m[0].length > 0;
        continue;
      }
    }
    if (keep === 0) {
      const sc = SCOPE.endingAt(view, end, start); // 我市占4个
      if (sc) {
        end -= sc.length;
        continue;
      }
    }
    break;
  }
  return { span: { start, end: Math.max(start, end) }, predicate };
}

/** Characters every comparison phrase holds (比上年, 同比, 高于全省…): without one, no regular expression runs. */
const COMPARISON_CHARS = charTable('比较与同环高低快慢超好优多少');
function comparisonMayEnd(view: string, start: number, end: number): boolean {
  for (let k = Math.max(start, end - 12); k < end; k++) if (COMPARISON_CHARS[view.charCodeAt(k)]) return true;
  return false;
}

/** 增速高于全省, 分别高出全国…平均水平: what a figure is compared with, at the end of its name. */
const COMPARED_TO = /(?:高于|低于|快于|慢于|高出|低出|超出|好于|优于|多于|少于)(?:全国|全省|全市|全县|全区|上年|去年|同期|平均水平|平均)?$/;

/** The last `ch` in view[from, to), or -1: a bounded lastIndexOf (an unbounded one would rescan the text). */
function lastIn(view: string, ch: string, from: number, to: number): number {
  const c = ch.charCodeAt(0);
  for (let k = to - 1; k >= from && k >= 0; k--) if (view.charCodeAt(k) === c) return k;
  return -1;
}

/** The first `ch` in view[from, to), or -1. */
function firstIn(view: string, ch: string, from: number, to: number): number {
  const c = ch.charCodeAt(0);
  const end = Math.min(to, view.length);
  for (let k = from; k < end; k++) if (view.charCodeAt(k) === c) return k;
  return -1;
}

/** Footnote marks and reference brackets at the end of a span: [41], 〔3〕, ［2］. */
function stripFootnote(view: string, s: LabelSpan): LabelSpan {
  let { end } = s;
  for (let guard = 0; guard < 3; guard++) {
    if (end - s.start < 3 || !oneOf(']〕】', view[end - 1])) break;
    let k = end - 2;
    while (k > s.start && isDigit(view[k])) k--;
    if (k === end - 2 || !oneOf('[〔【', view[k])) break;
    end = k;
  }
  return { start: s.start, end };
}

/** 省、市级…, 水、畜禽和气…: items of one character before the last 、 qualify the last item. */
function singleCharItems(view: string, start: number, lastComma: number): boolean {
  const items = view.slice(start, lastComma).split('、');
  return items.every((x) => x.length >= 1 && oneOf('省市县区镇乡村水气', x[x.length - 1])) && items[items.length - 1].length === 1;
}

/**
 * A name holds no figure: 给予3万元补助 → 补助, 济南1-12月可吸入颗粒物(PM10) → 可吸入颗粒物(PM10). What
 * follows the last number that has a measure word or date word after it is kept.
 */
function afterFigures(view: string, s: LabelSpan): LabelSpan {
  let cut = -1;
  for (let k = s.start; k < s.end; k++) {
    const d = view.charCodeAt(k); // by code unit: this looks at every character of the name
    if (d < 48 || d > 57 || isAsciiLetterCode(view.charCodeAt(k - 1))) continue;
    let j = k;
    while (j < s.end && (isDigit(view[j]) || oneOf('.,-*xX', view[j]))) j++;
    const c = view.charCodeAt(j);
    if (j < s.end && c >= 0x4e00 && c <= 0x9fff) {
      // the measure word, magnitude or date word after the number ends the figure
      let e = j + 1;
      while (e < s.end && oneOf('万亿千百元吨个户人年月日度', view[e]) && e - j < 3) e++;
      cut = e;
    }
    k = j;
  }
  return cut > s.start && cut < s.end ? trim(view, { start: cut, end: s.end }) : s;
}
const isAsciiLetterCode = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** 查该署109年, 113年度: a year at the end of a name is when, not what. */
function stripTrailingDate(view: string, s: LabelSpan): LabelSpan {
  let e = s.end;
  if (view[e - 1] === '度') e--;
  if (view[e - 1] !== '年') return s;
  let k = e - 1;
  while (k > s.start && (isDigit(view[k - 1]) || oneOf('xX*', view[k - 1]))) k--;
  return k < e - 1 && k >= s.start ? trim(view, { start: s.start, end: k }) : s;
}

/** A preposition that opens the phrase naming the measure (国家对水质监测, 将污染物减排指标): the name follows it. */
const PREPOSITIONS = charTable('对将把向');

function afterPreposition(view: string, s: LabelSpan): LabelSpan {
  for (let i = s.end - 3; i > s.start; i--) {
    if (PREPOSITIONS[view.charCodeAt(i)] !== 1) continue; // by code unit: this looks at every character of the name
    const c = view[i];
    if (oneOf(PREPOSITION_NOT_AFTER[c] ?? '', view[i + 1]) || oneOf(PREPOSITION_NOT_BEFORE[c] ?? '', view[i - 1])) continue;
    return { start: i + 1, end: s.end };
  }
  return s;
}
const PREPOSITION_NOT_AFTER: Record<string, string> = { 对: '于外象口照比待应称接话策', 将: '近来要军', 把: '关握手', 向: '往导' };
const PREPOSITION_NOT_BEFORE: Record<string, string> = { 对: '针面应反相绝核校比', 将: '即必', 把: '', 向: '方导倾意志转走动面偏双' };

function before(view: string, fig: RawFigure, floor: number, prevAfter: number): Before {
  let a = fig.start;
  // Back to the clause start, the previous figure's end (its 、 included), or MAX_BACK characters.
  const limit = Math.max(floor, prevAfter, fig.start - MAX_BACK);
  while (a > limit && !BEFORE_STOP[view.charCodeAt(a - 1)]) a--;
  // 研究与试验发展(R&D)经费支出: a short gloss in parentheses inside the name.
  if (view[a - 1] === ')' && a > limit && a < fig.start) {
    const open = lastIn(view, '(', Math.max(limit, a - 12), a - 1);
    if (open > limit && !BEFORE_STOP[view.charCodeAt(open - 1)]) {
      a = open;
      while (a > limit && !BEFORE_STOP[view.charCodeAt(a - 1)]) a--;
    }
  }
  // 吊销《网络文化经营许可证》2家: a title in the name.
  if (view[a - 1] === '》' && a > limit) {
    const open = lastIn(view, '《', Math.max(limit, a - 26), a - 1);
    if (open >= limit && a - open <= 26) {
      a = open;
      while (a > limit && !BEFORE_STOP[view.charCodeAt(a - 1)]) a--;
    }
  }
  if (a === fig.start) return { span: { start: a, end: a }, predicate: false }; // nothing before it (dense lists): no work
  let s = stripFootnote(view, trim(view, { start: a, end: fig.start }));
  // Cut at the look-back limit, the words start mid-phrase (…摸]清我市涉及…的重点行业): start after
  // the first 的 or 、 instead.
  if (a === fig.start - MAX_BACK && a > floor && !BEFORE_STOP[view.charCodeAt(a - 1)]) {
    for (let k = s.start; k < s.end - 2; k++)
      if (view[k] === '的' || view[k] === '、') {
        s = { start: k + 1, end: s.end };
        break;
      }
  }
  // 白马1×600MW: a multiplier in front is part of the figure's description, not of its name.
  let m = s.end;
  if (view[m - 1] === '×' || view[m - 1] === '*') {
    m--;
    while (m > s.start && isDigit(view[m - 1])) m--;
    s = trim(view, { start: s.start, end: m });
  }
  // A 、-list before one figure is what it counts (整治工作动员会、…、现场会达10余次; 水、畜禽和气污染
  // 减排专案); one summed up by 等 is named after 等 (预警和宣传等各类短信).
  const deng = lastIn(view, '等', s.start, s.end);
  if (deng > s.start && s.end - deng > 2 && !oneOf('平同相', view[deng - 1]) && !oneOf('级于', view[deng + 1])) s = { start: deng + 1, end: s.end };
  let tail = stripTail(view, s);
  // A figure right after the last item of a 、-list is that item's (联络着妇女“半边天”、工人60多万人),
  // unless the items before are one character (水、畜禽和气污染减排专案).
  const comma = lastIn(view, '、', s.start, s.end);
  if (comma > s.start && !tail.predicate && !view.slice(comma, s.end).includes('的') && !singleCharItems(view, s.start, comma)) {
    s = { start: comma + 1, end: s.end };
    tail = stripTail(view, s);
  }
  // 两侧建设25~30米景观绿带, 道路两侧各建15米: a verb right before the figure takes an object after it.
  const builds = NOMINAL.endingAt(view, s.end, s.start) !== undefined || oneOf('建修种栽挖铺植造', view[s.end - 1]);
  tail.predicate ||= builds;
  s = tail.span;
  const copula = lastCopula(view, s);
  if (copula && copula.at > s.start) {
    // The subject before the copula names the measure (…最大值为界岭站837毫米); with none (未达到绿地率
    // 25%), what follows the copula does.
    const subject = cleanName(view, stripTail(view, trim(view, { start: s.start, end: copula.at })).span);
    s = subject.end - subject.start >= 2 ? subject : { start: copula.at + copula.len, end: s.end };
  } else if (view[s.start] === '占' && s.end - s.start > 2 && !oneOf('比用地有领', view[s.start + 1])) {
    s = { start: s.start + 1, end: s.end }; // 占全年任务量的65.2%: a share of what follows 占
  }
  // The object after the last verb names the measure (全市完成建筑业总产值795亿元); a verb whose
  // object is a noun ending (转移培训, 生产专案) or that ends the span (县乡公路建设) is part of the name.
  const v = lastVerb(view, s);
  if (v) s = { start: v.at + v.len, end: s.end };
  s = afterPreposition(view, s);
  // 第1目「一般行政」编列…, 减列「奖补助费」500万元: a quoted budget line names the figure.
  if (s.end - s.start > 3 && (view[s.end - 1] === '」' || view[s.end - 1] === '』')) {
    const open = lastIn(view, view[s.end - 1] === '」' ? '「' : '『', s.start, s.end - 1);
    if (open >= s.start && s.end - open > 3) s = { start: open + 1, end: s.end - 1 };
  }
  s = stripTrailingDate(view, cleanName(view, afterFigures(view, s)));
  if (s.end - s.start < 2) return { span: { start: s.end, end: s.end }, predicate: tail.predicate }; // one character is rarely a name
  if (s.end - s.start > MAX_LABEL) {
    // Too long to be a name: keep what follows its first 的 or 、 (…涉及持久性有机污染物的[重点行业]), or its end.
    let k = s.start;
    while (k < s.end - 2 && view[k] !== '的' && view[k] !== '、') k++;
    s = k < s.end - 2 && s.end - k - 1 <= MAX_LABEL ? { start: k + 1, end: s.end } : { start: s.end - MAX_LABEL, end: s.end };
  }
  return { span: trim(view, s), predicate: tail.predicate };
}

/** A name from a 分别 list: its relative clause, comparison and scope words off (质量的可吸入颗粒物 → 可吸入颗粒物). */
export function cleanListName(view: string, s: LabelSpan): LabelSpan {
  const de = lastIn(view, '的', s.start, s.end);
  let t = de >= s.start && s.end - de > 2 ? { start: de + 1, end: s.end } : s;
  t = stripTail(view, trim(view, t)).span;
  return cleanName(view, afterFigures(view, t));
}

/** Label from the text before the figure, back to the clause start or the previous figure. */
export function labelBefore(view: string, fig: RawFigure, floor: number, prevAfter: number): LabelSpan {
  return before(view, fig, floor, prevAfter).span;
}

/** Label from the noun phrase right after the figure (22个村, 8轮巡视, 80%的县级监测站). */
export function labelAfter(view: string, fig: RawFigure, ceiling: number): LabelSpan {
  let a = fig.after;
  while (view[a] === ' ') a++;
  if (view[a] === '的') a++;
  // 54台(套)设备: the parenthesis qualifies the unit, the name comes after it.
  if (view[a] === '(') {
    const close = view.slice(a, a + 5).indexOf(')');
    if (close > 0) a += close + 1;
  }
  // 5000万用于环保能力建设: what the money is for names it.
  if (view.startsWith('用于', a) || view.startsWith('用来', a)) a += 2;
  if (oneOf('和及与或', view[a])) return { start: a, end: a };
  if (isStopAt(view, a)) {
    // 东沙大米等4个已申报…的无公害农产品生产示范基地, 两次组织开展…的示范观摩活动: a count whose
    // phrase opens with a predicate counts the noun after the predicate's 的.
    return fig.isCount ? nounAfterDe(view, a, ceiling) : { start: a, end: a };
  }
  // 3个专案通过国家康居示范工程评审, 8人入选“隆中人才支援计划”: a count of units that reached a
  // status is named by the status (gold-dev2.md).
  if (fig.isCount) {
    const status = statusAfter(view, a, ceiling);
    if (status) return status;
  }
  const s = phraseAt(view, fig, a, ceiling);
  if (fig.isCount && s.end > s.start) {
    const status = statusAfter(view, s.end, ceiling);
    if (status) return status;
  }
  const verbOnly = s.end > s.start && (VERBS.at(view, s.start) ?? NOMINAL.at(view, s.start))?.length === s.end - s.start;
  if (fig.isCount && (verbOnly || (s.end === s.start && (VERBS.at(view, a) || ADVERB_WORDS.at(view, a))))) {
    const n = nounAfterDe(view, a, ceiling);
    if (n.end > n.start || verbOnly) return n;
  }
  return s;
}

const STATUS_VERBS = new WordIndex([
  '通过了',
  '通过',
  '获得了',
  '获得',
  '荣获',
  '获批',
  '入选',
  '被评为',
  '评为',
  '被命名为',
  '命名为',
  '列入',
  '纳入',
  '进入',
  '挤进',
  '跻身',
  '创建了',
  '创建',
  '成为',
  '实现了',
  '为',
]);
const STATUS_ADVERBS = new WordIndex(['已经', '已', '均', '都', '全部', '先后', '也', '相继', '成功', '顺利', '同时']);

/** The status after a counted noun (…通过[质量管理体系认证], …入选第四批“[百人计划]”), if one follows at pos. */
function statusAfter(view: string, pos: number, ceiling: number): LabelSpan | undefined {
  let k = pos;
  while (view[k] === ' ') k++;
  for (let guard = 0; guard < 2; guard++) {
    const adv = STATUS_ADVERBS.at(view, k);
    if (adv) k += adv.length;
  }
  const v = STATUS_VERBS.at(view, k);
  if (!v) return undefined;
  k += v.length;
  while (view[k] === ' ') k++;
  const ordinal = /^第[一二三四五六七八九十\d]+[批届次轮]/.exec(view.slice(k, k + 6)); // 第四批
  if (ordinal) k += ordinal[0].length;
  let quoted = false;
  if (oneOf('“"「《', view[k])) {
    k++;
    quoted = true;
  }
  let e = k;
  const limit = Math.min(ceiling, k + 20);
  while (e < limit && !(AFTER_STOP[view.charCodeAt(e)] && !(view[e] === '、' && e > k)) && !oneOf('”"」》', view[e]) && !isDigit(view[e])) {
    if (!quoted && e > k + 1 && (view[e] === '的' || isStopAt(view, e))) break;
    e++;
  }
  const span = trim(view, { start: k, end: e });
  return span.end - span.start >= 2 ? span : undefined;
}

/** A word at pos that ends or precedes a name (的, 已, 达到…), but not 达标 or 在用. */
function isStopAt(view: string, pos: number): boolean {
  if (!AFTER_STOPS.at(view, pos)) return false;
  if (IN.at(view, pos) || view.startsWith('达标', pos) || view.startsWith('比例', pos) || view.startsWith('共建', pos)) return false;
  return true;
}

/** First characters of the stop words, adverbs and verbs that end a noun phrase. */
const PHRASE_WORD_FIRST = charTable([...AFTER_STOP_WORDS, ...ADVERBS, ...ACTION_VERBS, ...NOMINAL_VERBS].map((w) => w[0]).join(''));

/** The noun phrase at a (not past ceiling): what a figure before it counts or measures. */
function phraseAt(view: string, fig: RawFigure, a: number, ceiling: number): LabelSpan {
  let b = a;
  const limit = Math.min(ceiling, a + MAX_AFTER);
  while (b < limit) {
    const c = view[b];
    if (c === '(') {
      const close = view.slice(b, b + 5).indexOf(')'); // a short parenthesis inside a name: 河道(段)
      if (close > 0) {
        b += close + 1;
        continue;
      }
    }
    if (c === '《' && b === a) {
      const close = firstIn(view, '》', b, b + 25);
      if (close > 0) {
        // 64项《污染源限期治理责任状》和…
        b = close + 1;
        if (oneOf('和及与、', view[b]) || AFTER_STOP[view.charCodeAt(b)]) return { start: a + 1, end: close };
        continue;
      }
    }
    // 9件议案、建议、批评和意见进行梳理: a count of a list of short nouns.
    if (c === '、' && fig.isCount && b > a && shortNounListAhead(view, b + 1, limit)) {
      b++;
      continue;
    }
    if (AFTER_STOP[view.charCodeAt(b)] || isDigit(c)) break;
    // A number ends the name, but 一 inside one does not (2个省级一村一品示范村: no measure word after it).
    if (
      b > a &&
      isChineseNumeralChar(c) &&
      c !== '万' &&
      c !== '千' &&
      c !== '百' &&
      !(c === '一' && !matchUnit(view, b + 1) && !isChineseNumeralChar(view[b + 1]))
    )
      break;
    // N个X的Y: the label is X的Y (33个村的整治要点), for a count whose 的 joins two nouns.
    if (c === '的' && b > a && fig.isCount && !oneOf('上中里内下', view[b - 1]) && isNounStart(view, b + 1) && !NOT_DE.at(view, b + 1)) {
      b++;
      continue;
    }
    // (Cheap test first: a stop word, an adverb or a verb starts with one of few characters.)
    const mayStop = PHRASE_WORD_FIRST[view.charCodeAt(b)] === 1;
    if (mayStop && b > a && isStopAt(view, b) && !(c === '均' && view[b - 1] === '平')) break;
    if (mayStop && b > a + 1 && (adverbAt(view, b) || verbStartsPredicate(view, b))) break;
    if (oneOf('和及与', c) && b > a && numberAhead(view, b + 1, b + 1 + MAX_AFTER)) break;
    b++;
  }
  // A phrase that runs into 了 was a verb (4次调整了督查对象), not the name of what was counted;
  // one that runs into the next number names that number (138人投资165.6万元).
  if (view[b] === '了' || (b > a && b < limit && isDigit(view[b]))) return { start: a, end: a };
  if (GENERIC_AFTER_WORDS.at(view, a)) return { start: a, end: a };
  let s = trim(view, { start: a, end: b });
  while (s.end - s.start > 2 && TRAILING_JOINERS[view.charCodeAt(s.end - 1)]) s = trim(view, { start: s.start, end: s.end - 1 });
  const generic = stripTrailing(view, s, GENERIC);
  if (generic.end - generic.start >= 3) s = generic; // 贫困村通车任务 → 贫困村通车, but 工作任务 stays
  if (s.end - s.start === 1 && oneOf('中内里上', view[s.start])) return { start: s.start, end: s.start }; // 总共90天中
  // 达标站中, 考核范围内: a place word after the name; 工作制度(规范): a gloss in parentheses.
  if (s.end - s.start >= 2 && oneOf('中内里上', view[s.end - 1]) && !oneOf('初高集其空途居适命正城', view[s.end - 2])) s = { start: s.start, end: s.end - 1 };
  if (view[s.end - 1] === ')') {
    const open = lastIn(view, '(', s.start, s.end - 1);
    if (open > s.start && /[\u4e00-\u9fff]/.test(view.slice(open + 1, s.end - 1))) s = { start: s.start, end: open };
  }
  return s;
}

/** After 、: more short nouns up to a predicate, with no number among them (议案、建议、批评和意见). */
function shortNounListAhead(view: string, from: number, _limit: number): boolean {
  for (let k = from; k < view.length && k - from <= 12; k++) {
    const c = view[k];
    if (c !== '、' && AFTER_STOP[view.charCodeAt(k)]) return false;
    if (isDigit(c) || isChineseNumeralChar(c)) return false;
    if (k > from && VERBS.at(view, k)) return true;
  }
  return false;
}

/** The noun after the first 的 of a relative clause at a (已申报苏州市级的[无公害农产品生产示范基地]). */
function nounAfterDe(view: string, a: number, ceiling: number): LabelSpan {
  const limit = Math.min(ceiling, a + 20);
  for (let k = a; k < limit; k++) {
    if ((AFTER_STOP[view.charCodeAt(k)] && view[k] !== '、') || isDigit(view[k])) break;
    if (view[k] === '的' && isNounStart(view, k + 1)) {
      const s = phraseAt(view, { isCount: false } as RawFigure, k + 1, ceiling);
      if (s.end - s.start >= 2) return s;
      break;
    }
  }
  return { start: a, end: a };
}

/** An adverb that starts a new predicate (日夜清扫, 要赶): 要 only as a modal, not in 主要 or 重要. */
function adverbAt(view: string, pos: number): boolean {
  const w = ADVERB_WORDS.at(view, pos);
  if (!w) return false;
  return w !== '要' || (!oneOf('主重需必只摘纲概紧首', view[pos - 1]) && !oneOf('素点害闻件领务求', view[pos + 1]));
}

/** A noun can start here: a CJK character that is no verb, adverb or stop word (村的[整治要点]). */
function isNounStart(view: string, pos: number): boolean {
  const c = view.charCodeAt(pos);
  if (!(c >= 0x4e00 && c <= 0x9fff) || isChineseNumeralChar(view[pos])) return false;
  return !isStopAt(view, pos) && !adverbAt(view, pos) && !verbStartsPredicate(view, pos);
}

/** A verb at pos that starts a new predicate (落地, 分成, 列入), not one inside a name (生产专案). */
function verbStartsPredicate(view: string, pos: number): boolean {
  const w = VERBS.at(view, pos) ?? NOMINAL.at(view, pos);
  if (!w) return false;
  const rest = pos + w.length;
  // 乡镇卫生院建设、…, 脱产培训,: a nominal verb that ends the phrase is its head.
  if (NOMINAL_SET.has(w) && (rest >= view.length || AFTER_STOP[view.charCodeAt(rest)] || isDigit(view[rest]))) return false;
  if (NOUN_PREFIX_WORDS.at(view, rest) !== undefined || NOUN_HEAD_WORDS.at(view, rest) !== undefined) return false;
  return true;
}

function numberAhead(view: string, from: number, limit: number): boolean {
  for (let k = from; k < limit; k++) {
    const c = view[k];
    if (AFTER_STOP[view.charCodeAt(k)]) return false;
    if (isDigit(c) || (isChineseNumeralChar(c) && c !== '万' && c !== '千' && c !== '百')) return true;
  }
  return false;
}

/** Does a span end with a noun that names a measure (绿地率, 经济总收入)? */
function endsWithMeasure(view: string, s: LabelSpan): boolean {
  return s.end > s.start && MEASURE.endingAt(view, s.end, s.start) !== undefined;
}

/** A grade after a figure (95分以上优秀, 80分--94分为称职): the band the score is in names it. */
function gradeAfter(view: string, fig: RawFigure): LabelSpan | undefined {
  let k = fig.after;
  const copula = view[k] === '为' || view[k] === '是';
  if (copula) k++;
  if (!copula && fig.after === fig.end) return undefined;
  const g = GRADES.at(view, k);
  if (!g) return undefined;
  const next = view.charCodeAt(k + g.length);
  if (next >= 0x4e00 && next <= 0x9fff && next !== 0x7684) return undefined; // 合格率, 优秀奖
  return { start: k, end: k + g.length };
}

/**
 * What a span of time is for (三年内给予相关税费减免, 用三年左右的时间，全面提升农村公路…水平,
 * 为期10天的脱产培训): the object of the verb that follows the figure.
 */
function durationAfter(view: string, fig: RawFigure, ceiling: number): LabelSpan {
  let a = fig.after;
  while (view[a] === ' ') a++;
  const time = /^(?:的时间|时间|的)/.exec(view.slice(a, a + 3));
  if (time) a += time[0].length;
  if (time && oneOf('，,', view[a])) a++;
  // 3个月内向本院内政委员会提出书面报告: the task is the verb phrase after the preposition's object.
  if (oneOf('向对在于给为与', view[a])) {
    for (let k = a + 1; k < Math.min(ceiling, a + 14); k++) {
      if (AFTER_STOP[view.charCodeAt(k)]) break;
      if (VERBS.at(view, k)) {
        a = k;
        break;
      }
    }
  }
  // Adverbs, a modal, a verb and scope words in front of the object.
  for (let guard = 0; guard < 6; guard++) {
    const v = VERBS.at(view, a) ?? PREDICATE_WORDS.at(view, a);
    if (v && !NOMINAL_SET.has(v) && v.length > 1) {
      a += v.length;
      continue;
    }
    const w = DURATION_OPENERS.at(view, a) ?? (oneOf('不未尚', view[a]) ? undefined : ADVERB_WORDS.at(view, a)) ?? SCOPE.at(view, a);
    if (w) {
      a += w.length;
      continue;
    }
    break;
  }
  if (isStopAt(view, a) || a >= ceiling) return { start: a, end: a };
  let b = a;
  const limit = Math.min(ceiling, a + MAX_AFTER + 4);
  while (b < limit && !AFTER_STOP[view.charCodeAt(b)] && !isDigit(view[b]) && !(view[b] === '的' && b - a >= 2)) b++;
  if (b - a > 2 && oneOf('后前时', view[b - 1])) b--; // 提出书面报告后
  const s = trim(view, { start: a, end: b });
  return s.end - s.start >= 2 ? s : { start: a, end: a };
}
const DURATION_OPENERS = new WordIndex([
  '将',
  '要',
  '把',
  '全面',
  '彻底',
  '初步',
  '基本',
  '努力',
  '切实',
  '进一步',
  '相关',
  '有关',
  '我市',
  '我县',
  '被',
  '在',
]);

/**
 * The label of one figure. A count names what follows its measure word (22个村); a figure followed
 * by 的 and a noun names that noun (80%的县级监测站, 4500吨左右的生活污水) unless a measure is named
 * before it (绿地率25%的…标准); a figure right after a predicate names what follows where nothing
 * is named before (享受两年职业技能教育培训, 新增5000万用于环保能力建设); otherwise the words before.
 */
export function labelOf(view: string, fig: RawFigure, floor: number, ceiling: number, prevAfter: number): LabelSpan {
  const grade = gradeAfter(view, fig);
  if (grade) return grade;
  const after = labelAfter(view, fig, ceiling);
  const hasAfter = after.end > after.start;
  if (hasAfter && fig.isCount) return after;
  const b = before(view, fig, floor, prevAfter);
  const hasBefore = b.span.end > b.span.start;
  const measured = hasBefore && endsWithMeasure(view, b.span);
  if (fig.dimension === 'duration' && !measured) {
    // A span of time is named by what it is for (24小时值班制度, 两年职业技能教育培训, 三年内给予…).
    const d = durationAfter(view, fig, ceiling);
    if (d.end > d.start) return d;
  }
  // (A length or an area before 的 bounds a place: 两岸500米范围内的土小企业 is named by the place.)
  if (hasAfter && view[fig.after] === '的' && !measured && !(hasBefore && (fig.dimension === 'length' || fig.dimension === 'area'))) return after;
  const rate = fig.dimension === 'percent' || fig.dimension === 'points' || fig.dimension === 'ratio';
  if (hasAfter && !rate && !measured && (b.predicate || (hasBefore && b.span.end - b.span.start <= 2))) return after;
  if (hasBefore) return b.span;
  return hasAfter ? after : b.span;
}

/**
 * 深入推进既有居住建筑节能改造，年内完成120万平方米改造任务: a name that is only an activity (改造,
 * 改造任务) refers back to the clause of the sentence that names it in full; that name, if any.
 */
export function referBack(view: string, label: LabelSpan, sentenceStart: number, figStart: number): LabelSpan | undefined {
  if (label.end - label.start < 2 || label.end - label.start > 4) return undefined; // cheap test first: most names fail here
  let end = label.end;
  const generic = GENERIC.endingAt(view, end, label.start);
  if (generic) end -= generic.length;
  const w = view.slice(label.start, end);
  if (w.length !== 2 || !NOMINAL_SET.has(w)) return undefined;
  const from = Math.max(sentenceStart, figStart - 48);
  // Bounded: at most the 48 characters before the figure, each looked at once.
  for (let k = figStart - 3; k >= from; k--) {
    if (view.charCodeAt(k) !== w.charCodeAt(0) || view.charCodeAt(k + 1) !== w.charCodeAt(1) || !oneOf('，,；;', view[k + 2])) continue;
    const name = before(view, { start: k + 2 } as RawFigure, sentenceStart, -1).span;
    if (name.end - name.start > 2 && view.slice(name.start, name.end).endsWith(w)) return name;
    break;
  }
  return undefined;
}

/** Only predicates, fillers and comparison words between two figures (五年内突破10项, 比上年增长5%)? */
export function onlyPredicateBetween(view: string, from: number, to: number): boolean {
  if (to <= from) return true;
  if (to - from > 16) return false;
  while (from < to && oneOf('中内里上', view[from]) && oneOf('，,', view[from + 1])) from++; // 7个达标站中，我市占4个
  const t = stripTail(view, { start: from, end: to }, 0);
  const s = t.span;
  return t.predicate && (s.end <= s.start || /^[,，\s]*$/.test(view.slice(s.start, s.end)));
}

/** 600户2760人: a figure right after another, with nothing between, measures the same thing. */
export function isAdjacent(view: string, prevAfter: number, fig: RawFigure): boolean {
  return prevAfter >= 0 && view.slice(prevAfter, fig.start).trim() === '';
}
