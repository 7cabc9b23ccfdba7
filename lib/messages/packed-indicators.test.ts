import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../extract';
import type { Indicator } from '../extract/types';
import { isPackedIndicators, movedIndicator, PackedIndicator, packIndicatorLists, plainIndicator, STRIDE, unpackIndicatorLists } from './packed-indicators';

const TEXTS = [
  '2023年全市地区生产总值完成3029亿元，同比增长5.2%；力争2025年达到3500亿元左右。',
  '',
  '森林覆盖率由55%提高到95%以上，建设3—5个示范区，新增就业约3万人。',
  '全市GDP增长5.2%，完成投资3029亿元。',
];
const LIMITS = { items: 2000, strings: 200_000, stringChars: 2000 };

describe('packed indicators (page.extract answers)', () => {
  const lists = TEXTS.map((text) => extractIndicators(text));

  it('gives back every field of what the extractor read, text by text, the text cut from the text read', () => {
    const kinds = lists.flat();
    // The texts hold each kind of field: a qualifier, a range, a stated change, both roles.
    expect(kinds.some((i) => i.qualifier !== undefined)).toBe(true);
    expect(kinds.some((i) => i.valueMax !== undefined)).toBe(true);
    expect(kinds.some((i) => i.from !== undefined)).toBe(true);
    expect(new Set(kinds.map((i) => i.role))).toEqual(new Set(['target', 'actual']));
    const packed = packIndicatorLists(lists);
    expect(isPackedIndicators(packed, LIMITS)).toBe(true);
    const back = unpackIndicatorLists(packed, TEXTS);
    expect(back.map((list) => list.map(plainIndicator))).toEqual(lists);
    expect(back[0][0]).toBeInstanceOf(PackedIndicator);
    // Units and labels that repeat are sent once.
    expect(packed.strings.length).toBeLessThan(2 * kinds.length);
  });

  it('survives the JSON a browser sends messages as', () => {
    const packed = JSON.parse(JSON.stringify(packIndicatorLists(lists)));
    expect(unpackIndicatorLists(packed, TEXTS).map((list) => list.map(plainIndicator))).toEqual(lists);
  });

  it('refuses an answer that does not fit the texts asked about, so the page reads them itself', () => {
    const packed = packIndicatorLists(lists);
    const withNumber = (slot: number, value: number) => {
      const numbers = [...packed.numbers];
      numbers[slot] = value;
      return { ...packed, numbers };
    };
    expect(() => unpackIndicatorLists(packed, TEXTS.slice(1))).toThrow();
    expect(() => unpackIndicatorLists({ ...packed, counts: [...packed.counts.slice(0, -1), 0] }, TEXTS)).toThrow();
    expect(() => unpackIndicatorLists(packed, ['短', ...TEXTS.slice(1)])).toThrow(); // an end past its text
    expect(() => unpackIndicatorLists(withNumber(0, 5000), TEXTS)).toThrow(); // start after end
    expect(() => unpackIndicatorLists(withNumber(0, 1.5), TEXTS)).toThrow();
    expect(() => unpackIndicatorLists(withNumber(5, 15), TEXTS)).toThrow(); // no such dimension
    expect(() => unpackIndicatorLists(withNumber(5, 3 << 4), TEXTS)).toThrow(); // no such role
    expect(() => unpackIndicatorLists(withNumber(8, packed.strings.length), TEXTS)).toThrow(); // no such string
    expect(() => unpackIndicatorLists(withNumber(STRIDE + 9, -1), TEXTS)).toThrow();
  });

  it('refuses a shape that is not an answer', () => {
    const packed = packIndicatorLists(lists);
    for (const bad of [
      null,
      [],
      { ...packed, counts: [-1] },
      { ...packed, counts: Array(2001).fill(0) },
      { ...packed, numbers: [...packed.numbers.slice(1), Number.POSITIVE_INFINITY] },
      { ...packed, numbers: ['1'] },
      { ...packed, strings: [1] },
      { ...packed, strings: ['x'.repeat(2001)] },
      { counts: packed.counts, numbers: packed.numbers },
    ])
      expect(isPackedIndicators(bad, LIMITS)).toBe(false);
  });

  it('copies an indicator plainly, leaving out fields it does not have', () => {
    const [one] = unpackIndicatorLists(packIndicatorLists([lists[3]]), [TEXTS[3]])[0];
    const copy: Indicator = plainIndicator(one);
    expect(Object.keys(copy)).not.toContain('qualifier');
    expect({ ...copy }).toEqual(lists[3][0]);
    // Moved into a block whose text starts 100 characters earlier: offsets and sentence move, nothing else.
    const moved = movedIndicator(one, 100);
    expect(moved).toEqual({
      ...copy,
      start: copy.start + 100,
      end: copy.end + 100,
      sentence: { start: copy.sentence.start + 100, end: copy.sentence.end + 100 },
    });
  });
});
