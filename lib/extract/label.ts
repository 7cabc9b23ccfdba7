/**
 * The label of a figure: the name of what it measures, copied from the text. A count's label
 * usually follows it (22个村, 12起突发环境事件); otherwise it is the subject before a copula
 * (市区绿化覆盖率达22.13%) or the object after the last action verb (全市完成建筑业总产值795亿元).
 */
import type { RawFigure } from './scan';
import { isChineseNumeralChar, isDigit, oneOf } from './numerals';
import { WordIndex, charTable } from './word-index';
import { ACTION_VERBS, AFTER_STOP_WORDS, COPULAS, GENERIC_AFTER, LEADING_SCOPE, NOMINAL_VERBS, NOUN_PREFIXES, NOUN_SUFFIXES, TRAILING_FILLERS, TRAILING_GENERIC } from './label-words';

const MAX_BACK = 32;
const MAX_AFTER = 16;
const MAX_LABEL = 24;
const BEFORE_STOP = charTable('，,。;；:：!?！？()\n《》【】');
const AFTER_STOP = charTable('，,。;；:：!?！？()\n、《》【】 /');
const TRIM = charTable(' \u3000\t、');

export interface LabelSpan {
  start: number;
  end: number;
}

const VERBS = new WordIndex(ACTION_VERBS);
const AFTER_STOPS = new WordIndex(AFTER_STOP_WORDS);
const SCOPE = new WordIndex(LEADING_SCOPE);
const FILLERS = new WordIndex(TRAILING_FILLERS);
const GENERIC = new WordIndex(TRAILING_GENERIC);

function trim(view: string, s: LabelSpan): LabelSpan {
  let { start, end } = s;
  for (let guard = 0; guard < 4; guard++) {
    while (start < end && TRIM[view.charCodeAt(start)]) start++;
    while (end > start && TRIM[view.charCodeAt(end - 1)]) end--;
    // A quote at either end stays only when its partner is inside the label (“模式”家庭养殖场).
    const openQuote = start < end && oneOf('"“', view[start]);
    const closeQuote = end > start && oneOf('"”', view[end - 1]);
    if (!openQuote && !closeQuote) break;
    const inner = view.slice(start, end);
    if (openQuote && !/[”"]/.test(inner.slice(1))) { start++; continue; }
    if (closeQuote && !/[“"]/.test(inner.slice(0, -1))) { end--; continue; }
    break;
  }
  return { start, end };
}

/** Strip scope words in front (全县, 今年全市, 其中) and year or date prefixes (20xx年, 2012年). */
function stripLeading(view: string, s: LabelSpan): LabelSpan {
  let { start } = s;
  for (let guard = 0; guard < 8 && start < s.end; guard++) {
    // A date in front (2012年, 20xx年, 6月底): digits or placeholders, then a date word. 日本 is no date.
    let k = start;
    while (k < s.end && (isDigit(view[k]) || oneOf('xX*', view[k]))) k++;
    if (k > start) {
      while (k < s.end && oneOf('年月日份底初', view[k])) k++;
      if (oneOf('年月日份底初', view[k - 1])) { start = k; continue; }
    }
    const w = SCOPE.at(view, start);
    if (w && start + w.length < s.end) { start += w.length; continue; }
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

/** The last copula in the span, if any, where it is a copula and not part of another word. */
function lastCopula(view: string, s: LabelSpan): { at: number; len: number } | undefined {
  for (let i = s.end - 1; i > s.start; i--) {
    for (const c of COPULAS) {
      if (!view.startsWith(c.word, i) || i + c.word.length > s.end) continue;
      if (c.notBefore && oneOf(c.notBefore, view[i - 1])) continue;
      if (c.notAfter && oneOf(c.notAfter, view[i + c.word.length])) continue;
      return { at: i, len: c.word.length };
    }
  }
  return undefined;
}

/** The last action verb of the span that is a verb there, not part of a noun (增加值, 处理率). */
function lastVerb(view: string, s: LabelSpan, skipNominalAtEnd: boolean): { at: number; len: number } | undefined {
  for (let i = s.end - 1; i >= s.start; i--) {
    const w = VERBS.at(view, i);
    if (!w || i + w.length > s.end) continue;
    const rest = i + w.length;
    const tail = view.slice(rest, s.end);
    if (rest < s.end && (NOUN_SUFFIXES.includes(tail) || NOUN_PREFIXES.some((n) => tail.startsWith(n)))) continue;
    if (rest === s.end && skipNominalAtEnd && NOMINAL_VERBS.includes(w)) continue;
    return { at: i, len: w.length };
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
  const c = trim(view, dropPlaceholder(view, stripLeading(view, trim(view, s))));
  // What is left of only a scope or function word (全区, 对, 目前) names nothing.
  if (c.end - c.start > 4) return c;
  const text = view.slice(c.start, c.end);
  return LEADING_SCOPE.includes(text) || TRAILING_FILLERS.includes(text) ? { start: c.end, end: c.end } : c;
}


/** Label from the text before the figure, back to the clause start or the previous figure. */
export function labelBefore(view: string, fig: RawFigure, floor: number, prevAfter: number): LabelSpan {
  let a = fig.start;
  // Back to the clause start, the previous figure's end (its 、 included), or MAX_BACK characters.
  const limit = Math.max(floor, prevAfter, fig.start - MAX_BACK);
  while (a > limit && !BEFORE_STOP[view.charCodeAt(a - 1)]) a--;
  if (a === fig.start) return { start: a, end: a }; // nothing before it (dense lists): no work
  let s = trim(view, { start: a, end: fig.start });
  // In a 、-list the label is the last item (妇女、工人60多万人), unless the last item is a relative
  // clause that takes the list in (不符合产业政策和城市规划、污染环境的专案79个).
  const lastComma = view.slice(s.start, s.end).lastIndexOf('、');
  if (lastComma >= 0 && !view.slice(s.start + lastComma, s.end).includes('的')) s = { start: s.start + lastComma + 1, end: s.end };
  const copula = lastCopula(view, s);
  if (copula && copula.at > s.start) {
    // The subject before the copula names the measure (…最大值为界岭站837毫米).
    s = stripTrailing(view, trim(view, { start: s.start, end: copula.at }), FILLERS);
  } else {
    s = stripTrailing(view, s, FILLERS);
    // The object after the last action verb names it; a verb right before the figure
    // (固定资产投资完成91亿元) hands over to the verb before it.
    // The object after the last action verb names the measure. A nominal verb at the end is part
    // of the noun (总投资, 生态移民安置, 接待); a pure verb right before the figure
    // (固定资产投资完成91亿元) hands over to the verb before it.
    const v = lastVerb(view, s, true);
    if (v && v.at + v.len < s.end) s = { start: v.at + v.len, end: s.end };
    else if (v) {
      s = stripTrailing(view, trim(view, { start: s.start, end: v.at }), FILLERS);
      const w = lastVerb(view, s, true);
      if (w && w.at + w.len < s.end) s = { start: w.at + w.len, end: s.end };
      else if (w) s = { start: s.end, end: s.end }; // 上半年建成的给予6万元补助: the name follows
    }
  }
  s = cleanName(view, s);
  if (s.end - s.start < 2) return { start: s.end, end: s.end }; // one character before a figure is rarely a name
  if (s.end - s.start > MAX_LABEL) s = { start: s.end - MAX_LABEL, end: s.end };
  return trim(view, s);
}

/** Label from the noun phrase right after the figure (22个村, 8轮巡视, 80%的县级监测站). */
export function labelAfter(view: string, fig: RawFigure, ceiling: number): LabelSpan {
  let a = fig.after;
  if (view[a] === '的' && (fig.dimension === 'percent' || fig.dimension === 'ratio')) a++;
  // 54台(套)设备: the parenthesis qualifies the unit, the name comes after it.
  if (view[a] === '(') { const close = view.slice(a, a + 5).indexOf(')'); if (close > 0) a += close + 1; }
  if (AFTER_STOPS.at(view, a) || oneOf('和及与或', view[a])) return { start: a, end: a };
  let b = a;
  const limit = Math.min(ceiling, a + MAX_AFTER);
  while (b < limit) {
    const c = view[b];
    if (c === '(') {
      const close = view.slice(b, b + 5).indexOf(')'); // a short parenthesis inside a name: 河道(段)
      if (close > 0) { b += close + 1; continue; }
    }
    if (AFTER_STOP[view.charCodeAt(b)] || isDigit(c)) break;
    if (b > a && isChineseNumeralChar(c) && c !== '万' && c !== '千' && c !== '百') break;
    if (b > a && AFTER_STOPS.at(view, b)) break;
    if (oneOf('和及与', c) && b > a && numberAhead(view, b + 1, b + 1 + MAX_AFTER)) break;
    b++;
  }
  // A phrase that runs into 了 was a verb (4次调整了督查对象), not the name of what was counted;
  // one that runs into the next number names that number (138人投资165.6万元).
  if (view[b] === '了' || (b > a && b < limit && isDigit(view[b]))) return { start: a, end: a };
  if (GENERIC_AFTER.some((w) => view.startsWith(w, a))) return { start: a, end: a };
  let s = trim(view, { start: a, end: b });
  s = stripTrailing(view, s, GENERIC);
  return s;
}

function numberAhead(view: string, from: number, limit: number): boolean {
  for (let k = from; k < limit; k++) {
    const c = view[k];
    if (AFTER_STOP[view.charCodeAt(k)]) return false;
    if (isDigit(c) || (isChineseNumeralChar(c) && c !== '万' && c !== '千' && c !== '百')) return true;
  }
  return false;
}

/** The label of one figure: after it for counts (when there is a noun), otherwise before it. */
export function labelOf(view: string, fig: RawFigure, floor: number, ceiling: number, prevAfter: number): LabelSpan {
  const after = labelAfter(view, fig, ceiling);
  const hasAfter = after.end > after.start;
  const percentOf = view[fig.after] === '的' && (fig.dimension === 'percent' || fig.dimension === 'ratio');
  if (hasAfter && (fig.isCount || percentOf)) return after;
  const before = labelBefore(view, fig, floor, prevAfter);
  if (before.end > before.start) return before;
  return hasAfter ? after : before;
}

/** 600户2760人: a figure right after another, with nothing between, measures the same thing. */
export function isAdjacent(view: string, prevAfter: number, fig: RawFigure): boolean {
  return prevAfter >= 0 && view.slice(prevAfter, fig.start).trim() === '';
}
