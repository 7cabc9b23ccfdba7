/**
 * Sentences and clauses, and the sentence offsets every indicator carries. Text from
 * /work/shared/corpus.
 */
import { describe, expect, it } from 'vitest';
import { extractIndicators } from './index';
import { clauses, sentences } from './segment';

describe('sentences', () => {
  it('end at 。；; and line breaks, with leading spaces left out', () => {
    const text = '接待68件,處理率100%,結案率98%。  上年全市共查處環境違法案件52起;\n同志們:\n';
    expect(sentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['接待68件,處理率100%,結案率98%。', '上年全市共查處環境違法案件52起;', '同志們:']);
  });

  it('end at ！？ and keep a last sentence without a full stop', () => {
    const text = '我们怎样才能写好一篇范文呢？下面是小编帮大家整理的优质范文!仅供参考';
    expect(sentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['我们怎样才能写好一篇范文呢？', '下面是小编帮大家整理的优质范文!', '仅供参考']);
  });

  it('give nothing for empty text or text of only breaks and spaces', () => {
    expect(sentences('')).toEqual([]);
    expect(sentences('\n\n   \n')).toEqual([]);
  });
});

describe('clauses', () => {
  it('split at commas, colons and parentheses, and say what opened each', () => {
    const text = '截止目前,累计到位资金1294.9万元(财政扶贫发展资金1194.9万元,地方配套100万元)。';
    expect(clauses(text, { start: 0, end: text.length }).map((c) => [c.opener, text.slice(c.start, c.end)])).toEqual([
      ['', '截止目前'],
      [',', '累计到位资金1294.9万元'],
      ['(', '财政扶贫发展资金1194.9万元'],
      [',', '地方配套100万元'],
      [')', '。'],
    ]);
  });
});

describe('the sentence of each indicator', () => {
  it('is the sentence that holds the figure, within the text given', () => {
    const text = '全年檢測在用機動車532614輛,核發環保標誌683218枚。全市完成2座儲油庫、218座加油站和112輛油罐車油氣回收治理工作。';
    const found = extractIndicators(text);
    const second = text.indexOf('全市');
    expect(found.map((i) => text.slice(i.sentence.start, i.sentence.end))).toEqual([
      text.slice(0, second),
      text.slice(0, second),
      text.slice(second),
      text.slice(second),
      text.slice(second),
    ]);
    for (const i of found) {
      expect(i.sentence.start).toBeLessThanOrEqual(i.start);
      expect(i.sentence.end).toBeGreaterThanOrEqual(i.end);
    }
  });

  it('stops at a line break', () => {
    const text = '目前我市各水源流域內共有企業168家\n上年全市共查處環境違法案件52起';
    const [first, second] = extractIndicators(text);
    expect(text.slice(first.sentence.start, first.sentence.end)).toBe('目前我市各水源流域內共有企業168家');
    expect(text.slice(second.sentence.start, second.sentence.end)).toBe('上年全市共查處環境違法案件52起');
  });
});
