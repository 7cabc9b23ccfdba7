/** Qualifier words around a figure (indicators.md): 约 近 超过 不足 … before, 以上 以下 左右 … after. */
import type { Qualifier } from './types';
import type { UnitEntry } from './units';
import { oneOf } from './numerals';
import { WordIndex, charTable } from './word-index';

// Longest first where one word ends another (大约 before 约, 不超过 before 超过 before 超).
const PRE: Array<[string, Qualifier]> = [
  ['不少于', '>='],
  ['不低于', '>='],
  ['至少', '>='],
  ['最少', '>='],
  ['起码', '>='],
  ['不超过', '<='],
  ['不高于', '<='],
  ['最多', '<='],
  ['至多', '<='],
  ['大约', '~'],
  ['大概', '~'],
  ['将近', '~'],
  ['接近', '~'],
  ['约', '~'],
  ['近', '~'],
  ['超过', '>'],
  ['多于', '>'],
  ['高于', '>'],
  ['逾', '>'],
  ['超', '>'],
  ['突破', '>'],
  ['过', '>'],
  ['不足', '<'],
  ['不到', '<'],
  ['少于', '<'],
  ['低于', '<'],
  ['未满', '<'],
];
const PRE_WORDS = new WordIndex(PRE.map(([w]) => w));
const PRE_QUALIFIER = new Map(PRE);

// 过 in these words is not "over": 通过, 经过, 越过, 不过, 度过, 难过, 错过, 走过, 办过, 超过 (its own).
const NOT_OVER_BEFORE = '通经越不度难错走办做搞开见听看用去来';
/** Qualifiers that may stand a verb away from the number: 至少组织两次, 最多安排3名. */
const VERB_GAP = new Set(['至少', '最少', '最多', '至多']);

// 近 in these words is not "nearly": 最近, 附近, 邻近, 靠近, 亲近, 临近.
const NOT_NEAR_BEFORE = '最附邻靠亲临';

const POST: Array<[string, Qualifier]> = [
  ['以上', '>='],
  ['以下', '<='],
  ['以内', '<='],
  ['之内', '<='],
  ['左右', '~'],
  ['上下', '~'],
];

/** First characters of the words after a figure: most figures have none of them next. */
const POST_FIRST = charTable(POST.map(([w]) => w[0]).join(''));

// 约 in these words is not "about": 节约, 制约, 契约, 预约, 公约, 条约, 签约, 邀约.
const NOT_ABOUT_BEFORE = '节制契预公条签邀';

/** A CJK ideograph (a verb between a qualifier and its number is one). */
const isHan = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;

export function preQualifier(view: string, start: number): Qualifier | undefined {
  let k = start;
  if (view[k - 1] === ' ') k--;
  // 至少有1个, 不少于有…: one verb between the qualifier and the number.
  if (oneOf('有达为是了', view[k - 1]) && PRE_WORDS.endingAt(view, k - 1, 0)) k--;
  let w = PRE_WORDS.endingAt(view, k, 0);
  if (!w) {
    for (let gap = 1; gap <= 2 && !w; gap++) {
      if (!isHan(view.charCodeAt(k - gap))) break;
      const v = PRE_WORDS.endingAt(view, k - gap, 0);
      if (v && VERB_GAP.has(v)) {
        w = v;
        k -= gap;
      }
    }
  }
  if (!w) return undefined;
  if (w === '过' && oneOf(NOT_OVER_BEFORE, view[k - 2])) return undefined;
  if (w === '近' && oneOf(NOT_NEAR_BEFORE, view[k - 2])) return undefined;
  if (w === '约' && oneOf(NOT_ABOUT_BEFORE, view[k - 2])) return undefined;
  return PRE_QUALIFIER.get(w);
}

/** The qualifier after a figure's unit, and where the text after it starts. */
export function postQualifier(view: string, end: number, unit: UnitEntry | undefined): { qualifier?: Qualifier; end: number } {
  let k = end;
  if (view[k] === ' ') k++;
  if (POST_FIRST[view.charCodeAt(k)] === 1) {
    for (let i = 0; i < POST.length; i++) if (view.startsWith(POST[i][0], k)) return { qualifier: POST[i][1], end: k + POST[i][0].length };
  }
  // 三年内, 10日内: within a span of time; 500米范围内: within a distance (an area 内 is a place).
  if (unit?.dimension === 'duration' && view[k] === '内') return { qualifier: '<=', end: k + 1 };
  if (unit?.dimension === 'length' && view.startsWith('范围内', k)) return { qualifier: '<=', end: k + 3 };
  // 3年多, 1年余: "more than" after a duration.
  if (unit?.dimension === 'duration' && (view[k] === '多' || view[k] === '余')) return { qualifier: '>', end: k + 1 };
  return { end };
}
