import { describe, expect, it } from 'vitest';
import { mayHold, summarise } from './search-directory';
import { searchForm } from './records';

describe('the search directory', () => {
  const texts = ['国内生产总值增长5%左右', '城镇新增就业1200万人'].map(searchForm);
  const summary = summarise(3, [-200, -100], texts);

  it("keeps a shard's key and time span", () => {
    expect(summary).toMatchObject({ key: 3, newest: -200, oldest: -100 });
  });

  it('lets through every word whose characters the shard holds, even split across its clips', () => {
    expect(mayHold(summary, ['生产总值'])).toBe(true);
    expect(mayHold(summary, [searchForm('生產總值'), '1200'])).toBe(true);
    expect(mayHold(summary, ['值就'])).toBe(true); // characters, not words: the scan decides
  });

  it('rules out a shard missing a character of any word', () => {
    expect(mayHold(summary, ['冰雪旅游'])).toBe(false);
    expect(mayHold(summary, ['增长', '粮食'])).toBe(false);
  });
});
