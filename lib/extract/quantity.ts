/**
 * A lone quantity rather than running text: a user's free selection the extractor found nothing
 * in (a manual clip), a table cell, and a table's header or caption that states the unit of the
 * bare numbers below it. Same number readers and unit lexicon as the extractor; never throws.
 */
import type { Dimension, Qualifier, Role } from './types';
import { matchingView } from './normalize';
import { isChineseNumeralChar, isDigit, oneOf, startsNumber } from './numerals';
import { readNumberWithUnit } from './scan';
import { readFraction } from './fractions';
import { matchUnit } from './units';
import { postQualifier, preQualifier } from './qualifiers';

export interface ParsedQuantity {
  value: number;
  /** Simplified Chinese, no magnitude; '' where none follows the number. */
  unit: string;
  dimension: Dimension;
  qualifier?: Qualifier;
  /** Offsets into the text given: text.slice(start, end) is the number through its unit. */
  start: number;
  end: number;
}

export interface UnitHeader {
  /** The unit of the numbers under the header, without magnitude (亿元 → 元). */
  unit: string;
  /** What a bare number under the header is multiplied by (亿元 → 1e8). */
  scale: number;
  dimension: Dimension;
}

const MINUS = '-−－';
const MAGNITUDES: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 亿: 1e8 };

/**
 * The first readable number in `text` with its unit: digits (full-width too), thousands
 * separators, decimals, 万 / 亿 and chained magnitudes (1亿4,778万5千元), Chinese numerals,
 * 百分之…, a trailing %. A minus sign right before the number at the start of a cell makes it
 * negative (−2.3%). A Chinese numeral alone (一 in 统一) is taken only when no digits are there.
 * Null when the text holds no number.
 */
export function parseQuantity(text: string): ParsedQuantity | null {
  try {
    if (typeof text !== 'string' || text.length === 0) return null;
    const view = matchingView(text);
    let fallback: ParsedQuantity | null = null;
    for (let i = 0; i < view.length; i++) {
      if (!startsNumber(view.charCodeAt(i))) continue;
      const found = readAt(view, i);
      if (!found) {
        while (i + 1 < view.length && (isDigit(view[i + 1]) || isChineseNumeralChar(view[i + 1]))) i++;
        continue;
      }
      const chineseAlone = !isDigit(view[i]) && found.unit === '' && !view.startsWith('百分之', i) && !view.startsWith('千分之', i);
      if (!chineseAlone) return found;
      fallback ??= found;
      i = found.end - 1;
    }
    return fallback;
  } catch {
    return null;
  }
}

function readAt(view: string, i: number): ParsedQuantity | null {
  const fraction = readFraction(view, i);
  if (fraction && Number.isFinite(fraction.value)) {
    return withSign(view, {
      value: fraction.value,
      unit: fraction.unit,
      dimension: fraction.dimension,
      qualifier: fraction.qualifier,
      start: fraction.start,
      end: fraction.end,
    });
  }
  const r = readNumberWithUnit(view, i);
  if (!r || !Number.isFinite(r.value)) return null;
  const unit = r.unit;
  const qualifier = r.interior ?? postQualifier(view, r.end, unit).qualifier ?? preQualifier(view, i);
  const q: ParsedQuantity = {
    value: r.value,
    unit: r.impliedMoney ? '' : (unit?.canonical ?? ''),
    dimension: r.impliedMoney ? 'money' : (unit?.dimension ?? 'other'),
    start: i,
    end: r.end,
  };
  if (qualifier) q.qualifier = qualifier;
  return withSign(view, q);
}

/** −2.3 at the start of a cell (or after a space or an opening bracket) is negative. */
function withSign(view: string, q: ParsedQuantity): ParsedQuantity {
  const k = q.start - 1;
  if (k >= 0 && oneOf(MINUS, view[k]) && isDigit(view[q.start]) && (k === 0 || oneOf(' \t(（:：,，=', view[k - 1]))) {
    return { ...q, value: q.value === 0 ? 0 : -q.value, start: k };
  }
  return q;
}

/**
 * The unit a table's column or row header, or a caption, states for the bare numbers under it:
 * 亿元 → 元 ×1e8 money; （万元）, 单位：万元, 单位:亿元、% (the first); 增长%, 比上年±%, 增速(%) →
 * % ×1 percent; 万吨 → 吨 ×1e4 mass; 万千瓦时 → 千瓦时 ×1e4 energy; 千元 → 元 ×1e3. Inside
 * brackets or after 单位 the first unit counts; otherwise the header must end with it (产量万吨;
 * but not 人均GDP or 2024年). Null when the text states no unit.
 */
export function parseUnitHeader(text: string): UnitHeader | null {
  try {
    if (typeof text !== 'string' || text.length === 0) return null;
    const view = matchingView(text).trim();
    const declared = /单位\s*[:：]?\s*/.exec(view);
    if (declared) {
      const found = firstUnitIn(view, declared.index + declared[0].length, view.length);
      if (found) return found;
    }
    // (万元), （%）, [亿元]: the last bracket that holds a unit.
    for (let close = view.length - 1; close > 0; close--) {
      if (!oneOf(')]】', view[close])) continue;
      const open = Math.max(view.lastIndexOf('(', close), view.lastIndexOf('[', close), view.lastIndexOf('【', close));
      if (open < 0) break;
      const found = firstUnitIn(view, open + 1, close);
      if (found) return found;
      close = open;
    }
    // Otherwise the header ends with its unit: 亿元, 增长%, 产量万吨, 个.
    let end = view.length;
    while (end > 0 && oneOf(' :：)）]】', view[end - 1])) end--;
    for (let k = Math.max(0, end - 8); k < end; k++) {
      const u = unitAt(view, k);
      if (u && u.end === end && !isDigit(view[k - 1]) && !(u.magnified && isDigit(view[k - 1]))) return u.header;
    }
    return null;
  } catch {
    return null;
  }
}

/** The first unit (with its magnitude) in view[from, to), read as a header's unit. */
function firstUnitIn(view: string, from: number, to: number): UnitHeader | null {
  for (let k = from; k < to; k++) {
    if (isDigit(view[k])) return null; // (2023年): a date or a figure, not a unit
    const u = unitAt(view, k);
    if (u && u.end <= to) return u.header;
  }
  return null;
}

/** A unit at k, maybe after a magnitude (万吨, 亿元, 千元; but 千瓦 is a unit of its own). */
function unitAt(view: string, k: number): { header: UnitHeader; end: number; magnified: boolean } | null {
  let scale = 1;
  let j = k;
  for (let m = 0; m < 3 && !matchUnit(view, j); m++) {
    const magnitude = MAGNITUDES[view[j]];
    if (magnitude === undefined) break;
    scale *= magnitude;
    j++;
  }
  if (view[j] === '±' || view[j] === '+') j++; // 比上年±%
  const unit = matchUnit(view, j);
  if (!unit) return null;
  // A one-character measure word inside a longer word is no unit (项目, 年度, 人均).
  if (unit.word.length === 1 && unit.dimension !== 'percent' && scale === 1 && j > 0 && /[\u4e00-\u9fff]/.test(view[j + 1] ?? '') && j + 1 < view.length)
    return null;
  return { header: { unit: unit.canonical, scale, dimension: unit.dimension }, end: j + unit.word.length, magnified: scale !== 1 };
}

const TARGET_HEADER = /目标|计划|预计|预期|预算|规划|拟|力争|预测|任务数|指标数/;
const ACTUAL_HEADER = /完成|实际|实绩|实现|上年|去年|同期|累计|决算|执行数|已|现状|基期/;

/**
 * The role of a table's column (or row) header: 2024年目标 / 计划 / 预计 / 预算数 → target;
 * 2023年完成 / 实际 / 实绩 / 上年 / 决算数 → actual; whichever word comes first where both do
 * (计划完成 plans; 完成计划% reports). Anything else undefined. Simplified and traditional.
 */
export function roleOfHeader(text: string): Role | undefined {
  try {
    if (typeof text !== 'string' || text.length === 0) return undefined;
    const view = matchingView(text);
    const t = TARGET_HEADER.exec(view);
    const a = ACTUAL_HEADER.exec(view);
    if (t && a) return t.index <= a.index ? 'target' : 'actual';
    if (t) return 'target';
    if (a) return 'actual';
    return undefined;
  } catch {
    return undefined;
  }
}
