/**
 * A word list indexed by first (or last) character, longest first, so that "which listed word
 * starts (or ends) here?" costs one map lookup and a few comparisons instead of a scan of the list.
 */
const NO_BITS = new Uint32Array(0);
/** Word lists not indexed yet (see indexWordTables). */
const unindexed: WordIndex[] = [];

/** Indexes every word list now (the background, at start-up: it reads pages, and its first page should not wait for this). */
export function indexWordTables(): void {
  for (const index of unindexed.splice(0)) index.ready();
}

export class WordIndex {
  // Keyed by code unit: indexing a string with view[pos] allocates a new string for CJK text.
  private byFirst = new Map<number, string[]>();
  private byLast = new Map<number, string[]>();
  // Bit sets of the first and last code units: most looks find no word, and one bit test is far
  // cheaper than a map lookup while the engine has not optimised the caller yet.
  private firstBits = NO_BITS;
  private lastBits = NO_BITS;
  /**
   * Indexed at the first look, not when made: the lists are module constants, and the content
   * script loads on every page, most of which it never reads (not Chinese, not a report).
   */
  private words: readonly string[] | null;

  constructor(words: readonly string[]) {
    this.words = words;
    unindexed.push(this);
  }

  ready(): void {
    if (this.words) this.index(this.words);
  }

  private index(words: readonly string[]): void {
    this.words = null;
    this.firstBits = new Uint32Array(2048);
    this.lastBits = new Uint32Array(2048);
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
      this.firstBits[first >> 5] |= 1 << (first & 31);
      this.lastBits[last >> 5] |= 1 << (last & 31);
    }
    for (const list of [...this.byFirst.values(), ...this.byLast.values()]) list.sort((a, b) => b.length - a.length);
  }

  /** The longest word starting at pos, if any. */
  at(view: string, pos: number): string | undefined {
    if (this.words) this.index(this.words);
    const code = view.charCodeAt(pos);
    // (Past either end, code is NaN and reads the bit of U+0000, which starts no word.)
    if (((this.firstBits[code >> 5] >>> (code & 31)) & 1) === 0) return undefined;
    const list = this.byFirst.get(code) as string[];
    for (let i = 0; i < list.length; i++) if (view.startsWith(list[i], pos)) return list[i];
    return undefined;
  }

  /** Does a word start at pos and end no later than limit? */
  startsWithin(view: string, pos: number, limit: number): boolean {
    if (this.words) this.index(this.words);
    const code = view.charCodeAt(pos);
    if (((this.firstBits[code >> 5] >>> (code & 31)) & 1) === 0) return false;
    const list = this.byFirst.get(code) as string[];
    for (let i = 0; i < list.length; i++) if (pos + list[i].length <= limit && view.startsWith(list[i], pos)) return true;
    return false;
  }

  /** The longest word ending at end (exclusive) and starting no earlier than floor, if any. */
  endingAt(view: string, end: number, floor: number): string | undefined {
    if (this.words) this.index(this.words);
    const code = view.charCodeAt(end - 1);
    if (((this.lastBits[code >> 5] >>> (code & 31)) & 1) === 0) return undefined;
    const list = this.byLast.get(code) as string[];
    for (let i = 0; i < list.length; i++) {
      const w = list[i];
      if (end - w.length >= floor && view.startsWith(w, end - w.length)) return w;
    }
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

/** The first position >= from where `re` matches in text, or -1. `re` is global and matches exactly one character (charClassRegExp). */
export function nextMatch(re: RegExp, text: string, from: number): number {
  re.lastIndex = from;
  return re.test(text) ? re.lastIndex - 1 : -1;
}

/**
 * nextMatch for a set of characters held both as a table and as a regular expression (the same
 * characters): the first few characters are looked at here, the rest by the regular expression.
 * Where the characters are dense (1/2/3/…, every other one a digit) a regular expression call per
 * match would cost more than it saves; where they are sparse, the engine skips the gaps.
 */
export function nextInSet(table: Uint8Array, re: RegExp, text: string, from: number): number {
  const near = Math.min(text.length, from + 4);
  for (let k = from; k < near; k++) if (table[text.charCodeAt(k)] === 1) return k;
  return near < text.length ? nextMatch(re, text, near) : -1;
}
