/**
 * page.extract's answer, packed: the indicators of a batch as one list of numbers and one of
 * strings, instead of an object (with a sentence object and three strings) per indicator. A huge
 * page gets tens of thousands of indicators from the background, and on the page's main thread
 * each of those objects is kept, moved and traced by the garbage collector until the page closes;
 * packed, a batch is two arrays, and each indicator a small view of them (PackedIndicator) whose
 * text is cut from the text that was read, when asked.
 */
import { DIMENSIONS, type Dimension, type Indicator, QUALIFIERS, type Qualifier, ROLES, type Role } from '../extract/types';

export interface PackedIndicators {
  /** How many indicators each text of the batch holds, in the batch's order. */
  counts: number[];
  /** STRIDE numbers per indicator, the texts' indicators one after the other. */
  numbers: number[];
  /** Units and labels (each once), by index from `numbers`. */
  strings: string[];
}

/** Slots of one indicator in `numbers`. */
const START = 0;
const END = 1;
const VALUE = 2;
const VALUE_MAX = 3;
const FROM = 4;
const CODES = 5;
const SENTENCE_START = 6;
const SENTENCE_END = 7;
const UNIT = 8;
const LABEL = 9;
export const STRIDE = 10;

/** CODES: dimension (bits 0-3), role (4-5), qualifier + 1 (6-8, 0: none), valueMax present (9), from present (10). */
const DIMENSION_MASK = 15;
const ROLE_SHIFT = 4;
const ROLE_MASK = 3;
const QUALIFIER_SHIFT = 6;
const QUALIFIER_MASK = 7;
const HAS_VALUE_MAX = 1 << 9;
const HAS_FROM = 1 << 10;
const MAX_CODES = 1 << 11;

const DIMENSION_CODE = new Map<Dimension, number>(DIMENSIONS.map((d, i) => [d, i]));
const ROLE_CODE = new Map<Role, number>(ROLES.map((r, i) => [r, i]));
const QUALIFIER_CODE = new Map<Qualifier, number>(QUALIFIERS.map((q, i) => [q, i + 1]));

/** Packs what the extractor read in each text of a batch (in the background). */
export function packIndicatorLists(lists: readonly (readonly Indicator[])[]): PackedIndicators {
  const numbers: number[] = [];
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const indexOf = (s: string): number => {
    let at = stringIndex.get(s);
    if (at === undefined) {
      at = strings.push(s) - 1;
      stringIndex.set(s, at);
    }
    return at;
  };
  for (const list of lists) {
    for (const ind of list) {
      let codes = (DIMENSION_CODE.get(ind.dimension) ?? 0) | ((ROLE_CODE.get(ind.role) ?? 0) << ROLE_SHIFT);
      if (ind.qualifier) codes |= (QUALIFIER_CODE.get(ind.qualifier) ?? 0) << QUALIFIER_SHIFT;
      if (ind.valueMax !== undefined) codes |= HAS_VALUE_MAX;
      if (ind.from !== undefined) codes |= HAS_FROM;
      numbers.push(
        ind.start,
        ind.end,
        ind.value,
        ind.valueMax ?? 0,
        ind.from ?? 0,
        codes,
        ind.sentence.start,
        ind.sentence.end,
        indexOf(ind.unit),
        indexOf(ind.label),
      );
    }
  }
  return { counts: lists.map((list) => list.length), numbers, strings };
}

const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;

/** The answer's shape (the message check); whether it fits the texts asked about is unpackIndicatorLists's to say. */
export function isPackedIndicators(x: unknown, limits: { items: number; strings: number; stringChars: number }): x is PackedIndicators {
  if (typeof x !== 'object' || x === null) return false;
  const { counts, numbers, strings } = x as Record<string, unknown>;
  return (
    Array.isArray(counts) &&
    counts.length <= limits.items &&
    counts.every(isCount) &&
    Array.isArray(numbers) &&
    numbers.every(Number.isFinite) &&
    Array.isArray(strings) &&
    strings.length <= limits.strings &&
    strings.every((s) => typeof s === 'string' && s.length <= limits.stringChars)
  );
}

/**
 * The indicators of each text, from the background's packed answer about `texts` (the texts it
 * was asked to read, in order). Throws where the answer does not fit them (then the page reads
 * the batch itself): every offset inside its text, every code and string index known.
 */
export function unpackIndicatorLists(packed: PackedIndicators, texts: readonly string[]): Indicator[][] {
  const { counts, strings } = packed;
  if (counts.length !== texts.length) throw new Error('answers do not match the batch');
  // Kept as a typed array: the message arrives as an array of boxed numbers (a pointer and a heap
  // number each), which the collector would trace on every pass; a typed array's numbers it never reads.
  const numbers = Float64Array.from(packed.numbers);
  let total = 0;
  for (const count of counts) total += count;
  if (numbers.length !== total * STRIDE) throw new Error('answers do not match their counts');
  const lists: Indicator[][] = [];
  let at = 0;
  for (let t = 0; t < texts.length; t++) {
    const text = texts[t];
    const list: Indicator[] = new Array(counts[t]);
    for (let i = 0; i < counts[t]; i++, at += STRIDE) {
      if (!fits(numbers, at, text.length, strings.length)) throw new Error('an answer does not fit its text');
      list[i] = new PackedIndicator(numbers, strings, at, text);
    }
    lists.push(list);
  }
  return lists;
}

function fits(numbers: Float64Array, at: number, length: number, stringCount: number): boolean {
  const start = numbers[at + START];
  const end = numbers[at + END];
  const codes = numbers[at + CODES];
  const sentenceStart = numbers[at + SENTENCE_START];
  const sentenceEnd = numbers[at + SENTENCE_END];
  return (
    isCount(start) &&
    isCount(end) &&
    start < end &&
    end <= length &&
    isCount(sentenceStart) &&
    isCount(sentenceEnd) &&
    sentenceStart <= sentenceEnd &&
    sentenceEnd <= length &&
    isCount(codes) &&
    codes < MAX_CODES &&
    (codes & DIMENSION_MASK) < DIMENSIONS.length &&
    ((codes >> ROLE_SHIFT) & ROLE_MASK) < ROLES.length &&
    ((codes >> QUALIFIER_SHIFT) & QUALIFIER_MASK) <= QUALIFIERS.length &&
    isCount(numbers[at + UNIT]) &&
    numbers[at + UNIT] < stringCount &&
    isCount(numbers[at + LABEL]) &&
    numbers[at + LABEL] < stringCount
  );
}

/**
 * An indicator read from a packed answer: its fields are read from the batch's arrays when asked.
 * Its own properties are not the indicator's: copy it with plainIndicator, never by spreading it.
 */
export class PackedIndicator implements Indicator {
  constructor(
    private readonly numbers: Float64Array,
    private readonly strings: readonly string[],
    private readonly at: number,
    /** The text that was read: the indicator's own text is cut from it. */
    private readonly source: string,
  ) {}

  get start(): number {
    return this.numbers[this.at + START];
  }
  get end(): number {
    return this.numbers[this.at + END];
  }
  get text(): string {
    return this.source.slice(this.start, this.end);
  }
  get value(): number {
    return this.numbers[this.at + VALUE];
  }
  get unit(): string {
    return this.strings[this.numbers[this.at + UNIT]];
  }
  get dimension(): Dimension {
    return DIMENSIONS[this.numbers[this.at + CODES] & DIMENSION_MASK];
  }
  get qualifier(): Qualifier | undefined {
    const code = (this.numbers[this.at + CODES] >> QUALIFIER_SHIFT) & QUALIFIER_MASK;
    return code === 0 ? undefined : QUALIFIERS[code - 1];
  }
  get valueMax(): number | undefined {
    return this.numbers[this.at + CODES] & HAS_VALUE_MAX ? this.numbers[this.at + VALUE_MAX] : undefined;
  }
  get from(): number | undefined {
    return this.numbers[this.at + CODES] & HAS_FROM ? this.numbers[this.at + FROM] : undefined;
  }
  get role(): Role {
    return ROLES[(this.numbers[this.at + CODES] >> ROLE_SHIFT) & ROLE_MASK];
  }
  get label(): string {
    return this.strings[this.numbers[this.at + LABEL]];
  }
  get sentence(): { start: number; end: number } {
    return { start: this.numbers[this.at + SENTENCE_START], end: this.numbers[this.at + SENTENCE_END] };
  }
}

/** A plain copy of an indicator (a PackedIndicator's fields are getters, which a spread would not copy). */
export function plainIndicator(ind: Indicator): Indicator {
  return movedIndicator(ind, 0);
}

/** A plain copy of an indicator with its offsets moved by `offset` (a chunk's indicators placed in its block). */
export function movedIndicator(ind: Indicator, offset: number): Indicator {
  const out: Indicator = {
    start: ind.start + offset,
    end: ind.end + offset,
    text: ind.text,
    value: ind.value,
    unit: ind.unit,
    dimension: ind.dimension,
    role: ind.role,
    label: ind.label,
    sentence: { start: ind.sentence.start + offset, end: ind.sentence.end + offset },
  };
  if (ind.qualifier !== undefined) out.qualifier = ind.qualifier;
  if (ind.valueMax !== undefined) out.valueMax = ind.valueMax;
  if (ind.from !== undefined) out.from = ind.from;
  return out;
}
