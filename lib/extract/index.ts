/**
 * extractIndicators: the text of a page (or one paragraph) in, its numeric indicators out, in
 * text order, per the contract of ../shared/indicators.md. Pure: no DOM, no browser API.
 *
 * One pass reads the figures (scan.ts); one pass over the sentences gives each its label,
 * change and role. Every later step looks only within one sentence or a bounded window, so the
 * whole is linear in the length of the text.
 */
import type { ExtractOptions, Indicator, Role } from './types';
import { matchingView } from './normalize';
import { scanFigures, type RawFigure } from './scan';
import { sentences } from './segment';
import { cleanListName, isAdjacent, labelOf, onlyPredicateBetween, referBack, type LabelSpan } from './label';
import { applyRespectively, linkChanges } from './relations';
import { assignRoles } from './role';
import { cueOf, headingClue, type Cue, type HeadingClue } from './cues';
import { headingLevel, isHeadingLine } from './headings';
import { charTable } from './word-index';

export type { ExtractOptions, Indicator } from './types';
export { parseQuantity, parseUnitHeader, roleOfHeader, type ParsedQuantity, type UnitHeader } from './quantity';

const CLAUSE_BREAKS = charTable('，,:：;；。!?！？()\n');

export function extractIndicators(text: string, options: ExtractOptions = {}): Indicator[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const view = matchingView(text);
  const figs = scanFigures(view);
  if (figs.length === 0) return [];

  const labels: LabelSpan[] = new Array(figs.length);
  const from: Array<number | undefined> = new Array(figs.length);
  const roles: Role[] = new Array(figs.length);
  const sentenceOf: Array<{ start: number; end: number }> = new Array(figs.length);
  const headings = new HeadingStack(headingClue(options.heading ? matchingView(options.heading) : undefined));
  let lineStart = 0;
  let lineEnd = -1; // end of the line that holds lineStart, found once per line (linear overall)
  let listCue: Cue | undefined;

  let f = 0;
  const sents = sentences(view);
  for (let n = 0; n < sents.length; n++) {
    const sent = sents[n];
    // A heading written as the first sentence of a paragraph, (二)计划下达情况。, sets the cue for
    // what follows; so does a heading line of a page given line by line.
    if (isHeadingLine(view, sent.start, sent.end)) headings.enter(view.slice(sent.start, sent.end));
    else if (sent.start > lineEnd) {
      while (sent.start > lineEnd && lineEnd < view.length) {
        lineStart = lineEnd + 1;
        const nl = view.indexOf('\n', lineStart);
        lineEnd = nl < 0 ? view.length : nl;
      }
      if (isHeadingLine(view, lineStart, lineEnd)) headings.enter(view.slice(lineStart, lineEnd));
    }
    const heading = headings.current;
    while (f < figs.length && figs[f].start < sent.start) f++; // (cannot happen; figures lie in sentences)
    const first = f;
    while (f < figs.length && figs[f].start < sent.end) f++;
    // Items of a ；-list hand their cue on to the next item (主要预期目标是：…；…；…。).
    const inList = listCue !== undefined;
    const last = view.charCodeAt(sent.end - 1); // (a code, not view[i]: no string made per sentence)
    const endsItem = last === 0xff1b || last === 0x3b; // ； ;
    if (f === first) {
      listCue = endsItem ? (cueOf(view, sent.start, sent.end) ?? (inList ? listCue : undefined)) : undefined;
      continue;
    }
    const group = figs.slice(first, f);
    for (let k = 0; k < group.length; k++) {
      const prevAfter = k > 0 ? group[k - 1].after : -1;
      const own = labelOf(view, group[k], sent.start, sent.end, prevAfter);
      // The words between this figure and the previous one's name (147个农村新型社群，确保建成100个).
      const prevLabel = k > 0 ? labels[first + k - 1] : undefined;
      const prevEnd = prevLabel && prevLabel.start >= prevAfter && prevLabel.end <= group[k].start ? prevLabel.end : prevAfter;
      // 600户2760人, 134908亿元，比上年增长5.0%, 增长2个百分点，达到51.8%: a figure that names nothing
      // after one that does, with only predicates between, measures the same thing.
      // A bare 总数 / 总量 (新增…项目24个，总数达至37个) refers back the same way.
      // (A rate noun refers back only right before its figure: 减幅3.8%, but not 增速高于全省0.8个百分点.)
      const backReference =
        own.end - own.start === 2 &&
        BACK_REFERENCES.has(view.slice(own.start, own.end)) &&
        (!RATE_NOUNS.has(view.slice(own.start, own.end)) || own.end === group[k].start);
      const bare = own.end === own.start || backReference;
      const inherits =
        bare &&
        k > 0 &&
        (isAdjacent(view, prevAfter, group[k]) ||
          onlyPredicateBetween(view, prevEnd, group[k].start) ||
          onlyPredicateBetween(view, prevEnd, own.start) ||
          (backReference && onlyPunctuationBetween(view, prevAfter, own.start)));
      labels[first + k] = inherits ? labels[first + k - 1] : own;
      sentenceOf[first + k] = sent;
    }
    shareLevelNames(view, group, labels, first);
    for (let k = 0; k < group.length; k++) {
      const back = referBack(view, labels[first + k], sent.start, group[k].start);
      if (back) labels[first + k] = back;
    }
    // 39台276蒸吨燃煤锅炉改造: a figure that names nothing right before one that does shares its name.
    for (let k = group.length - 2; k >= 0; k--) {
      const l = labels[first + k];
      if (l.end === l.start && isAdjacent(view, group[k].after, group[k + 1])) labels[first + k] = labels[first + k + 1];
    }
    // Bounded walk back: a sentence with no punctuation must not make this quadratic.
    const clauseStartOf = (pos: number) => {
      let k = pos;
      const floor = Math.max(sent.start, pos - 64);
      while (k > floor && CLAUSE_BREAKS[view.charCodeAt(k - 1)] !== 1) k--;
      return k;
    };
    linkChanges(view, group, from, labels, first, clauseStartOf);
    applyRespectively(view, sent.start, group, labels, first, (s) => cleanListName(view, s));
    const handed = assignRoles(view, sent, group, roles, first, heading, listCue);
    listCue = endsItem ? handed : undefined;
  }

  return figs.map((fig, k) => toIndicator(text, fig, labels[k], from[k], roles[k], sentenceOf[k]));
}

/** Names that only refer back to the quantity named before (总数达至37个, 减幅3.8%). */
const BACK_REFERENCES = new Set(['总数', '总量', '总计', '合计', '总共', '共计', '累计', '增幅', '减幅', '降幅', '涨幅', '增速', '增长率', '下降率']);

const RATE_NOUNS = new Set(['增幅', '减幅', '降幅', '涨幅', '增速']);

function onlyPunctuationBetween(view: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let k = from; k < to; k++) if (!'，,、 '.includes(view[k])) return false;
  return true;
}
const LEVEL = /^[\u4e00-\u9fff]{1,3}级$/;
const LEVEL_PREFIX = /^[\u4e00-\u9fff]{1,3}级/;

/**
 * 10个县级、5个市级、2个省级一村一品示范村: counts of one thing at several levels share its name
 * (一村一品示范村), which only the last one writes out.
 */
function shareLevelNames(view: string, group: RawFigure[], labels: LabelSpan[], first: number): void {
  let a = 0;
  for (let k = 0; k < group.length; k++) {
    const l = labels[first + k];
    // Cheap test first: a level name has 级 among its first four characters.
    let ji = -1;
    for (let c = l.start + 1; c < Math.min(l.end, l.start + 4); c++)
      if (view.charCodeAt(c) === 0x7ea7) {
        ji = c;
        break;
      }
    if (ji < 0) {
      a = k + 1;
      continue;
    }
    const text = view.slice(l.start, l.end);
    if (LEVEL.test(text)) continue; // a level alone: wait for the one that names the thing
    const m = LEVEL_PREFIX.exec(text);
    if (m && k > a && group[k].isCount && text.length > m[0].length + 1) {
      const joined = (j: number) => ['、', '和', '及', '与', ''].includes(view.slice(labels[first + j].end, group[j + 1].start).trim());
      let ok = true;
      for (let j = a; j < k && ok; j++) ok = group[j].isCount && joined(j);
      if (ok) {
        const name = { start: l.start + m[0].length, end: l.end };
        for (let j = a; j <= k; j++) labels[first + j] = name;
      }
    }
    a = k + 1;
  }
}

/**
 * The headings in force, by level (第一章 > 一、 > (一)), over the heading given by the caller. A
 * heading that names its section (工作回顾, 工作安排) outranks one that only reads as a task list
 * (扎实推进…); where neither is known, the deeper heading decides.
 */
class HeadingStack {
  private readonly levels: Array<HeadingClue | undefined> = [];
  current: HeadingClue | undefined;

  constructor(private readonly outer: HeadingClue | undefined) {
    this.current = outer;
  }

  enter(text: string): void {
    const level = headingLevel(text);
    this.levels.length = level + 1;
    this.levels[level] = headingClue(text);
    let strong: HeadingClue | undefined;
    let weak: HeadingClue | undefined;
    for (const c of [this.outer, ...this.levels]) {
      if (!c) continue;
      if (c.strong) strong = c;
      else weak = c;
    }
    this.current = strong ?? weak;
  }
}

function toIndicator(
  text: string,
  fig: RawFigure,
  label: LabelSpan | undefined,
  from: number | undefined,
  role: Role | undefined,
  sentence: { start: number; end: number } | undefined,
): Indicator {
  // One object shape for every indicator (optional fields present, possibly undefined): V8 keeps
  // the code that makes and reads them monomorphic, which matters on figure-dense text.
  return {
    start: fig.start,
    end: fig.end,
    text: text.slice(fig.start, fig.end),
    value: fig.value,
    unit: fig.unit,
    dimension: fig.dimension,
    qualifier: fig.qualifier || undefined,
    valueMax: fig.valueMax,
    from,
    role: role ?? 'actual',
    label: label ? text.slice(label.start, label.end).trim() : '',
    sentence: sentence ?? { start: fig.start, end: fig.end },
  };
}
