/**
 * Words that tell a target (a goal or plan) from an actual (an achieved or reported figure), and
 * words that make a figure a general statement (unknown). Matched in the simplified view.
 */
import { isDigit, oneOf } from './numerals';
import { charTable } from './word-index';

export type Cue = 'target' | 'actual';

/**
 * What a clause says, by strength: a plan's modal verb or deadline (modal: target), a past marker
 * (past: actual), a plan noun like 目标 or 计划 (noun: target, weakly), or another verb of
 * achievement such as 完成 (plain: actual, weakly: in a plan 完成 is still to be done).
 */
export type Strength = 'modal' | 'past' | 'noun' | 'plain';

interface CueWord {
  word: string;
  cue: Cue;
  strength?: Strength;
  /** The word is another word when preceded / followed by one of these characters. */
  notBefore?: string;
  notAfter?: string;
}

const WORDS: CueWord[] = [
  // target: a goal, plan, duty or deadline
  { word: '力争', cue: 'target' }, { word: '确保', cue: 'target', notAfter: '了' }, { word: '目标', cue: 'target', strength: 'noun' },
  { word: '计划', cue: 'target', strength: 'noun', notAfter: '生' }, { word: '需要', cue: 'target' }, { word: '还需', cue: 'target' },
  { word: '要', cue: 'target', notBefore: '主重只必纪摘首紧概简提扼需想总纲', notAfter: '素点害闻件领务数求' },
  { word: '必须', cue: 'target' }, { word: '应当', cue: 'target' }, { word: '应该', cue: 'target' },
  { word: '应', cue: 'target', notBefore: '相响适供对反效回呼感', notAfter: '急用对有届该当' },
  { word: '拟', cue: 'target' }, { word: '预计', cue: 'target' }, { word: '力求', cue: 'target' },
  { word: '建议', cue: 'target' }, { word: '年内', cue: 'target' }, { word: '今后', cue: 'target' },
  { word: '下一步', cue: 'target' }, { word: '明年', cue: 'target' }, { word: '今冬明春', cue: 'target' },
  { word: '争创', cue: 'target' }, { word: '下达', cue: 'target', strength: 'noun' }, { word: '将要', cue: 'target' },
  { word: '即将', cue: 'target' }, { word: '打算', cue: 'target' }, { word: '底前', cue: 'target' },
  { word: '努力实现', cue: 'target' },
  // actual: achieved, counted, reported
  { word: '完成', cue: 'actual' }, { word: '实现', cue: 'actual' }, { word: '累计', cue: 'actual', strength: 'past' },
  { word: '已', cue: 'actual', strength: 'past', notBefore: '得而不' }, { word: '建成', cue: 'actual', notAfter: '的' },
  { word: '共', cue: 'actual', notBefore: '公中', notAfter: '同建享产青识赢治性振鸣谋商担和' },
  { word: '了', cue: 'actual', strength: 'past', notBefore: '为除不', notAfter: '解如' },
  { word: '先后', cue: 'actual' }, { word: '相继', cue: 'actual' },
  { word: '现有', cue: 'actual', strength: 'past' }, { word: '截至', cue: 'actual', strength: 'past' }, { word: '截止', cue: 'actual', strength: 'past' },
  { word: '同比', cue: 'actual' }, { word: '比上年', cue: 'actual' }, { word: '较上年', cue: 'actual' },
  { word: '取得', cue: 'actual' }, { word: '获得', cue: 'actual' }, { word: '荣获', cue: 'actual' },
  { word: '查处', cue: 'actual' }, { word: '受理', cue: 'actual' }, { word: '接待', cue: 'actual' },
  { word: '发生', cue: 'actual' }, { word: '出现', cue: 'actual' }, { word: '全年', cue: 'actual' },
  { word: '去年', cue: 'actual' }, { word: '上年', cue: 'actual' }, { word: '超额', cue: 'actual' },
  { word: '通过', cue: 'actual' }, { word: '印发', cue: 'actual' }, { word: '发表', cue: 'actual' },
  { word: '举办', cue: 'actual' }, { word: '共有', cue: 'actual', strength: 'past' }, { word: '总共', cue: 'actual' },
];

const BY_FIRST = new Map<number, CueWord[]>();
for (const w of WORDS) {
  const list = BY_FIRST.get(w.word.charCodeAt(0)) ?? [];
  list.push(w);
  BY_FIRST.set(w.word.charCodeAt(0), list);
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.word.length - a.word.length);
const CUE_FIRST = charTable(WORDS.map((w) => w.word[0]).join('') + '到至');

/** 到2025年, 到20xx年, 至20**年: a deadline, hence a target. */
function deadlineAt(view: string, i: number): number {
  if (view[i] !== '到' && view[i] !== '至') return 0;
  let k = i + 1;
  if (view[k] === ' ') k++;
  if (!isDigit(view[k]) || !isDigit(view[k + 1])) return 0;
  for (let d = 2; d < 4; d++) if (!isDigit(view[k + d]) && !oneOf('xX*', view[k + d])) return 0;
  return view[k + 4] === '年' || (view[k + 4] === ' ' && view[k + 5] === '年') ? k + 5 - i : 0;
}

/** The cue of a stretch of text (see clueOf for its strength). */
export function cueOf(view: string, start: number, end: number): Cue | undefined {
  const s = clueOf(view, start, end);
  return s === undefined ? undefined : s === 'modal' || s === 'noun' ? 'target' : 'actual';
}

/**
 * The strongest clue of a stretch of text. A plan's modal verb or deadline wins (确保…完成91亿元
 * is a target); then a past marker (已完成了减排目标的85%: actual, though it names a 目标); then a
 * plan noun (计划总投资); then any other actual cue; otherwise none.
 */
export function clueOf(view: string, start: number, end: number): Strength | undefined {
  let past = false;
  let noun = false;
  let actual = false;
  for (let i = start; i < end; i++) {
    const code = view.charCodeAt(i);
    if (!CUE_FIRST[code]) continue;
    if (deadlineAt(view, i)) return 'modal';
    const list = BY_FIRST.get(code);
    if (!list) continue;
    for (const w of list) {
      if (!view.startsWith(w.word, i) || i + w.word.length > end) continue;
      if (w.notBefore && oneOf(w.notBefore, view[i - 1])) continue;
      if (w.notAfter && oneOf(w.notAfter, view[i + w.word.length])) continue;
      // 下达 is a plan when a quota follows it (下达…建设用地指标), not when a notice does.
      if (w.word === '下达' && !/指标|计划|任务/.test(view.slice(i, Math.min(end, i + 24)))) break;
      let strength = w.strength ?? (w.cue === 'target' ? 'modal' : 'plain');
      // 计划 before a span of time or a verb is "plan to" (计划两年之内, 计划用3—5年), not a noun.
      if (w.word === '计划' && oneOf('用利在于到今明两三四五六七八九十0123456789', view[i + 2])) strength = 'modal';
      if (strength === 'modal') return 'modal';
      if (strength === 'past') past = true;
      else if (strength === 'noun') noun = true;
      else actual = true;
      break;
    }
  }
  return past ? 'past' : noun ? 'noun' : actual ? 'plain' : undefined;
}

const UNKNOWN_WORDS = ['测算', '估算', '一般来说', '一般而言', '一般情况', '通常', '如果', '假如', '假设', '凡是', '若'];

/** A general statement or a rule's condition: 据专家测算…, …的。 */
export function isGeneralStatement(view: string, start: number, end: number): boolean {
  let e = end;
  while (e > start && oneOf('。；;!！?？\n ', view[e - 1])) e--;
  if (view[e - 1] === '的') return true;
  const text = view.slice(start, end);
  return UNKNOWN_WORDS.some((w) => text.includes(w));
}

/** A heading's cue for the figures under it where their sentence has none. */
export function headingCue(heading: string | undefined): Cue | undefined {
  if (!heading) return undefined;
  if (/计划下达|下达计划/.test(heading)) return 'target'; // (二)计划下达情况: a plan, though a 情况
  if (/完成|回顾|成绩|成效|总结|取得|进展|情况|主要工作/.test(heading)) return 'actual'; // 监测任务全面完成
  // 任务 and 部署 are left out: a section on problems speaks of 任务 too (污染减排任务比较重).
  if (/计划|目标|安排|打算|思路|要点|下一步|明年|今后|规划/.test(heading)) return 'target';
  return undefined;
}
