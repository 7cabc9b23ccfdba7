/**
 * Relations between the figures of one sentence: a stated change (由55%提高到95%: the second has
 * from 55) and 分别 lists (同比分别增长15%、20.5%: each takes the name of an earlier quantity).
 */
import type { RawFigure } from './scan';
import { oneOf } from './numerals';
import type { LabelSpan } from './label';

const CHANGE_VERBS = ['提高', '降低', '增加', '减少', '下降', '上升', '增长', '调整', '扩大', '缩小', '提升', '压缩', '降', '升', '增', '减', '变'];

/** Is view[a.end, b.start) the middle of 由A…到B / 从A…到B? */
function isChangeBetween(view: string, a: RawFigure, b: RawFigure, clauseStartOf: (pos: number) => number): boolean {
  // Cheap test first: the text between must end in 到 / 为 / 至 / 成 (most pairs fail here).
  if (b.start <= a.after || b.start - a.after > 10 || !oneOf('到为至成', view[b.start - 1])) return false;
  const clauseStart = clauseStartOf(a.start);
  const mid = view.slice(a.after, b.start);
  if (mid.length === 0 || mid.length > 10 || /[，,。;:]/.test(mid)) return false;
  const last = mid[mid.length - 1];
  if (!oneOf('到为至成', last)) return false;
  if (mid.length > 1 && !CHANGE_VERBS.some((v) => mid.includes(v))) return false;
  // 由 or 从 before A in the same clause.
  for (let k = a.start - 1; k >= clauseStart && a.start - k <= 30; k--) {
    if (view[k] === '由' || view[k] === '从') return true;
  }
  return false;
}

export function linkChanges(view: string, figs: RawFigure[], from: Array<number | undefined>, labels: LabelSpan[], first: number, clauseStartOf: (pos: number) => number): void {
  for (let k = 1; k < figs.length; k++) {
    const a = figs[k - 1];
    const b = figs[k];
    if (a.unit !== b.unit || !isChangeBetween(view, a, b, clauseStartOf)) continue;
    from[first + k] = a.value;
    labels[first + k] = labels[first + k - 1]; // both figures measure the same thing
  }
}

/** The 、-separated names just before 分别 (规模以上工业总产值、营业总收入…等主要指标增幅). */
function namesBefore(view: string, at: number, floor: number): LabelSpan[] {
  let end = at;
  while (end > floor && oneOf('，, ', view[end - 1])) end--; // 分别 often opens the next clause
  let a = end;
  while (a > floor && !oneOf('，,。;:：()', view[a - 1])) a--;
  const names: LabelSpan[] = [];
  let s = a;
  for (let i = a; i <= end; i++) {
    if (i === end || view[i] === '、') {
      names.push({ start: s, end: i });
      s = i + 1;
    }
  }
  // The last name often runs into a summary (…利润总额等主要指标增幅): cut at 等.
  const lastName = names[names.length - 1];
  if (lastName) {
    const deng = view.slice(lastName.start, lastName.end).indexOf('等');
    if (deng >= 0) lastName.end = lastName.start + deng;
  }
  return names.filter((n) => n.end > n.start);
}

export function applyRespectively(view: string, sentenceStart: number, figs: RawFigure[], labels: LabelSpan[], first: number, stripName: (s: LabelSpan) => LabelSpan): void {
  if (figs.length < 2) return;
  // Only the stretch up to the last figure can hold a 分别 that governs figures (bounded search).
  const stretch = view.slice(sentenceStart, figs[figs.length - 1].start);
  let searchFrom = 0;
  for (let guard = 0; guard < 4; guard++) {
    const rel = stretch.indexOf('分别', searchFrom);
    if (rel < 0) return;
    const at = sentenceStart + rel;
    searchFrom = rel + 2;
    // The run: the last chain of figures after 分别 joined by 、 (or sharing one unit).
    let runEnd = -1;
    for (let k = figs.length - 1; k >= 0; k--) if (figs[k].start > at) { runEnd = k; break; }
    if (runEnd < 0) continue;
    let runStart = runEnd;
    while (runStart > 0 && figs[runStart - 1].start > at && view.slice(figs[runStart - 1].after, figs[runStart].start).trim() === '、') runStart--;
    const n = runEnd - runStart + 1;
    if (n < 2) continue;
    const earlier = figs.map((f, k) => ({ f, k })).filter(({ f }) => f.end <= at);
    if (earlier.length >= n) {
      const src = earlier.slice(earlier.length - n);
      for (let j = 0; j < n; j++) labels[first + runStart + j] = labels[first + src[j].k];
      continue;
    }
    const names = namesBefore(view, at, sentenceStart);
    if (names.length === n) for (let j = 0; j < n; j++) labels[first + runStart + j] = stripName(names[j]);
  }
}
