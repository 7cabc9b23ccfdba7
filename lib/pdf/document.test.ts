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
