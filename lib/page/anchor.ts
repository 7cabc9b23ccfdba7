/**
 * Text-quote anchors (as Hypothesis does): a figure is remembered by its exact text, ~32
 * characters either side of it in the page's main text, and its position, so a clip can be found
 * again after a reload or after the page's markup changed around it.
 */
import type { TextQuoteAnchor } from '../model/clip';

export const CONTEXT_LENGTH = 32;
const MAX_EXACT = 200;
/** How much context must agree for a match that is not exact on both sides. */
const MIN_FUZZY_CONTEXT = 8;

/** Anything with the page's main text (blocks joined by '\n'). */
export interface MainText {
  text: string;
}

/** The anchor of main text [start, end). */
export function anchorFor(mainText: string, start: number, end: number): TextQuoteAnchor {
  const safeStart = Math.max(0, Math.min(start, mainText.length));
  const safeEnd = Math.max(safeStart, Math.min(end, mainText.length, safeStart + MAX_EXACT));
  return {
    exact: mainText.slice(safeStart, safeEnd),
    prefix: mainText.slice(Math.max(0, safeStart - CONTEXT_LENGTH), safeStart),
    suffix: mainText.slice(safeEnd, safeEnd + CONTEXT_LENGTH),
    position: safeStart,
  };
}

/** Characters of `prefix` that agree with the text just before `at`, counted backwards. */
function prefixAgreement(text: string, at: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && at - 1 - n >= 0 && text.charCodeAt(at - 1 - n) === prefix.charCodeAt(prefix.length - 1 - n)) n++;
  return n;
}

/** Characters of `suffix` that agree with the text from `at` on. */
function suffixAgreement(text: string, at: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && at + n < text.length && text.charCodeAt(at + n) === suffix.charCodeAt(n)) n++;
  return n;
}

/** Context agreement when the adjacent characters differ: the longest shared run of at least 4. */
function looseAgreement(text: string, from: number, to: number, context: string): number {
  const window = text.slice(Math.max(0, from), Math.min(text.length, to));
  let best = 0;
  for (let len = Math.min(context.length, window.length); len >= 4 && best === 0; len--) {
    for (let i = 0; i + len <= context.length; i++) {
      if (window.includes(context.slice(i, i + len))) {
        best = len;
        break;
      }
    }
  }
  return best;
}

/**
 * Where the anchor's figure is in the main text now, or null. Exact text with full prefix and
 * suffix wins; among equals the occurrence nearest the old position; otherwise the occurrence
 * whose context agrees most, if enough of it does.
 */
export function findAnchor(anchor: TextQuoteAnchor, mainText: MainText): { start: number; end: number } | null {
  const { text } = mainText;
  const { exact, prefix, suffix, position } = anchor;
  if (!exact) return null;
  const fullContext = prefix.length + suffix.length;
  let best = -1;
  let bestScore = -1;
  let bestDistance = Infinity;
  const candidates: number[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    candidates.push(at);
    const score = prefixAgreement(text, at, prefix) + suffixAgreement(text, at + exact.length, suffix);
    const distance = Math.abs(at - position);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = at;
      bestScore = score;
      bestDistance = distance;
    }
  }
  if (best === -1) return null;
  const needed = Math.min(MIN_FUZZY_CONTEXT, fullContext);
  if (bestScore === fullContext || bestScore >= needed) return { start: best, end: best + exact.length };
  // Neighbouring characters changed (an edit right next to the figure): look for the context nearby.
  let looseBest = -1;
  let looseScore = 0;
  // Nearest to the old position first; the loose comparison is costly, so only a few are tried.
  candidates.sort((a, b) => Math.abs(a - position) - Math.abs(b - position));
  for (const at of candidates.slice(0, 40)) {
    const score =
      looseAgreement(text, at - CONTEXT_LENGTH * 2, at, prefix) + looseAgreement(text, at + exact.length, at + exact.length + CONTEXT_LENGTH * 2, suffix);
    if (score > looseScore) {
      looseBest = at;
      looseScore = score;
    }
  }
  return looseBest !== -1 && looseScore >= needed ? { start: looseBest, end: looseBest + exact.length } : null;
}
