/**
 * PDF text items (pdf.js getTextContent) → lines. Pure: no DOM, no pdf.js.
 *
 * A PDF has no words or lines, only positioned strings; printers often emit one item a glyph, and
 * letter-spaced titles come out as `2 0 2 4 年`. A line is the run of items on one baseline; its
 * text drops the spacing inserted between characters and keeps a space only between Latin words.
 * Every character of a line remembers the item and offset it came from (-1 for a space we made),
 * so a figure found in the text maps back to the spans drawn on the page.
 */

/** One pdf.js text item, reduced to what layout needs (page units, y grows upwards). */
export interface PdfTextItem {
  str: string;
  /** Left end of the baseline. */
  x: number;
  y: number;
  width: number;
  /** Font size (the length of the text matrix's vertical vector). */
  size: number;
  hasEOL: boolean;
}

/** From a pdf.js TextItem: transform [a, b, c, d, e, f]. */
export function toPdfTextItem(item: { str: string; transform: number[]; width: number; height: number; hasEOL: boolean }): PdfTextItem {
  const [, , c, d, e, f] = item.transform;
  const size = Math.hypot(c, d) || item.height || 1;
  return { str: item.str, x: e, y: f, width: item.width, size, hasEOL: item.hasEOL };
}

export interface PdfLine {
  text: string;
  /** Two entries a character: index of the item on the page, offset in item.str (-1, -1 for a space we made). */
  sources: number[];
  left: number;
  right: number;
  y: number;
  size: number;
}

/** CJK ideographs, kana, full-width forms and CJK punctuation: no space is written between them. */
export function isCjk(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x3000 && c <= 0x303f);
}

const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\u00a0' || ch === '\u3000' || ch === '\t';
const isDigit = (ch: string | undefined) => !!ch && ch >= '0' && ch <= '9';
const NUMBER_PART = /[0-9., ]/;

/** Is the run of digits, points and spaces around chars[k] bordered by CJK text (or the line's ends) on both sides? */
function numberAmidCjk(chars: string[], k: number): boolean {
  let left = k;
  while (left > 0 && NUMBER_PART.test(chars[left - 1])) left--;
  let right = k;
  while (right < chars.length - 1 && NUMBER_PART.test(chars[right + 1])) right++;
  const before = chars[left - 1];
  const after = chars[right + 1];
  return (before === undefined || isCjk(before)) && (after === undefined || isCjk(after) || after === '%');
}

const isWordChar = (ch: string | undefined) => !!ch && /[A-Za-z0-9]/.test(ch);

/** Items closer than this (in font sizes) to the previous one on the baseline are the same word. */
const WORD_GAP = 0.2;

/** Groups the items of one page, in content order, into lines. */
export function linesOf(items: PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let chars: string[] = [];
  let sources: number[] = [];
  let current: { left: number; right: number; y: number; size: number } | null = null;

  const flush = () => {
    if (current && chars.length) {
      const cleaned = dropInterCharacterSpaces(chars, sources);
      if (cleaned.chars.length) lines.push({ text: cleaned.chars.join(''), sources: cleaned.sources, ...current });
    }
    chars = [];
    sources = [];
    current = null;
  };

  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.str.length === 0 || /^\s+$/.test(item.str)) {
      // pdf.js marks line ends with empty items; a space item stays a gap between words.
      if (item.str.length && current) {
        chars.push(' ');
        sources.push(i, 0);
      }
      if (item.hasEOL) flush();
      continue;
    }
    const sameLine =
      current !== null &&
      Math.abs(item.y - current.y) < Math.max(item.size, current.size) * 0.5 &&
      item.x > current.right - Math.max(item.size, current.size) * 0.5;
    if (!sameLine) flush();
    if (current) {
      const gap = item.x - current.right;
      if (gap > current.size * WORD_GAP && !isSpace(chars[chars.length - 1])) {
        chars.push(' ');
        sources.push(-1, -1);
      }
      current.right = Math.max(current.right, item.x + item.width);
      current.size = Math.max(current.size, item.size);
    } else {
      current = { left: item.x, right: item.x + item.width, y: item.y, size: item.size };
    }
    for (let k = 0; k < item.str.length; k++) {
      chars.push(item.str[k]);
      sources.push(i, k);
    }
    if (item.hasEOL) flush();
  }
  flush();
  return lines;
}

/**
 * Spaces that separate characters rather than words go: any space beside a CJK character, and
 * the spaces of letter-spaced runs (three or more single characters, `2 0 2 4`). A space between
 * two Latin words stays, as one space.
 */
function dropInterCharacterSpaces(chars: string[], sources: number[]): { chars: string[]; sources: number[] } {
  const n = chars.length;
  const keep = new Array<boolean>(n).fill(true);
  // Letter-spaced runs: X _ X _ X … where every X is one non-space character.
  let i = 0;
  while (i < n) {
    if (isSpace(chars[i]) || (i > 0 && !isSpace(chars[i - 1]))) {
      i++; // a run starts at the start of a word
      continue;
    }
    let j = i;
    let singles = 0;
    while (j < n && !isSpace(chars[j]) && (j + 1 >= n || isSpace(chars[j + 1]))) {
      singles++;
      let k = j + 1;
      while (k < n && isSpace(chars[k])) k++;
      if (k >= n || k - j - 1 > 1) break; // a wider gap than one space ends the run
      j = k;
    }
    if (singles >= 3) {
      for (let k = i; k < j; k++) if (isSpace(chars[k])) keep[k] = false;
    }
    i = Math.max(j, i + 1);
  }
  const outChars: string[] = [];
  const outSources: number[] = [];
  for (let k = 0; k < n; k++) {
    if (!keep[k]) continue;
    if (isSpace(chars[k])) {
      const prev = outChars[outChars.length - 1];
      let next = k + 1;
      while (next < n && (isSpace(chars[next]) || !keep[next])) next++;
      // No space at either end, none doubled, none beside CJK, none inside a number (1 234).
      if (prev === undefined || next >= n || isSpace(prev) || isCjk(prev) || isCjk(chars[next])) continue;
      if (!(isWordChar(prev) || /[.,;:)%]/.test(prev)) || !(isWordChar(chars[next]) || /[(]/.test(chars[next]))) continue;
      if (isDigit(prev) && isDigit(chars[next]) && numberAmidCjk(chars, k)) continue; // justified 1 2% → 12%
      outChars.push(' ');
      outSources.push(sources[2 * k], sources[2 * k + 1]);
      continue;
    }
    outChars.push(chars[k]);
    outSources.push(sources[2 * k], sources[2 * k + 1]);
  }
  return { chars: outChars, sources: outSources };
}
