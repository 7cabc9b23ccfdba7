/**
 * The scanner: one left-to-right pass over the matching view that reads every figure — number,
 * magnitude, interior qualifier (多 余 来), unit, range, a unit shared by a 、-list, fractions — and
 * drops what the contract says is not an indicator. Each step reads forward from where the last
 * stopped; look-backs are bounded to a few characters, so the pass is linear.
 */
import type { Dimension, Qualifier } from './types';
import { MAGNITUDE, isChineseNumeralChar, isDigit, oneOf, readArabic, readChinese, startsNumber, type NumberToken } from './numerals';
import { UNIT_FIRST, matchUnit, type UnitEntry } from './units';
import { charTable } from './word-index';
import { BLOCKED_AFTER, CHINESE_APPROX_BEFORE, CHINESE_BAD_BEFORE, CHROME_WORDS, SHORT_QUOTE, SLOGAN_NOUNS, shortQuotes } from './rejections';
import { readFraction } from './fractions';
import { postQualifier, preQualifier } from './qualifiers';

export interface RawFigure {
  start: number;
  end: number;
  value: number;
  valueMax?: number;
  unit: string;
  dimension: Dimension;
  qualifier?: Qualifier;
  /** Measure-word count (个 户 项 …): its label usually follows it (22个村). */
  isCount: boolean;
  chinese: boolean;
  /** Where the text after the figure (and any 以上 / 左右) starts, for labels. */
  after: number;
  /** Set when the figure is part of a 、-list that shares one unit (4.5、4.6、2个百分点). */
  listRun?: number;
}

/** A number read with what follows it, before it is accepted as a figure. */
interface Reading {
  num: NumberToken;
  value: number;
  magnified: boolean;
  interior?: Qualifier;
  unit?: UnitEntry;
  /** '个亿' style: money without a written unit. */
  impliedMoney?: boolean;
  end: number;
}

const SPACE = ' \u00a0\t';
const SPACES = charTable(SPACE);
const isSpace = (c: string | undefined) => c !== undefined && SPACES[c.charCodeAt(0)] === 1;
// First characters of the chrome words: most figures have none of them just before.
const CHROME_FIRST = charTable(CHROME_WORDS.map((w) => w[0]).join(''));
const isAsciiLetter = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const PLACEHOLDER = 'xX×*';
const RANGE_CONNECTORS = ['——', '--', '—', '-', '–', '~', '至', '到'];
/** Nouns for people after a bare magnitude (28万各族群众): a count. */
const PEOPLE = ['人', '群众', '农民', '居民', '职工', '党员', '残疾人', '贫困人口', '各族群众', '市民', '农村人口', '城镇人口', '学生', '干部'];
const MAX_MAGNITUDES = 3;
const MAGNITUDE_OF = new Map(Object.entries(MAGNITUDE).map(([c, v]) => [c.charCodeAt(0), v]));

/** Read a number and what follows it up to the end of its unit. */
function readNumberWithUnit(view: string, pos: number): Reading | undefined {
  const num = isDigit(view[pos]) ? readArabic(view, pos) : readChinese(view, pos);
  if (!num || Number.isNaN(num.value)) return undefined;
  let j = num.end;
  let value = num.value;
  let magnified = false;
  let magnitudes = 0;
  let interior: Qualifier | undefined;
  let spaces = 0;
  for (let step = 0; step < 8; step++) {
    const code = view.charCodeAt(j); // codes, not view[j]: no string per character
    if (SPACES[code] === 1 && spaces < 2 && !num.chinese) { spaces++; j++; continue; }
    if (code === 0x4e2a && view.charCodeAt(j + 1) === 0x4ebf) return { num, value: value * 1e8, magnified: true, interior, impliedMoney: true, end: j + 2 }; // 个亿
    if (matchUnit(view, j)) break;
    const magnitude = MAGNITUDE_OF.get(code);
    if (!num.chinese && magnitude !== undefined && magnitudes < MAX_MAGNITUDES) { value *= magnitude; magnified = true; magnitudes++; j++; continue; }
    if (num.chinese && (code === 0x4e07 || code === 0x4ebf)) break; // 万 亿: a run longer than readChinese's limit
    if (!interior && (code === 0x591a || code === 0x4f59)) { interior = '>'; j++; continue; } // 多 余
    if (!interior && code === 0x6765 && !num.chinese) { interior = '~'; j++; continue; } // 来
    break;
  }
  let unit = matchUnit(view, j);
  if (unit && unit.arabicOnly && num.chinese) unit = undefined;
  if (unit) {
    const blocked = BLOCKED_AFTER[unit.word[unit.word.length - 1]];
    const next = view[j + unit.word.length];
    if (unit.word.length === 1 && blocked && next !== undefined && blocked.includes(next)) unit = undefined;
    else if (isAsciiLetter(unit.word[unit.word.length - 1]) && (isAsciiLetter(next) || isDigit(next))) unit = undefined;
  }
  // Without a unit the reading ends after its magnitude (70万到120万个: the range starts there).
  // 7万册次, 12处次: a count per occasion, like 人次 (but 两个次中心 is not 个次).
  if (unit && unit.dimension === 'count' && unit.word !== '个' && !unit.word.endsWith('次') && view[j + unit.word.length] === '次' && view[j + unit.word.length + 1] !== '会') {
    unit = { ...unit, word: unit.word + '次', canonical: unit.canonical + '次' };
  }
  return { num, value, magnified, interior, unit, end: unit ? j + unit.word.length : magnified ? j : num.end };
}

/** Is the number at `pos` an ordinal, code, time, approximate numeral or page counter? */
function badBefore(view: string, pos: number, chinese: boolean): boolean {
  let k = pos - 1;
  while (k >= 0 && isSpace(view[k]) && pos - k < 3) k--;
  const p = view[k];
  if (p === undefined) return false;
  if (p === '第' || p === '#' || p === '/' || p === '.' || p === '届' || p === '·' || p === '_') return true;
  if (isAsciiLetter(p) || oneOf(PLACEHOLDER, p)) return true;
  if ((p === '-' || p === ':') && isDigit(view[k - 1])) return true;
  if (chinese && oneOf(CHINESE_BAD_BEFORE, p)) return true;
  if (chinese && oneOf(CHINESE_APPROX_BEFORE, p) && oneOf('十百千万', view[pos])) return true;
  const from = Math.max(0, pos - 8);
  let any = false;
  for (let k2 = from; k2 < pos && !any; k2++) any = CHROME_FIRST[view.charCodeAt(k2)] === 1;
  if (!any) return false;
  const before = view.slice(from, pos);
  return CHROME_WORDS.some((w) => before.includes(w));
}

/** Is a read number with its unit something other than a quantity (a year, a time, a slogan)? */
function notAQuantity(view: string, r: Reading): boolean {
  const { num, unit } = r;
  const next = view[r.end];
  if (oneOf(PLACEHOLDER, view[num.end])) return true;
  if (!unit) return false;
  if (unit.word === '年' && !num.chinese && num.integer && !r.magnified && !r.interior) {
    if (num.intDigits === 4) return true; // 2012年
    if (view[num.start] === '0' || view.startsWith('以来', r.end) || oneOf('初底末', next)) return true; // 03年以来
  }
  // 十二届人大八次会议, 五届六次全会, 省十二次党代会: the session's ordinal, not a count of meetings.
  if (unit.word === '次') {
    if (view.startsWith('全会', r.end) || view.startsWith('党代会', r.end) || view.startsWith('全体会议', r.end)) return true;
    const back = view.slice(Math.max(0, num.start - 10), num.start);
    if (view.startsWith('会', r.end) && (back.includes('届') || back.includes('大会') || back.includes('人大'))) return true;
  }
  if (unit.word === '分' && oneOf('时点:', view[num.start - 1])) return true; // 10时20分 (but 得分72.82分 counts)
  if (unit.word === '秒' && oneOf('分:', view[num.start - 1])) return true;
  if (num.chinese) {
    if (num.bareOne) return true;
    // A count of two says 两; a lone 二 before a measure word is a term or ordinal (二次污染, 二类水质,
    // 二元结构). Durations are the exception: 二年内完成.
    if (view[num.start] === '二' && num.end === num.start + 1 && unit.dimension !== 'duration') return true;
    if ((unit.word === '名' || unit.word === '位') && view[num.start - 1] === '前') return true; // 前十名: a rank
    if (unit.dimension === 'count' && isChineseNumeralChar(next)) return true; // 五个一律, 三位一体
    if (unit.dimension === 'count' && SLOGAN_NOUNS.some((w) => view.startsWith(w, r.end))) return true;
  }
  // Title chrome of reprint sites: (大全8篇), (优质5篇).
  if (unit.word === '篇' && next === ')' && view.slice(Math.max(0, num.start - 8), num.start).includes('(')) return true;
  return false;
}

function rangeConnectorAt(view: string, pos: number): string | undefined {
  for (const c of RANGE_CONNECTORS) if (view.startsWith(c, pos)) return c;
  return undefined;
}

/** 由 or 从 shortly before pos in the same clause: a stated change, not a range (从20%到30%). */
function changeOpenerBefore(view: string, pos: number): boolean {
  for (let k = pos - 1; k >= 0 && pos - k <= 24; k--) {
    const c = view[k];
    if (c === '由' || c === '从') return true;
    if (oneOf('，,。;；:：!?！？\n', c)) return false;
  }
  return false;
}

function figureOf(r: Reading, start: number, view: string, chinese: boolean): RawFigure {
  const unit = r.unit;
  const post = postQualifier(view, r.end, unit);
  return {
    start,
    end: r.end,
    value: r.value,
    valueMax: undefined,
    unit: r.impliedMoney ? '' : (unit?.canonical ?? ''),
    dimension: r.impliedMoney ? 'money' : (unit?.dimension ?? 'other'),
    qualifier: r.interior ?? post.qualifier ?? preQualifier(view, start),
    isCount: unit?.dimension === 'count',
    chinese,
    after: post.end,
    listRun: undefined,
  };
}

export function scanFigures(view: string): RawFigure[] {
  const out: RawFigure[] = [];
  const quotes = shortQuotes(view);
  let q = 0;
  const inShortQuote = (pos: number) => {
    while (q < quotes.length && quotes[q][1] < pos) q++;
    if (!(q < quotes.length && quotes[q][0] < pos && pos < quotes[q][1])) return false;
    // Any quotation up to SLOGAN_QUOTE holds slogans of Chinese numerals; Arabic names are short.
    return isChineseNumeralChar(view[pos]) || quotes[q][1] - quotes[q][0] <= SHORT_QUOTE;
  };
  let pendingList: RawFigure[] = []; // bare numbers of a 、-list waiting for their shared unit
  let pendingListEnd = -1;
  let listId = 0;
  let i = 0;
  while (i < view.length) {
    const code = view.charCodeAt(i);
    if (!startsNumber(code)) { i++; continue; }
    if (code > 0x7f && !chineseRunMayBeFigure(view, i)) { i = skipRun(view, i); continue; }
    const c = view[i];
    const fraction = readFraction(view, i);
    if (fraction) {
      if (!badBefore(view, i, !isDigit(c)) && !inShortQuote(i)) out.push(fraction);
      i = fraction.end;
      continue;
    }
    const r = readNumberWithUnit(view, i);
    if (!r) { i = Math.max(i + 1, skipRun(view, i)); continue; }
    const chinese = r.num.chinese;
    if (badBefore(view, i, chinese) || notAQuantity(view, r) || inShortQuote(i)) {
      pendingList = [];
      i = Math.max(r.end, skipRun(view, r.num.end));
      continue;
    }
    // A range: A[unit]—B unit, where A takes B's unit and magnitude (3至5万元, 3—5年, 85-90%).
    const conn = rangeConnectorAt(view, r.end);
    if (conn && !(oneOf('至到', conn) && changeOpenerBefore(view, i))) {
      const bPos = r.end + conn.length + (isSpace(view[r.end + conn.length]) ? 1 : 0);
      const b = isDigit(view[bPos]) || isChineseNumeralChar(view[bPos]) ? readNumberWithUnit(view, bPos) : undefined;
      if (b && b.unit && !notAQuantity(view, b) && (!r.unit || r.unit.canonical === b.unit.canonical)) {
        const scale = !r.magnified && b.magnified ? b.value / b.num.value : 1;
        const low = r.value * scale;
        if (low <= b.value) {
          const fig = figureOf(b, i, view, chinese);
          fig.value = low;
          fig.valueMax = b.value;
          fig.qualifier = undefined;
          out.push(fig);
          pendingList = [];
          i = b.end;
          continue;
        }
      }
    }
    if (!r.unit && !r.impliedMoney) {
      // A bare number before 、 (or a final 和) may share the unit of the list's last member.
      let k = r.magnified ? r.end : r.num.end;
      while (isSpace(view[k])) k++;
      const joiner = view[k] === '、' || (oneOf('和及与或', view[k]) && isDigit(view[k + 1]));
      if (joiner && !chinese && !r.magnified) {
        if (pendingListEnd !== i) pendingList = [];
        pendingList.push({ start: i, end: r.num.end, value: r.value, valueMax: undefined, unit: '', dimension: 'other', qualifier: undefined, isCount: false, chinese, after: r.num.end, listRun: undefined });
        k++;
        while (isSpace(view[k])) k++;
        pendingListEnd = k;
        i = k;
        continue;
      }
      pendingList = [];
      // 8500万残疾人, 28万各族群众: a quantity with a magnitude and no unit word (like 3个亿).
      if (r.magnified && (view.slice(r.num.end, r.end).includes('万') || view.slice(r.num.end, r.end).includes('亿')) && !joiner) {
        const fig = figureOf(r, i, view, chinese);
        fig.dimension = PEOPLE.some((w) => view.startsWith(w, r.end)) ? 'count' : 'other';
        out.push(fig);
        i = r.end;
        continue;
      }
      i = Math.max(i + 1, r.num.end);
      continue;
    }
    const fig = figureOf(r, i, view, chinese);
    if (pendingList.length && pendingListEnd === i) {
      const scale = r.magnified ? r.value / r.num.value : 1;
      listId++;
      for (const m of pendingList) {
        out.push({ ...m, value: m.value * scale, unit: fig.unit, dimension: fig.dimension, isCount: fig.isCount, listRun: listId });
      }
      fig.listRun = listId;
    }
    pendingList = [];
    out.push(fig);
    i = r.end;
  }
  return fixPointsLists(view, out.filter((f) => Number.isFinite(f.value) && (f.valueMax === undefined || Number.isFinite(f.valueMax))));
}

/** 差7个和9个百分点: the 个 of the first is the 个百分点 of the last. */
function fixPointsLists(view: string, figs: RawFigure[]): RawFigure[] {
  for (let k = figs.length - 2; k >= 0; k--) {
    const a = figs[k];
    const b = figs[k + 1];
    if (a.unit === '个' && b.dimension === 'points' && ['和', '、', '及', '至', '到'].includes(view.slice(a.end, b.start).trim())) {
      a.unit = b.unit;
      a.dimension = 'points';
      a.isCount = false;
    }
  }
  return figs;
}

/**
 * A cheap look at a Chinese numeral run (一 in 进一步, 统一 is everywhere): can a unit, a fraction,
 * 多 / 余 or a range follow it? If not, it is skipped without being parsed.
 */
function chineseRunMayBeFigure(view: string, pos: number): boolean {
  let k = pos;
  while (k < view.length && k - pos < 24 && isChineseNumeralChar(view[k])) k++;
  const n = view.charCodeAt(k);
  return UNIT_FIRST[n] === 1 || oneOf('分多余至到—-~个', view[k]) || (view[pos] === '百' || view[pos] === '千' || view[pos] === '万');
}

/** Past a run of digits and numeral characters that was not a figure. */
function skipRun(view: string, pos: number): number {
  let k = pos;
  while (k < view.length && (isDigit(view[k]) || isChineseNumeralChar(view[k]) || view[k] === '.' || view[k] === ',')) k++;
  return k;
}
