import { describe, expect, it } from 'vitest';
import { PdfDocumentReader } from './document';
import { PAGE_WIDTH, run, SIZE } from './test-items';

describe('PdfDocumentReader', () => {
  it('finds the figures of a page and maps each to the item stretches drawn on the page', () => {
    const reader = new PdfDocumentReader();
    // A figure broken over two lines and drawn one glyph an item: 1.2万亿元
    const items = [
      ...run('一、主要目标', 72, 760),
      ...run('全市地区生产总值达到1.2', 72 + 2 * SIZE, 742, { perChar: true }),
      ...run('万亿元，增长6.5%左右。', 72, 724),
    ];
    const page = reader.readPage(1, items, PAGE_WIDTH);
    expect(page.paragraphs.map((p) => p.text)).toEqual(['一、主要目标', '全市地区生产总值达到1.2万亿元，增长6.5%左右。']);
    const texts = page.figures.map((f) => f.indicator.text);
    expect(texts).toContain('1.2万亿元');
    const trillion = page.figures.find((f) => f.indicator.text === '1.2万亿元')!;
    expect(trillion.heading).toBe('一、主要目标');
    expect(trillion.page).toBe(1);
    // Glyph items for 1 . 2, then the first three characters of the next line's item
    const drawn = trillion.pieces.map((p) => items[p.item].str.slice(p.start, p.end)).join('');
    expect(drawn).toBe('1.2万亿元');
    expect(reader.text().slice(trillion.docStart, trillion.docEnd)).toBe('1.2万亿元');
  });

  it('carries the heading and the document offsets from page to page', () => {
    const reader = new PdfDocumentReader();
    reader.readPage(1, run('二、今年目标', 72, 760), PAGE_WIDTH);
    const second = reader.readPage(2, run('粮食产量稳定在1000万吨以上。', 72 + 2 * SIZE, 760), PAGE_WIDTH);
    const figure = second.figures[0];
    expect(figure.heading).toBe('二、今年目标');
    expect(reader.text()).toBe('二、今年目标\n粮食产量稳定在1000万吨以上。');
    expect(reader.text().slice(figure.docStart, figure.docEnd)).toBe(figure.indicator.text);
  });

  it('counts no text on a page of images only', () => {
    const reader = new PdfDocumentReader();
    expect(reader.readPage(1, [], PAGE_WIDTH).textLength).toBe(0);
    expect(reader.textLength()).toBe(0);
  });
});

describe('a paragraph that goes on across a page break', () => {
  it('is read whole: the figure on the next page keeps the subject and sentence begun on the page before', () => {
    const reader = new PdfDocumentReader();
    const items1 = [...run('二、主要预期目标', 72, 760), ...run('全市地区生产总值增长', 72 + 2 * SIZE, 742), ...run('— 3 —', 280, 60)];
    reader.readPage(1, items1, PAGE_WIDTH);
    const second = reader.readPage(2, run('6%左右，城镇新增就业1.2万人以上。', 72, 760), PAGE_WIDTH);
    const first = second.figures[0];
    expect(first.indicator.text).toBe('6%');
    expect(first.indicator.label).toBe('地区生产总值');
    expect(first.indicator.role).toBe('target');
    expect(first.page).toBe(2);
    expect(first.sentence).toBe('全市地区生产总值增长6%左右，城镇新增就业1.2万人以上。');
    // Offsets and drawn pieces stay those of this page's text.
    expect(reader.text().slice(first.docStart, first.docEnd)).toBe('6%');
    expect(first.pieces.map((p) => p.start)).toEqual([0]);
  });

  it('is not joined after a closed sentence, before an indented paragraph or a heading', () => {
    for (const [end, next] of [
      ['全市地区生产总值增长6%。', run('城镇新增就业1.2万人以上。', 72, 760)],
      [
        '全市地区生产总值增长',
        [
          ...run('城镇新增就业1.2万人以上，居民收入增长与经济增长基本同步', 72 + 2 * SIZE, 760),
          ...run('保持物价总体稳定，粮食产量稳定在1000万吨以上，', 72, 742),
          ...run('单位地区生产总值能耗下降。', 72, 724),
        ],
      ],
      ['全市地区生产总值增长', run('三、重点任务', 72, 760)],
    ] as const) {
      const reader = new PdfDocumentReader();
      reader.readPage(1, run(end, 72 + 2 * SIZE, 742), PAGE_WIDTH);
      const page = reader.readPage(2, [...next], PAGE_WIDTH);
      for (const f of page.figures) expect(f.sentence.startsWith('全市')).toBe(false);
    }
  });
});
