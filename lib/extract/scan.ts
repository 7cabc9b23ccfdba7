/**
 * The scanner: one left-to-right pass over the matching view that reads every figure — number,
 * magnitude, interior qualifier (多 余 来), unit, range, a unit shared by a 、-list, fractions — and
 * drops what the contract says is not an indicator. Each step reads forward from where the last
 * stopped; look-backs are bounded to a few characters, so the pass is linear.
 */
import type { Dimension, Qualifier } from './types';
import {
  MAGNITUDE,
  NUMBER_START_CHARS,
  isChineseNumeralChar,
  isChineseNumeralCode,
  isDigit,
  oneOf,
  readArabic,
  readChinese,
  scaleBy,
  type NumberToken,
} from './numerals';
import { UNIT_FIRST, matchUnit, type UnitEntry } from './units';
import { WordIndex, charClassRegExp, charTable, nextInSet } from './word-index';
import { AFTER_STOP_WORDS } from './label-words';
import { BLOCKED_AFTER, CHINESE_APPROX_BEFORE, CHINESE_BAD_BEFORE, CHROME_WORDS, SHORT_QUOTE, SLOGAN_NOUNS, shortQuotes } from './rejections';
import { numeralRunEnd, readFraction } from './fractions';
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
export interface Reading {
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
const PHRASE_BREAK = charTable('，,。;；:：!?！？()\n、《》【】“”"「」 ');
const isSpace = (c: string | undefined) => c !== undefined && SPACES[c.charCodeAt(0)] === 1;
// First characters of the chrome words: most figures have none of them just before.
const CHROME_FIRST = charTable(CHROME_WORDS.map((w) => w[0]).join(''));
const CHROME_WORD = new RegExp(CHROME_WORDS.join('|')); // one search for all of them
const isAsciiLetter = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const PLACEHOLDER = 'xX×*';
const RANGE_CONNECTORS = ['——', '--', '—', '-', '–', '~', '至', '到'];
/** Nouns for people after a bare magnitude (28万各族群众): a count. */
const PEOPLE = new WordIndex(['人', '群众', '农民', '居民', '职工', '党员', '残疾人', '贫困人口', '各族群众', '市民', '农村人口', '城镇人口', '学生', '干部']);

/** Is there a 万 or 亿 in view[from, to)? */
function hasBigMagnitude(view: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = view.charCodeAt(k);
    if (c === CODE_WAN || c === CODE_YI) return true;
  }
  return false;
}
const MAX_MAGNITUDES = 3;
/** Measure words read after a Chinese numeral of two or more characters only (十一块, 二十头). */
const MULTI_NUMERAL_OK = '块头株棵枚颗盏片段根尊幅匹';
const MAGNITUDE_OF = new Map(Object.entries(MAGNITUDE).map(([c, v]) => [c.charCodeAt(0), v]));

/** Characters after a one-character unit that make it part of another word (方面, 项目, 年代). */
const BLOCKED_OF = new Map<UnitEntry, string>();
function blockedAfter(unit: UnitEntry, next: string | undefined): boolean {
  if (next === undefined) return false;
  let blocked = BLOCKED_OF.get(unit);
  if (blocked === undefined) {
    blocked = BLOCKED_AFTER[unit.word] ?? '';
    BLOCKED_OF.set(unit, blocked);
  }
  return blocked.length > 0 && blocked.includes(next);
}

const CODE_WAN = 0x4e07; // 万
const CODE_YI = 0x4ebf; // 亿
const FORMAT = 0xad; // every invisible format character, in the view (normalize.ts)

/**
 * The next part of a chained amount at pos (1亿[4,778万][5千]元): digits with a magnitude smaller
 * than the one before, or, after 万 / 亿, exactly four / eight digits (1万2000元). Returns its
 * value and end, or undefined: then the chain stops and pos is read again as a number of its own.
 */
function chainPart(view: string, pos: number, below: number): { value: number; end: number; scale: number } | undefined {
  const t = readArabic(view, pos);
  if (!t || Number.isNaN(t.value) || !t.integer) return undefined;
  let scale = 1;
  let j = t.end;
  for (let m = 0; m < MAX_MAGNITUDES; m++) {
    const magnitude = MAGNITUDE_OF.get(view.charCodeAt(j));
    if (magnitude === undefined || matchUnit(view, j)) break;
    scale *= magnitude;
    j++;
  }
  const value = t.value * scale;
  if (value >= below || value === 0) return undefined;
  if (scale === 1) {
    const unit = matchUnit(view, j);
    if (t.intDigits !== Math.round(Math.log10(below)) || !unit || unit.dimension === 'duration') return undefined;
  }
  return { value, end: j, scale };
}

/**
 * A magnitude written as the number (近万项, 千场以上, 上百家): 十 百 千 万 亿 alone, before a unit,
 * with a qualifier that says how near the count is (近 约 上 数 … before it, 以上 多 余 … after
 * its unit). Without one (千家万户, 万人空巷, 百年大计) it is an idiom, not a figure.
 */
function readBareMagnitude(view: string, pos: number): Reading | undefined {
  let j = pos;
  let value = 1;
  while (j - pos < 3) {
    const magnitude = MAGNITUDE_OF.get(view.charCodeAt(j));
    if (magnitude === undefined || matchUnit(view, j)) break;
    value *= magnitude;
    j++;
  }
  if (j === pos) return undefined;
  const unit = matchUnit(view, j);
  if (!unit || unit.arabicOnly || unit.dimension === 'percent' || unit.dimension === 'points') return undefined;
  if (unit.word.length === 1 && blockedAfter(unit, view[j + unit.word.length])) return undefined;
  const num: NumberToken = { start: pos, end: j, value, chinese: true, integer: true, intDigits: 0 };
  const before = bareMagnitudeQualifier(view, pos);
  const after = postQualifier(view, j + unit.word.length, unit).qualifier ?? (oneOf('多余', view[j]) ? '>' : undefined);
  if (!before && !after) return undefined;
  return { num, value, magnified: true, interior: before?.qualifier, unit, end: j + unit.word.length };
}

/** 近 / 约 / 超过 … (the contract's words), 上 (上万: at least) or 数 (数千: more than) before a bare magnitude. */
function bareMagnitudeQualifier(view: string, pos: number): { qualifier: Qualifier } | undefined {
  const p = view[pos - 1];
  // 成千上万, 成百上千: an idiom; 以上, 之上, 向上, 马上: not "as many as".
  if (p === '上') return isChineseNumeralChar(view[pos - 2]) || oneOf('以之向线马网', view[pos - 2]) ? undefined : { qualifier: '>=' };
  if (p === '数') return isChineseNumeralChar(view[pos - 2]) || oneOf('总人次件户倍分少多', view[pos - 2]) ? undefined : { qualifier: '>' };
  const q = preQualifier(view, pos);
  return q ? { qualifier: q } : undefined;
}

/** Read a number and what follows it up to the end of its unit (also for quantity.ts). */
export function readNumberWithUnit(view: string, pos: number): Reading | undefined {
  const first = view.charCodeAt(pos);
  const num = first >= 48 && first <= 57 ? readArabic(view, pos) : readChinese(view, pos);
  if (!num) return undefined;
  if (Number.isNaN(num.value)) return num.chinese ? readBareMagnitude(view, pos) : undefined;
  if (num.chinese && num.end === pos + 1 && view[pos] === '十' && oneOf('上数', view[pos - 1])) return readBareMagnitude(view, pos); // 数十个
  let j = num.end;
  let value = num.value;
  let magnified = false;
  let magnitudes = 0;
  let scale = 1; // the magnitude of the part read last (1亿4,778万: 1e4)
  let interior: Qualifier | undefined;
  let spaces = 0;
  for (let step = 0; step < 12; step++) {
    const code = view.charCodeAt(j); // codes, not view[j]: no string per character
    if ((SPACES[code] === 1 || code === FORMAT) && spaces < 3 && !num.chinese) {
      spaces++;
      j++;
      continue;
    }
    if (code === 0x4e2a && view.charCodeAt(j + 1) === 0x4ebf)
      return { num, value: scaleBy(value, 1e8), magnified: true, interior, impliedMoney: true, end: j + 2 }; // 个亿
    if (matchUnit(view, j)) break;
    const magnitude = MAGNITUDE_OF.get(code);
    if (!num.chinese && magnitude !== undefined && magnitudes < MAX_MAGNITUDES) {
      value = scaleBy(value, magnitude);
      scale = magnitudes === 0 ? magnitude : scale * magnitude;
      magnified = true;
      magnitudes++;
      j++;
      // A chained amount: 1億4,778萬5千元, 42亿6,550万8千元, 714萬3千元 (each part below the last).
      if ((code === CODE_WAN || code === CODE_YI) && !interior && isDigit(view[j])) {
        let below = scale;
        for (let parts = 0; parts < 3 && isDigit(view[j]); parts++) {
          const part = chainPart(view, j, below);
          if (!part) break;
          value += part.value;
          below = part.scale;
          j = part.end;
          magnitudes = MAX_MAGNITUDES; // the chain ends the magnitudes
        }
      }
      continue;
    }
    if (num.chinese && (code === CODE_WAN || code === CODE_YI)) break; // 万 亿: a run longer than readChinese's limit
    if (!interior && (code === 0x591a || code === 0x4f59)) {
      interior = '>';
      j++;
      continue;
    } // 多 余
    if (!interior && code === 0x6765 && !num.chinese) {
      interior = '~';
      j++;
      continue;
    } // 来
    break;
  }
  let unit = matchUnit(view, j);
  // Measure words too ambiguous after one Chinese numeral (三块石) read after a longer one (十一块).
  if (unit?.arabicOnly && num.chinese && !(num.end - num.start >= 2 && unit.word.length === 1 && oneOf(MULTI_NUMERAL_OK, unit.word))) unit = undefined;
  if (unit) {
    const next = view[j + unit.word.length];
    if (unit.word.length === 1 && blockedAfter(unit, next)) unit = undefined;
    else if (isAsciiLetter(unit.word[unit.word.length - 1]) && (isAsciiLetter(next) || isDigit(next))) unit = undefined;
  }
  // Without a unit the reading ends after its magnitude (70万到120万个: the range starts there).
  // 7万册次, 12处次: a count per occasion, like 人次 (but 两个次中心 is not 个次).
  if (
    unit &&
    unit.dimension === 'count' &&
    unit.word !== '个' &&
    !unit.word.endsWith('次') &&
    view[j + unit.word.length] === '次' &&
    view[j + unit.word.length + 1] !== '会'
  ) {
    unit = { ...unit, word: unit.word + '次', canonical: unit.canonical + '次' };
  }
  let end = unit ? j + unit.word.length : magnified ? j : num.end;
  while (end > num.end && (SPACES[view.charCodeAt(end - 1)] === 1 || view.charCodeAt(end - 1) === FORMAT)) end--;
  return { num, value, magnified, interior, unit, end };
}

/** Is the number at `pos` an ordinal, code, time, approximate numeral or page counter? */
function badBefore(view: string, pos: number, chinese: boolean): boolean {
  let k = pos - 1;
  while (k >= 0 && isSpace(view[k]) && pos - k < 3) k--;
  const p = view[k];
  if (p === undefined) return false;
  if (p === '第' || p === '#' || p === '/' || p === '.' || p === '届' || p === '·' || p === '_') return true;
  // 1×600MW: a multiplication, not a placeholder.
  if (p === '×' && isDigit(view[k - 1])) return false;
  if (isAsciiLetter(p) || oneOf(PLACEHOLDER, p)) return true;
  if ((p === '-' || p === ':') && isDigit(view[k - 1])) return true;
  if (chinese && oneOf(CHINESE_BAD_BEFORE, p)) return true;
  if (chinese && oneOf(CHINESE_APPROX_BEFORE, p) && oneOf('十百千万', view[pos]) && !bareMagnitudeQualifier(view, pos)) return true;
  const from = Math.max(0, pos - 8);
  let any = false;
  for (let k2 = from; k2 < pos && !any; k2++) any = CHROME_FIRST[view.charCodeAt(k2)] === 1;
  if (!any) return false;
  const before = view.slice(from, pos);
  return CHROME_WORD.test(before);
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
  if (unit.word === '年' && !num.chinese && num.integer && !r.magnified && !r.interior && rocYear(view, r)) return true;
  // 日 is a day of the month (4月16日, 16日上午) unless it is plainly a span: 10日内, 30日以上, 由法定30日.
  if (unit.word === '日') {
    if (oneOf('月号', view[num.start - 1]) || (!num.chinese && !num.integer)) return true;
    const span = view[r.end] === '内' || postQualifier(view, r.end, unit).qualifier !== undefined || changeOpenerBefore(view, num.start, 6);
    if (!span) return true;
  }
  // 九年义务教育, 五年规划, 三年行动计划: the name of a programme, not a span of years.
  if (unit.word === '年' && PROGRAMME_NAME_WORDS.at(view, r.end) !== undefined) return true;
  if (unit.dimension === 'count' && announcesList(view, r)) return true;
  if (unit.word === '分' && oneOf('时点:', view[num.start - 1])) return true; // 10时20分 (but 得分72.82分 counts)
  if (unit.word === '秒' && oneOf('分:', view[num.start - 1])) return true;
  if (num.chinese) {
    if (num.bareOne) return true;
    // A count of two says 两; a lone 二 before a measure word is a term or ordinal (二次污染, 二类水质,
    // 二元结构). Durations are the exception: 二年内完成.
    if (view[num.start] === '二' && num.end === num.start + 1 && unit.dimension !== 'duration') return true;
    if ((unit.word === '名' || unit.word === '位') && view[num.start - 1] === '前') return true; // 前十名: a rank
    if (unit.dimension === 'count' && isChineseNumeralChar(next)) return true; // 五个一律, 三位一体
    if (unit.dimension === 'count' && SLOGAN_NOUN_WORDS.at(view, r.end) !== undefined) return true;
  }
  // Title chrome of reprint sites: (大全8篇), (优质5篇).
  if (unit.word === '篇' && next === ')' && view.slice(Math.max(0, num.start - 8), num.start).includes('(')) return true;
  return false;
}

/** What follows N年 in the name of a programme (九年义务教育, 五年规划, 三年行动计划, 五年制). */
const PROGRAMME_NAME_WORDS = new WordIndex(['规划', '计划', '行动', '义务教育', '攻坚', '方案', '纲要', '制']);
const SLOGAN_NOUN_WORDS = new WordIndex(SLOGAN_NOUNS);

/**
 * A year of the Republic of China calendar in Taiwan text, not a span of years: 民國114年,
 * 114年12月, and a bare 100–199 年 (109年達81%) unless a span word goes with it (近100年, 100年来).
 */
function rocYear(view: string, r: Reading): boolean {
  const { num } = r;
  if (num.intDigits > 3) return false;
  if (view[num.start - 2] === '民' && view[num.start - 1] === '国') return true;
  let k = r.end;
  while (isDigit(view[k]) && k - r.end < 2) k++;
  if (k > r.end && view[k] === '月') return true; // 114年12月, 99年3月 (3年6个月 is a span)
  if (num.intDigits !== 3 || num.value < 100 || num.value >= 200) return false;
  if (preQualifier(view, num.start) || oneOf('多余来内间', view[r.end]) || postQualifier(view, r.end, r.unit).qualifier) return false;
  return !oneOf('有用历满', view[num.start - 1]);
}

/**
 * Abstract items a speech announces or sums up by number (三个方面, 五项工作, 十个聚焦). The start
 * words name the items themselves; the end words are the heads of phrases that name them
 * (六个专项整治活动, 五种风气教育), and count only after a Chinese numeral: 6项重点工作 is read
 * from its start, but 11项整改措施 is a real count.
 */
const LIST_START = new WordIndex([
  '方面',
  '关键',
  '领域',
  '层面',
  '阶段',
  '环节',
  '专题',
  '意见',
  '意思',
  '要点',
  '原则',
  '聚焦',
  '维度',
  '方向',
  '步骤',
  '抓手',
  '重点工作',
  '重点任务',
]);
/** …and after a Chinese numeral only (两个平台, 三次飞跃; but 3个安全生产示范企业 counts). */
const LIST_START_CHINESE = new WordIndex([
  '平台',
  '出新',
  '结合',
  '转变',
  '飞跃',
  '战役',
  '理念',
  '观念',
  '作风',
  '风气',
  '纪律',
  '规矩',
  '不准',
  '禁止',
  '严禁',
  '安全',
  '历史性',
]);
const LIST_END = new WordIndex([
  '工作',
  '任务',
  '措施',
  '举措',
  '活动',
  '制度',
  '计划',
  '行动',
  '问题',
  '要求',
  '目标',
  '机制',
  '体系',
  '标准',
  '规范',
  '规定',
  '办法',
  '法规',
  '原则',
  '重点',
  '关键',
  '教育',
  '能力',
  '作用',
  '优势',
  '短板',
  '难题',
  '矛盾',
  '整治',
  '治理',
  '攻坚',
  '提升',
  '突破',
  '精神',
  '思想',
  '主题',
  '责任',
  '意识',
  '关系',
  '环节',
  '方面',
  '建议',
  '意见',
  '保障',
]);
/** Words before a count that announce or refer back to a list (以下四个方面, 讲三个问题). */
const LIST_OPENERS = new WordIndex(['以下', '如下', '下列', '上述', '以上', '下面', '讲', '谈', '强调', '讲好', '抓好以下']);
const PHRASE_STOPS = new WordIndex(AFTER_STOP_WORDS);
const MAX_LIST_COUNT = 10;

function announcesList(view: string, r: Reading): boolean {
  if (r.value > MAX_LIST_COUNT || !r.num.integer || r.interior) return false;
  let k = r.num.start;
  if (view[k - 1] === '的' || view[k - 1] === '这') k--;
  if (LIST_OPENERS.endingAt(view, k, Math.max(0, k - 4))) return true;
  // The phrase after the measure word, up to a stop (punctuation, a number, a new predicate).
  let a = r.end;
  if (view[a] === '的') a++;
  let b = a;
  while (b < view.length && b - a < 10 && !PHRASE_BREAK[view.charCodeAt(b)] && !isDigit(view[b]) && !(b > a && PHRASE_STOPS.at(view, b))) b++;
  // 抓好五项工作：一要… — a Chinese count whose phrase ends at a colon announces its list.
  if (r.num.chinese && b > a && (view[b] === '：' || view[b] === ':')) return true;
  if (b === a) return false;
  if (LIST_START.at(view, a)) return true;
  if (!r.num.chinese) return false;
  if (LIST_START_CHINESE.at(view, a)) return true;
  let e = b;
  while (e > a + 1 && oneOf('中上里内', view[e - 1])) e--;
  return LIST_END.endingAt(view, e, a) !== undefined;
}

const CONNECTOR_FIRST = charTable(RANGE_CONNECTORS.map((c) => c[0]).join(''));

function rangeConnectorAt(view: string, pos: number): string | undefined {
  if (CONNECTOR_FIRST[view.charCodeAt(pos)] !== 1) return undefined;
  for (const c of RANGE_CONNECTORS) if (view.startsWith(c, pos)) return c;
  return undefined;
}

/** 由 or 从 shortly before pos in the same clause: a stated change, not a range (从20%到30%). */
function changeOpenerBefore(view: string, pos: number, reach = 24): boolean {
  for (let k = pos - 1; k >= 0 && pos - k <= reach; k--) {
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

const NUMBER_START = charClassRegExp(NUMBER_START_CHARS);
const NUMBER_START_TABLE = charTable(NUMBER_START_CHARS);

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
  let runEnd = -1;
  let i = 0;
  while (i < view.length) {
    // Straight to the next character a number can start with (most characters are none).
    i = nextInSet(NUMBER_START_TABLE, NUMBER_START, view, i);
    if (i < 0) break;
    const code = view.charCodeAt(i);
    if (code > 0x7f && !chineseRunMayBeFigure(view, i)) {
      i = skipRun(view, i);
      continue;
    }
    const c = view[i];
    // The numeral run that holds i ends where it ended for the last number in the same run.
    if (i >= runEnd) runEnd = numeralRunEnd(view, i);
    const fraction = readFraction(view, i, runEnd);
    if (fraction) {
      if (!badBefore(view, i, !isDigit(c)) && !inShortQuote(i)) out.push(fraction);
      i = fraction.end;
      continue;
    }
    const r = readNumberWithUnit(view, i);
    if (!r) {
      i = Math.max(i + 1, skipRun(view, i));
      continue;
    }
    const chinese = r.num.chinese;
    // A short quotation holds a name or a slogan (“3341”工程), but an amount quoted whole stays one
    // (「凍結200萬元」).
    const quoted = inShortQuote(i) && !(!chinese && r.unit && r.unit.dimension !== 'count' && quoteHasWords(view, quotes[q][0] + 1, quotes[q][1], i, r.end));
    if (badBefore(view, i, chinese) || notAQuantity(view, r) || quoted) {
      pendingList = [];
      i = Math.max(r.end, skipRun(view, r.num.end));
      continue;
    }
    // A range: A[unit]—B unit, where A takes B's unit and magnitude (3至5万元, 3—5年, 85-90%).
    const conn = rangeConnectorAt(view, r.end);
    if (conn && !(oneOf('至到', conn) && changeOpenerBefore(view, i))) {
      const bPos = r.end + conn.length + (isSpace(view[r.end + conn.length]) ? 1 : 0);
      const b = isDigit(view[bPos]) || isChineseNumeralChar(view[bPos]) ? readNumberWithUnit(view, bPos) : undefined;
      if (b?.unit && !notAQuantity(view, b) && (!r.unit || r.unit.canonical === b.unit.canonical)) {
        const scale = !r.magnified && b.magnified ? b.value / b.num.value : 1;
        const low = scaleBy(r.value, scale);
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
        pendingList.push({
          start: i,
          end: r.num.end,
          value: r.value,
          valueMax: undefined,
          unit: '',
          dimension: 'other',
          qualifier: undefined,
          isCount: false,
          chinese,
          after: r.num.end,
          listRun: undefined,
        });
        k++;
        while (isSpace(view[k])) k++;
        pendingListEnd = k;
        i = k;
        continue;
      }
      pendingList = [];
      // 8500万残疾人, 28万各族群众: a quantity with a magnitude and no unit word (like 3个亿).
      if (r.magnified && hasBigMagnitude(view, r.num.end, r.end) && !joiner) {
        const fig = figureOf(r, i, view, chinese);
        fig.dimension = PEOPLE.at(view, r.end) ? 'count' : 'other';
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
        out.push({ ...m, value: scaleBy(m.value, scale), unit: fig.unit, dimension: fig.dimension, isCount: fig.isCount, listRun: listId });
      }
      fig.listRun = listId;
    }
    pendingList = [];
    out.push(fig);
    i = r.end;
  }
  return fixPointsLists(
    view,
    out.filter((f) => Number.isFinite(f.value) && (f.valueMax === undefined || Number.isFinite(f.valueMax))),
  );
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
  while (k < view.length && k - pos < 24 && isChineseNumeralCode(view.charCodeAt(k))) k++;
  const n = view.charCodeAt(k);
  if (UNIT_FIRST[n] === 1 || AFTER_CHINESE_RUN[n] === 1) return true;
  const first = view.charCodeAt(pos);
  return first === 0x767e || first === 0x5343 || first === 0x4e07; // 百 千 万
}
/** What may follow a Chinese numeral run of a figure besides a unit: a fraction, 多 / 余, a range, 个. */
const AFTER_CHINESE_RUN = charTable('分多余至到—-~个');

/** Words in a quotation besides the figure (「凍結200萬元」 quotes a decision; “3个15万元” is a slogan). */
function quoteHasWords(view: string, from: number, to: number, figStart: number, figEnd: number): boolean {
  let words = 0;
  for (let k = from; k < to; k++) {
    if (k >= figStart && k < figEnd) continue;
    const c = view.charCodeAt(k);
    if (c >= 0x4e00 && c <= 0x9fff && !isChineseNumeralChar(view[k]) && !UNIT_FIRST[c]) words++;
  }
  return words >= 2;
}

/** Past a run of digits and numeral characters that was not a figure. */
function skipRun(view: string, pos: number): number {
  let k = pos;
  for (; k < view.length; k++) {
    const c = view.charCodeAt(k); // by code unit: no one-character string per look
    if (!((c >= 48 && c <= 57) || isChineseNumeralCode(c) || c === 46 || c === 44 || c === FORMAT)) break;
  }
  return k;
}
