/**
 * Reading numbers from the matching view: Arabic (with thousands separators and decimals) and
 * Chinese numerals. Every reader takes a position and returns how far it read, so the scanner
 * never looks at a character twice.
 */

export interface NumberToken {
  start: number;
  end: number;
  value: number;
  /** Written in Chinese numerals (三千二百) rather than digits. */
  chinese: boolean;
  /** An integer written without a decimal point. */
  integer: boolean;
  /** Digits before the decimal point (for year and code detection). */
  intDigits: number;
  /** Chinese numeral that is only the digit 一 (一个, 一次: mostly an article, not a quantity). */
  bareOne?: boolean;
}

/** c is one of the characters of `set` (false for undefined: ''.includes('') would be true). */
export const oneOf = (set: string, c: string | undefined): boolean => c !== undefined && c.length === 1 && set.includes(c);

export const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

const digitAt = (view: string, i: number): boolean => {
  const c = view.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** U+00AD, the view's code for every invisible format character (see normalize.ts). */
const FORMAT = 0xad;

/** Past invisible format characters at i when a digit follows them (9\u00ad8 is 98); else i. */
const pastFormat = (view: string, i: number): number => {
  let k = i;
  while (view.charCodeAt(k) === FORMAT && k - i < 4) k++;
  return k > i && digitAt(view, k) ? k : i;
};

/** Past a run of digits, with invisible format characters between them. */
function pastDigits(view: string, i: number): number {
  for (;;) {
    while (digitAt(view, i)) i++;
    const k = pastFormat(view, i);
    if (k === i) return i;
    i = k;
  }
}

/**
 * Read an Arabic number at pos (the view has ASCII digits only); one slice, no per-digit strings.
 * Invisible format characters between digits are skipped (they are not in the value).
 */
export function readArabic(view: string, pos: number): NumberToken | undefined {
  if (!digitAt(view, pos)) return undefined;
  let i = pastDigits(view, pos);
  let formatted = i - pos;
  for (let k = pos; k < i; k++) if (view.charCodeAt(k) === FORMAT) formatted--;
  // Thousands separators: a comma followed by exactly three digits, repeatedly (1,234,567).
  const leadingGroup = formatted;
  let separators = 0;
  while (leadingGroup <= 3 && view.charCodeAt(i) === 44 && digitAt(view, i + 1) && digitAt(view, i + 2) && digitAt(view, i + 3) && !digitAt(view, i + 4)) {
    i += 4;
    separators++;
  }
  const intDigits = formatted + separators * 3;
  let integer = true;
  if (view.charCodeAt(i) === 46 && digitAt(view, i + 1)) {
    integer = false;
    i = pastDigits(view, i + 1);
  }
  let raw = view.slice(pos, i);
  if (separators) raw = raw.replace(/,/g, '');
  if (raw.indexOf('\u00ad') >= 0) raw = raw.replace(/\u00ad/g, '');
  // A run of hundreds of digits is a code, not a quantity, and would not fit a double.
  const value = intDigits > 18 ? NaN : Number(raw);
  return { start: pos, end: i, value, chinese: false, integer, intDigits };
}

const CN_DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  // Financial numerals, less 肆 伍 陆, which are everyday words (肆意, 队伍, 大陆).
  壹: 1,
  贰: 2,
  叁: 3,
  柒: 7,
  捌: 8,
  玖: 9,
};
const CN_SMALL_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CN_BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };

// Object lookups keyed by CJK characters are slow on this hot path: a code-unit table instead.
const CN_NUMERAL = new Uint8Array(65536);
const CN_NUMERAL_CHARS = [...Object.keys(CN_DIGIT), ...Object.keys(CN_SMALL_UNIT), ...Object.keys(CN_BIG_UNIT)].join('');
for (let i = 0; i < CN_NUMERAL_CHARS.length; i++) CN_NUMERAL[CN_NUMERAL_CHARS.charCodeAt(i)] = 1;
/** Every character a number can start with (see startsNumber). */
export const NUMBER_START_CHARS = `0123456789${CN_NUMERAL_CHARS}`;

export const isChineseNumeralChar = (c: string | undefined): boolean => c !== undefined && CN_NUMERAL[c.charCodeAt(0)] === 1;

/** isChineseNumeralChar by code unit (no one-character string made per look). */
export const isChineseNumeralCode = (code: number): boolean => CN_NUMERAL[code] === 1;

/** Can a number start at this code unit (an Arabic digit or a Chinese numeral)? */
export const startsNumber = (code: number): boolean => (code >= 48 && code <= 57) || CN_NUMERAL[code] === 1;

/**
 * Read a well-formed Chinese numeral at pos (三千二百, 十五, 两, 一百零五, 三万五千). Runs that are not
 * numbers — digit strings (二〇二三, a year), digit after digit (十二五, a plan's name), bare
 * magnitudes (万, 千万, 亿万: idioms) — return a token with value NaN so the caller skips them.
 */
export function readChinese(view: string, pos: number, maxLen = 24): NumberToken | undefined {
  if (CN_NUMERAL[view.charCodeAt(pos)] !== 1) return undefined;
  let i = pos;
  while (i < view.length && i - pos < maxLen && CN_NUMERAL[view.charCodeAt(i)] === 1) i++;
  // A magnitude in front of a unit that begins with the same character (千瓦, 千米, 千克) is the unit.
  const run = view.slice(pos, i);
  return { start: pos, end: i, value: parseChineseRun(run), chinese: true, integer: true, intDigits: 0, bareOne: run === '一' };
}

function parseChineseRun(run: string): number {
  let total = 0; // completed 亿 / 万 sections
  let section = 0; // inside the current 万 section
  let digit = -1; // pending digit, -1 when none
  let sawDigit = false;
  let lastSmall = Infinity;
  for (let i = 0; i < run.length; i++) {
    const c = run[i]; // (numerals are all in the BMP: one code unit each)
    if ((c === '零' || c === '〇') && digit < 0 && (section > 0 || total > 0)) continue; // 一百零五
    if (c in CN_DIGIT) {
      if (digit >= 0) return NaN; // digit after digit: 二〇二三, 十二五
      digit = CN_DIGIT[c];
      sawDigit = true;
    } else if (c in CN_SMALL_UNIT) {
      const u = CN_SMALL_UNIT[c];
      if (u >= lastSmall) return NaN; // 十百, 百百
      if (digit < 0 && !(u === 10 && section === 0)) return NaN; // only 十 may stand without a digit (十五)
      section += (digit < 0 ? 1 : digit) * u;
      lastSmall = u;
      digit = -1;
    } else {
      const u = CN_BIG_UNIT[c];
      if (!sawDigit && section === 0 && digit < 0) return NaN; // bare magnitude: 万人, 亿万
      section += Math.max(digit, 0);
      if (section === 0 && total === 0) return NaN;
      total = (total + section) * u;
      section = 0;
      digit = -1;
      lastSmall = Infinity;
    }
  }
  if (!sawDigit && total === 0 && section === 0) return NaN;
  if (!sawDigit && section !== 10 && total === 0) return NaN; // bare 百 / 千
  return total + section + Math.max(digit, 0);
}

/**
 * value × factor without the binary noise a decimal times a magnitude leaves (1.39万亿 would be
 * 1389999999999.9998, 2.3亿 229999999.99999997): what a spreadsheet shows must be what was written.
 * Rounded to 15 significant digits, as many as a double holds exactly.
 */
export function scaleBy(value: number, factor: number): number {
  const product = value * factor;
  return Number.isInteger(value) && Number.isInteger(factor) ? product : Number.parseFloat(product.toPrecision(15));
}

/** Magnitude words that fold into an Arabic value (7.3万 → 73000). */
export const MAGNITUDE: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 亿: 1e8 };
