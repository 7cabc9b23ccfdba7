/**
 * Relations between the figures of one sentence: a stated change (由55%提高到95%: the second has
 * from 55) and 分别 lists (同比分别增长15%、20.5%: each takes the name of an earlier quantity).
 */
import type { RawFigure } from './scan';
import { oneOf } from './numerals';
import { preQualifier } from './qualifiers';
import type { LabelSpan } from './label';

const CHANGE_VERBS = [
  '提高',
  '降低',
  '增加',
  '减少',
  '下降',
  '上升',
  '增长',
  '调整',
  '扩大',
  '缩小',
  '提升',
  '压缩',
  '缩短',
  '延长',
  '提速',
  '加快',
  '降',
  '升',
  '增',
  '减',
  '变',
];
const CHANGE_VERB = new RegExp(CHANGE_VERBS.join('|')); // one search for all of them

/** Is view[a.end, b.start) the middle of 由A…到B / 从A…到B? */
/** Words between 到 and the new value that do not break a change (增加到目前的50项). */
const AFTER_TO = ['目前的', '现在的', '现在', '目前', '今年的', '今年'];

function isChangeBetween(view: string, a: RawFigure, b: RawFigure, clauseStartOf: (pos: number) => number): boolean {
  if (b.start <= a.after || b.start - a.after > 14) return false;
  const raw = view.slice(a.after, b.start);
  const filler = AFTER_TO.find((w) => raw.endsWith(w));
  const mid = filler ? raw.slice(0, raw.length - filler.length) : raw;
  // Cheap test first: the text between must end in 到 / 为 / 至 / 成 (most pairs fail here).
  if (mid.length === 0 || mid.length > 10 || !oneOf('到为至成', mid[mid.length - 1]) || /[，,。;:]/.test(mid)) return false;
  if (mid.length > 1 && !CHANGE_VERB.test(mid)) return false;
  const clauseStart = clauseStartOf(a.start);
  // 由 or 从 before A in the same clause.
  for (let k = a.start - 1; k >= clauseStart && a.start - k <= 30; k--) {
    if (view[k] === '由' || view[k] === '从') return true;
  }
  return false;
}

export function linkChanges(
  view: string,
  figs: RawFigure[],
  from: Array<number | undefined>,
  labels: LabelSpan[],
  first: number,
  clauseStartOf: (pos: number) => number,
): void {
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
  const limit = Math.max(floor, end - 80);
  while (a > limit && !oneOf('，,。;:：', view[a - 1])) a--; // parentheses stay: 可吸入颗粒物(PM10)
  const names: LabelSpan[] = [];
  let s = a;
  for (let i = a; i <= end; i++) {
    if (i === end || view[i] === '、') {
      names.push({ start: s, end: i });
      s = i + 1;
    }
  }
  // 可吸入颗粒物(pm10)和二氧化硫…分别: two names joined by 和 rather than 、.
  if (names.length === 1) {
    const only = names[0];
    const he = view.slice(only.start, only.end).lastIndexOf('和');
    if (he > 0 && he < only.end - only.start - 1)
      names.splice(0, 1, { start: only.start, end: only.start + he }, { start: only.start + he + 1, end: only.end });
  }
  // The last name often runs into a summary (…利润总额等主要指标增幅): cut at 等.
  const lastName = names[names.length - 1];
  if (lastName) {
    const deng = view.slice(lastName.start, lastName.end).indexOf('等');
    if (deng >= 0) lastName.end = lastName.start + deng;
  }
  return names.filter((n) => n.end > n.start);
}

const JOINERS = ['、', '和', '及', '与'];

/** Maximal chains of two or more figures joined by 、 / 和 (15%、20.5%; 83.2亿元和29.9亿元). */
function chains(view: string, figs: RawFigure[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let a = 0;
  for (let k = 1; k <= figs.length; k++) {
    const joined = k < figs.length && figs[k].start - figs[k - 1].after <= 3 && JOINERS.includes(view.slice(figs[k - 1].after, figs[k].start).trim());
    if (!joined) {
      if (k - 1 > a) out.push([a, k - 1]);
      a = k;
    }
  }
  return out;
}

/**
 * 分别 lists and parallel chains. A chain after 分别 (同比分别增长15%、20.5%), or a chain whose
 * figures name nothing, takes its names from: the nearest earlier chain of the same length that has
 * them (…83.2亿元和29.9亿元，同比增长37.2%和18.2%); else the figures just before it; else the
 * 、-list of names before 分别 (规模以上工业总产值、营业总收入…分别高出…4.5、4.6…).
 */
export function applyRespectively(
  view: string,
  sentenceStart: number,
  figs: RawFigure[],
  labels: LabelSpan[],
  first: number,
  stripName: (s: LabelSpan) => LabelSpan,
): void {
  if (figs.length < 2) return;
  const labelled = (k: number) => labels[first + k].end > labels[first + k].start;
  const runs = chains(view, figs);
  for (const [a, b] of runs) {
    // A qualifier word in front of a chain covers all of it (分别不低于5%和10%); one inside the first
    // figure (3多个) or after it (5个以上) is its own.
    const q = preQualifier(view, figs[a].start);
    if (q && q !== '~' && figs[a].qualifier === q) for (let k = a + 1; k <= b; k++) figs[k].qualifier ??= q;
  }
  for (let r = 0; r < runs.length; r++) {
    const [a, b] = runs[r];
    const n = b - a + 1;
    const gapStart = r > 0 ? figs[runs[r - 1][1]].after : sentenceStart;
    const rel = view.slice(gapStart, figs[a].start).lastIndexOf('分别');
    const unnamed = !labelled(a) && !labelled(b);
    if (rel < 0 && !unnamed) continue;
    // Names listed before 分别 in its own clause come first (可吸入颗粒物和二氧化硫…分别下降5微克和6微克).
    if (rel >= 0) {
      const names = namesBefore(view, gapStart + rel, sentenceStart);
      if (names.length === n && names.every((x) => x.end - x.start >= 2 && !/[0-9%]/.test(view.slice(x.start, x.end)))) {
        for (let j = 0; j < n; j++) labels[first + a + j] = stripName(names[j]);
        continue;
      }
    }
    let source = -1;
    for (let q = r - 1; q >= 0 && r - q <= 4 && source < 0; q--) {
      const [qa, qb] = runs[q];
      if (qb - qa + 1 === n && [...Array(n).keys()].every((j) => labelled(qa + j))) source = qa;
    }
    if (source < 0 && a - n >= 0 && [...Array(n).keys()].every((j) => labelled(a - n + j)) && figs[a - n].end <= gapStart + Math.max(rel, 0)) source = a - n;
    if (source >= 0) {
      for (let j = 0; j < n; j++) labels[first + a + j] = labels[first + source + j];
    } else if (rel >= 0) {
      const names = namesBefore(view, gapStart + rel, sentenceStart);
      if (names.length === n) for (let j = 0; j < n; j++) labels[first + a + j] = stripName(names[j]);
      // One name for the whole chain (城乡居民人均可支配收入分别达到48,000元和22,000元): each figure is of it.
      else if (labelled(a)) for (let k = a + 1; k <= b; k++) if (!labelled(k)) labels[first + k] = labels[first + a];
    }
  }
}
