/**
 * A word list indexed by first (or last) character, longest first, so that "which listed word
 * starts (or ends) here?" costs one map lookup and a few comparisons instead of a scan of the list.
 */
export class WordIndex {
  // Keyed by code unit: indexing a string with view[pos] allocates a new string for CJK text.
  private readonly byFirst = new Map<number, string[]>();
  private readonly byLast = new Map<number, string[]>();

  constructor(words: readonly string[]) {
    for (const w of words) {
      if (!w) continue;
      const first = w.charCodeAt(0);
      const last = w.charCodeAt(w.length - 1);
      const f = this.byFirst.get(first) ?? [];
      f.push(w);
      this.byFirst.set(first, f);
      const l = this.byLast.get(last) ?? [];
      l.push(w);
      this.byLast.set(last, l);
    }
    for (const list of [...this.byFirst.values(), ...this.byLast.values()]) list.sort((a, b) => b.length - a.length);
  }

  /** The longest word starting at pos, if any. */
  at(view: string, pos: number): string | undefined {
    const list = this.byFirst.get(view.charCodeAt(pos));
    if (list) for (const w of list) if (view.startsWith(w, pos)) return w;
    return undefined;
  }

  /** The longest word ending at end (exclusive) and starting no earlier than floor, if any. */
  endingAt(view: string, end: number, floor: number): string | undefined {
    const list = this.byLast.get(view.charCodeAt(end - 1));
    if (list) for (const w of list) if (end - w.length >= floor && view.startsWith(w, end - w.length)) return w;
    return undefined;
  }
}

/** A set of characters as a code-unit table: membership in one array read. */
export function charTable(chars: string): Uint8Array {
  const t = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}

/**
 * A global regular expression for one character of a set. A scan that looks for rare characters
 * lets the regular expression engine find the next one (set lastIndex, then test) instead of a
 * JavaScript loop per character: far cheaper while the engine has not optimised the loop yet,
 * which is always the case in a content script's fresh context.
 */
export function charClassRegExp(chars: string): RegExp {
  let cls = '';
  for (let i = 0; i < chars.length; i++) cls += `\\u${chars.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return new RegExp(`[${cls}]`, 'g');
}

/** The first position >= from where `re` (from charClassRegExp) matches in text, or -1. */
export function nextMatch(re: RegExp, text: string, from: number): number {
  re.lastIndex = from;
  return re.test(text) ? re.lastIndex - 1 : -1;
}
