/**
 * Target versus actual. A figure takes the cue of its own clause; failing that, a parenthetical
 * that follows a figure takes that figure's role (指标1200亩(农用地960亩)); failing that, the
 * nearest clause of the sentence with a cue, before it first, then after it; failing that, the
 * heading it sits under; and a report's figures are actual unless something says otherwise.
 * General statements and conditions (据专家测算…, …的。) are unknown.
 */
import type { Role } from './types';
import type { RawFigure } from './scan';
import { clueOf, isGeneralStatement, type Cue, type HeadingClue, type Strength } from './cues';
import { isDigit, oneOf } from './numerals';
import { WordIndex } from './word-index';
import { clauses, type Span } from './segment';

/**
 * Roles of the figures of one sentence. `listCue` is the cue of the sentence before when both are
 * items of one ；-list (主要预期目标是：地区生产总值增长5%左右；城镇新增就业110万人以上；…): an item
 * with no cue of its own takes it. Returns the cue this sentence hands on to the next item.
 */
export function assignRoles(
  view: string,
  sentence: Span,
  figs: RawFigure[],
  roles: Role[],
  firstIndex: number,
  headingClue: HeadingClue | undefined,
  listCue?: Cue,
): Cue | undefined {
  const heading = headingClue?.cue;
  if (isGeneralStatement(view, sentence.start, sentence.end)) {
    for (let k = 0; k < figs.length; k++) roles[firstIndex + k] = 'unknown';
    return listCue;
  }
  const cl = clauses(view, sentence);
  const clues: Array<Strength | undefined> = new Array(cl.length);
  for (let k = 0; k < cl.length; k++) clues[k] = clueOf(view, cl[k].start, cl[k].end);
  // A clause's role from its own clue, weighed against the sentence around it: a plain 完成 after
  // a plan's modal verb (今年的主要任务是力争…，完成…30项) is still to be done; a plan noun right
  // after a past clause (实现了历史性突破，在…目标任务考核中) names a thing, not a plan.
  // Under a plan heading (二、20xx年工作目标) a plain 完成 is still to be done too. (A plan verb
  // later in the sentence is not enough: reports end achievements with a purpose clause, 确保….)
  const cues: Array<Cue | undefined> = new Array(cl.length);
  let modalBefore = false;
  let lastClue: Strength | undefined;
  for (let k = 0; k < cl.length; k++) {
    const c = clues[k];
    if (c === 'modal') cues[k] = 'target';
    else if (c === 'past') cues[k] = 'actual';
    else if (c === 'plain') cues[k] = modalBefore || heading === 'target' ? 'target' : 'actual';
    // A plan noun under a review heading (对列入…行动计划中的15户, 预计增长2个百分点) reports.
    else if (c === 'noun') cues[k] = lastClue === 'past' || (heading === 'actual' && !modalBefore) ? 'actual' : 'target';
    if (c === 'modal') modalBefore = true;
    if (c) lastClue = c;
  }
  // A sentence with no cue and no heading: a budget line (…90户453人,投资543.6万元) allocates, so it plans.
  if (!heading && clues.every((x) => x === undefined)) {
    for (let k = 0; k < cl.length; k++) if (budgetLine(view, cl[k].start)) cues[k] = 'target';
  }
  // Nearest cue before and after each clause, in two passes (linear in the number of clauses).
  const prev: Array<Cue | undefined> = new Array(cl.length);
  const next: Array<Cue | undefined> = new Array(cl.length);
  let last: Cue | undefined;
  for (let k = 0; k < cl.length; k++) {
    prev[k] = last;
    if (cues[k]) last = cues[k];
  }
  last = undefined;
  for (let k = cl.length - 1; k >= 0; k--) {
    next[k] = last;
    if (cues[k]) last = cues[k];
  }

  let c = 0;
  let definedClause = -1;
  let definedAt = -1;
  for (let k = 0; k < figs.length; k++) {
    const f = figs[k];
    while (c < cl.length - 1 && cl[c].end <= f.start) c++;
    if (definedClause !== c) {
      definedClause = c;
      definedAt = definitionIn(view, cl[c]);
    } // once per clause
    const defined = definedAt >= 0 && definedAt < f.start && f.start - definedAt <= 40;
    if (isThreshold(view, f, cl[c].end) || defined || isCondition(view, cl, c)) {
      roles[firstIndex + k] = 'unknown';
      continue;
    }
    let role: Role | undefined = cues[c];
    if (!role && cl[c].opener === '(') {
      const attachedTo = k > 0 && figs[k - 1].after >= cl[c].start - 1 ? roles[firstIndex + k - 1] : undefined;
      role = attachedTo ?? 'actual';
    }
    role ??= prev[c];
    // 城区有500多名环卫工人: what there is now, unless the section plans.
    if (!role && view[f.start - 1] === '有' && heading !== 'target' && !oneOf('要应需将会能可', view[f.start - 2])) role = 'actual';
    // A growth or completion rate takes a cue before it, not a purpose clause after it.
    const ahead = isRate(view, f) ? undefined : next[c];
    roles[firstIndex + k] = role ?? ahead ?? listCue ?? heading ?? 'actual';
  }
  let lastCue: Cue | undefined;
  for (let k = cl.length - 1; k >= 0 && !lastCue; k--) lastCue = cues[k];
  return lastCue ?? listCue;
}

/** A clause that opens with 投资 / 总投资 / 计划投资 and its amount: money allocated to a project. */
function budgetLine(view: string, start: number): boolean {
  let k = start;
  while (view[k] === ' ') k++;
  if (view[k] === '总') k++;
  return view.startsWith('投资', k) && (isDigit(view[k + 2]) || (view[k + 2] === ' ' && isDigit(view[k + 3])));
}

/** Verbs of change and rate nouns right before a figure: 增长15.3%, 完成率82.3%. */
const RATE_WORDS = new WordIndex([
  '增长',
  '下降',
  '提高',
  '降低',
  '增加',
  '减少',
  '上升',
  '回落',
  '增幅',
  '增速',
  '完成率',
  '增长率',
  '下降率',
  '分别增长',
  '分别下降',
]);
function isRate(view: string, f: RawFigure): boolean {
  if (f.dimension !== 'percent' && f.dimension !== 'points') return false;
  let k = f.start;
  if (oneOf('了为达', view[k - 1])) k--;
  return RATE_WORDS.endingAt(view, k, Math.max(0, k - 4)) !== undefined;
}

/** Grades of an assessment: 95分以上为优秀, 80分--94分为称职, 59分以下为不称职. */
const GRADES = new WordIndex([
  '优秀',
  '良好',
  '合格',
  '称职',
  '达标',
  '不合格',
  '不称职',
  '基本称职',
  '基本合格',
  '及格',
  '不及格',
  '满分',
  '较好',
  '一般',
  '较差',
  '差',
]);
/**
 * A threshold rather than a quantity: a grade boundary (95分以上为优秀), a standard (未达到绿地率25%
 * 的园林式道路标准), a class boundary (排污口距干流500米以内的排污口).
 */
function isThreshold(view: string, f: RawFigure, clauseEnd: number): boolean {
  let k = f.after;
  const copula = view[k] === '为' || view[k] === '是';
  if (copula) k++;
  const grade = GRADES.at(view, k);
  // 95分以上优秀, 80分--94分为称职: a grade after a copula or a bound, and nothing more of a noun.
  if (grade && (copula || f.after > f.end) && !isHanNoun(view.charCodeAt(k + grade.length))) return true;
  if (view[f.after] !== '的' || f.after >= clauseEnd) return false;
  const rest = view.slice(f.after, Math.min(clauseEnd, f.after + 16));
  return /^的[^，,。]{0,12}(?:标准|门槛|界限|下限|上限)/.test(rest);
}

/** Where 是指 first stands in a clause, or -1 (是指…排污口距河道干流500米以内的排污口: a definition). */
function definitionIn(view: string, clause: Span): number {
  for (let k = clause.start; k + 1 < clause.end; k++) if (view.charCodeAt(k) === 0x662f && view.charCodeAt(k + 1) === 0x6307) return k;
  return -1;
}

/** A CJK character other than a particle or punctuation: 达标站 goes on after 达标. */
const isHanNoun = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff && c !== 0x7684 && c !== 0x7b49; // not 的 等

/** A rule's condition, a clause that ends in 的 before a comma (绿地率尚不足30%的，要…；凡…的，). */
function isCondition(view: string, cl: Array<Span & { opener: string }>, c: number): boolean {
  const clause = cl[c];
  let e = clause.end;
  while (e > clause.start && view[e - 1] === ' ') e--;
  return view[e - 1] === '的' && oneOf('，,', view[clause.end]);
}
