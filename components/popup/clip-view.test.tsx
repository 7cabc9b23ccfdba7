import { describe, expect, it } from 'vitest';
import { pageKey } from '../../lib/model/page';
import { clipsOfPage, filterClips, groupByPage, sentenceSegments } from './clip-view';
import { makeClip } from '../shared/test-support';

const A = 'https://www.gov.cn/a.htm';
const B = 'https://www.stats.gov.cn/b.htm';

describe('groupByPage', () => {
  it('puts the page with the newest clip first, and newest clips first inside a page', () => {
    const clips = [
      makeClip({ url: A, title: '甲', text: '1%', clippedAt: '2024-01-01T00:00:00.000Z' }),
      makeClip({ url: B, title: '乙', text: '2%', clippedAt: '2024-01-02T00:00:00.000Z' }),
      makeClip({ url: A, title: '甲', text: '3%', clippedAt: '2024-01-03T00:00:00.000Z' }),
    ];
    const groups = groupByPage(clips);
    expect(groups.map((g) => g.title)).toEqual(['甲', '乙']);
    expect(groups[0].clips.map((c) => c.indicator.text)).toEqual(['3%', '1%']);
    expect(groups[1].url).toBe(B);
  });

  it('orders by instant, not by how the timestamp is written', () => {
    const clips = [
      makeClip({ url: A, text: '1%', clippedAt: '2024-01-01T00:00:00Z' }),
      makeClip({ url: A, text: '2%', clippedAt: '2024-01-01T00:00:00.500Z' }),
    ];
    expect(groupByPage(clips)[0].clips.map((c) => c.indicator.text)).toEqual(['2%', '1%']);
  });
});

describe('clipsOfPage', () => {
  it('keeps the page clips in page order and ignores the #fragment', () => {
    const clips = [
      makeClip({ url: A, text: '9%', position: 90 }),
      makeClip({ url: B, text: '8%', position: 1 }),
      makeClip({ url: A, text: '2%', position: 20 }),
    ];
    expect(clipsOfPage(clips, `${A}#part2`).map((c) => c.indicator.text)).toEqual(['2%', '9%']);
    expect(pageKey(`${A}#x`)).toBe(A);
  });
});

describe('filterClips', () => {
  const clips = [
    makeClip({ url: A, title: '政府工作报告', label: '粮食产量', text: '1.3万亿斤', unit: '斤', sentence: '粮食产量保持在1.3万亿斤以上。' }),
    makeClip({ url: B, title: 'Statistical Communiqué', label: 'CPI', text: '3%', unit: '%', sentence: '居民消费价格涨幅3%左右。' }),
  ];
  const labels = (q: string) => filterClips(clips, q).map((c) => c.indicator.label);

  it('matches label, figure, sentence, page title and unit, ignoring case', () => {
    expect(labels('粮食')).toEqual(['粮食产量']);
    expect(labels('1.3万亿')).toEqual(['粮食产量']);
    expect(labels('消费价格')).toEqual(['CPI']);
    expect(labels('statistical')).toEqual(['CPI']);
    expect(labels('cpi')).toEqual(['CPI']);
    expect(labels('斤')).toEqual(['粮食产量']);
  });

  it('needs every word, and an empty query keeps all', () => {
    expect(labels('粮食 CPI')).toEqual([]);
    expect(labels('  ')).toHaveLength(2);
  });
});

describe('sentenceSegments', () => {
  it('cuts the sentence around the figure', () => {
    const clip = makeClip({ text: '5%', sentence: '增长5%左右。' });
    expect(sentenceSegments(clip)).toEqual([
      { text: '增长', figure: false },
      { text: '5%', figure: true },
      { text: '左右。', figure: false },
    ]);
  });

  it('picks the occurrence the anchor prefix points at', () => {
    const clip = makeClip({ text: '5%', prefix: '城镇就业增长', sentence: '产值增长5%，城镇就业增长5%。' });
    const segments = sentenceSegments(clip);
    expect(segments.map((s) => s.text).join('')).toBe(clip.sentence);
    expect(segments.find((s) => s.figure)).toBeDefined();
    expect(segments[0].text).toBe('产值增长5%，城镇就业增长');
  });

  it('leaves the sentence whole when the figure is not in it', () => {
    expect(sentenceSegments(makeClip({ text: '7%', sentence: '没有数字。' }))).toEqual([{ text: '没有数字。', figure: false }]);
  });
});
