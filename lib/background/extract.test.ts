import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../extract';
import { EXTRACT_LIMITS, specFor } from '../messages/protocol';
import { plainIndicator, unpackIndicatorLists } from '../messages/packed-indicators';
import { readTexts } from './extract';

describe('page.extract in the background', () => {
  it('reads each text under its heading, as the page would', () => {
    const items = [
      { text: '全年完成投资3029亿元，同比增长5.2%。', heading: '' },
      { text: '新建保障性住房1.2万套。', heading: '二、2025年主要目标' },
      { text: '', heading: '' },
    ];
    const found = unpackIndicatorLists(
      readTexts(items).packed,
      items.map((item) => item.text),
    ).map((list) => list.map(plainIndicator));
    expect(found).toEqual(items.map(({ text, heading }) => extractIndicators(text, heading ? { heading } : {})));
    expect(found[1][0].role).toBe('target');
    expect(found[2]).toEqual([]);
  });

  it('is refused a batch over its limits before any reading', () => {
    const request = specFor('content->background', 'page.extract')!.request;
    const item = { text: '完成98%。', heading: '' };
    expect(request.safeParse({ items: [item] }).success).toBe(true);
    expect(request.safeParse({ items: Array(EXTRACT_LIMITS.items + 1).fill(item) }).success).toBe(false);
    expect(request.safeParse({ items: [{ text: 'x'.repeat(EXTRACT_LIMITS.itemChars + 1), heading: '' }] }).success).toBe(false);
    expect(request.safeParse({ items: [{ text: 1, heading: '' }] }).success).toBe(false);
  });

  it('answers in a shape the message check accepts, and the check refuses one that is not', () => {
    const response = specFor('content->background', 'page.extract')!.response;
    const answer = readTexts([{ text: '粮食产量达到1.37万亿斤，力争到2027年超过1.4万亿斤。', heading: '' }]);
    expect(answer.packed.counts).toEqual([2]);
    expect(response.safeParse(answer).success).toBe(true);
    const numbers = [...answer.packed.numbers];
    numbers[2] = Number.NaN;
    expect(response.safeParse({ packed: { ...answer.packed, numbers } }).success).toBe(false);
    expect(response.safeParse({ packed: { ...answer.packed, strings: [42] } }).success).toBe(false);
    expect(response.safeParse({ found: [[]] }).success).toBe(false);
  });
});
