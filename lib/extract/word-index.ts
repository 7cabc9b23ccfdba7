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
