/** Qualifier words around a figure (indicators.md): 约 近 超过 不足 … before, 以上 以下 左右 … after. */
import type { Qualifier } from './types';
import type { UnitEntry } from './units';
import { oneOf } from './numerals';
import { WordIndex } from './word-index';

// Longest first where one word ends another (大约 before 约, 不超过 before 超过 before 超).
const PRE: Array<[string, Qualifier]> = [
  ['不少于', '>='], ['不低于', '>='], ['至少', '>='], ['最少', '>='], ['起码', '>='],
  ['不超过', '<='], ['不高于', '<='], ['最多', '<='], ['至多', '<='],
  ['大约', '~'], ['大概', '~'], ['将近', '~'], ['接近', '~'], ['约', '~'], ['近', '~'],
  ['超过', '>'], ['多于', '>'], ['高于', '>'], ['逾', '>'], ['超', '>'],
  ['不足', '<'], ['不到', '<'], ['少于', '<'], ['低于', '<'], ['未满', '<'],
];
const PRE_WORDS = new WordIndex(PRE.map(([w]) => w));
const PRE_QUALIFIER = new Map(PRE);

// 近 in these words is not "nearly": 最近, 附近, 邻近, 靠近, 亲近, 临近.
const NOT_NEAR_BEFORE = '最附邻靠亲临';

const POST: Array<[string, Qualifier]> = [
  ['以上', '>='], ['以下', '<='], ['以内', '<='], ['之内', '<='], ['左右', '~'], ['上下', '~'],
];

// 约 in these words is not "about": 节约, 制约, 契约, 预约, 公约, 条约, 签约, 邀约.
const NOT_ABOUT_BEFORE = '节制契预公条签邀';

export function preQualifier(view: string, start: number): Qualifier | undefined {
  let k = start;
  if (view[k - 1] === ' ') k--;
  // 至少有1个, 不少于有…: one verb between the qualifier and the number.
  if (oneOf('有达为是', view[k - 1]) && PRE_WORDS.endingAt(view, k - 1, 0)) k--;
  const w = PRE_WORDS.endingAt(view, k, 0);
  if (!w) return undefined;
  if (w === '近' && oneOf(NOT_NEAR_BEFORE, view[k - 2])) return undefined;
  if (w === '约' && oneOf(NOT_ABOUT_BEFORE, view[k - 2])) return undefined;
  return PRE_QUALIFIER.get(w);
}

/** The qualifier after a figure's unit, and where the text after it starts. */
export function postQualifier(view: string, end: number, unit: UnitEntry | undefined): { qualifier?: Qualifier; end: number } {
  let k = end;
  if (view[k] === ' ') k++;
  for (const [w, q] of POST) if (view.startsWith(w, k)) return { qualifier: q, end: k + w.length };
  // 3年多, 1年余: "more than" after a duration.
  if (unit?.dimension === 'duration' && (view[k] === '多' || view[k] === '余')) return { qualifier: '>', end: k + 1 };
  return { end };
}
