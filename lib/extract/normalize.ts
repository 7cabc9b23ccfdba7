/**
 * A matching view of the text: the same length, character for character, so every offset found
 * in the view is an offset in the original. Full-width ASCII becomes ASCII and traditional
 * characters become simplified, so one lexicon serves both scripts. Labels and spans are always copied from the original text.
 */

import { T2S_PAIRS } from './t2s-table';

const T2S = new Map<string, string>();
for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) T2S.set(T2S_PAIRS[i], T2S_PAIRS[i + 1]);

/** The character as the lexicons see it. Full-width ASCII → ASCII; traditional → simplified. */
export function normChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000) return ' ';
  return T2S.get(c) ?? c;
}

/** Same-length view of `text` for matching (see above). */
export function matchingView(text: string): string {
  let out = '';
  // Chunked so that a megabyte of input does not build a megabyte of one-character strings at once.
  const CHUNK = 4096;
  for (let i = 0; i < text.length; i += CHUNK) {
    const part = text.slice(i, i + CHUNK);
    let s = '';
    for (let j = 0; j < part.length; j++) s += normChar(part[j]);
    out += s;
  }
  return out;
}

/** Simplified form of a unit as written (traditional characters mapped, parentheses removed). */
export function simplifyUnit(unit: string): string {
  let s = '';
  for (const c of unit) s += normChar(c);
  return s;
}
