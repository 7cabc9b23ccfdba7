/**
 * A matching view of the text: the same length, character for character, so every offset found
 * in the view is an offset in the original. Full-width ASCII becomes ASCII and traditional
 * characters become simplified, so one lexicon serves both scripts. Labels and spans are always copied from the original text.
 */

import { T2S_PAIRS } from './t2s-table';

/** The view's code for every invisible format character (U+00AD). */
export const FORMAT_CHAR = 0xad;

/**
 * Code unit → the code unit of the matching view, or 0 where it stays itself (nearly all): a table
 * that needs no filling but for the characters that change, so loading it costs the content
 * script's first task nothing on pages it never reads (an identity table of 65,536 entries cost
 * several milliseconds there).
 */
const MAP = new Uint16Array(65536);
for (let c = 0xff01; c <= 0xff5e; c++) MAP[c] = c - 0xfee0;
MAP[0x3000] = 0x20;
// Invisible format characters (soft hyphen, zero-width space / joiners, word joiner, BOM) all read
// as the soft hyphen, which number reading skips inside a number (完成9\u00ad8% is 98%), as the
// page does when it strips them. The view keeps them, so offsets stay those of the text.
for (const c of [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) MAP[c] = FORMAT_CHAR;
for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) MAP[T2S_PAIRS.charCodeAt(i)] = T2S_PAIRS.charCodeAt(i + 1);

/** The matching view's code unit for `code`. */
const viewCode = (code: number): number => MAP[code] || code;

const utf16 = new TextDecoder('utf-16le');

/** The character as the lexicons see it. Full-width ASCII → ASCII; traditional → simplified. */
export function normChar(c: string): string {
  return String.fromCharCode(viewCode(c.charCodeAt(0)));
}

/** Same-length view of `text` for matching (see above); one pass, one allocation. */
export function matchingView(text: string): string {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    codes[i] = MAP[code] || code;
  }
  // A lone surrogate decodes to U+FFFD, one code unit for one: offsets still match.
  return utf16.decode(codes);
}

/** Simplified form of a unit as written (traditional characters mapped). */
export function simplifyUnit(unit: string): string {
  return matchingView(unit);
}
