// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PdfDocumentReader } from '../../lib/pdf/document';
import { toPdfTextItem } from '../../lib/pdf/lines';
import { buildTextLayer, type LayerItem } from './text-layer';

/** Items as pdf.js gives them: transform [size, 0, 0, size, x, y], width in page units. */
function item(str: string, x: number, y: number, size = 12): LayerItem & { height: number; hasEOL: boolean } {
  return { str, transform: [size, 0, 0, size, x, y], width: str.length * size, height: size, hasEOL: true };
}

describe('buildTextLayer', () => {
  const items = [item('一、主要目标', 72, 760), item('全市地区生产总值达到1.2', 96, 742), item('万亿元，增长6.5%左右。', 72, 724)];
  const reader = new PdfDocumentReader();

  const page = reader.readPage(1, items.map(toPdfTextItem), 595);

  it("draws one span an item with its text intact, and wraps each figure's pieces in marks", () => {
    const layer = document.createElement('div');
    const marks = buildTextLayer(
      layer,
      items,
      [1.5, 0, 0, -1.5, 0, 1263],
      1.5,
      page.figures.map((figure) => ({ figure, title: figure.indicator.text })),
    );
    const spans = Array.from(layer.children) as HTMLElement[];
    expect(spans.map((s) => s.textContent)).toEqual(items.map((i) => i.str));
    const trillion = page.figures.find((f) => f.indicator.text === '1.2万亿元')!;
    const own = marks.get(trillion.id)!;
    expect(own.map((m) => m.textContent)).toEqual(['1.2', '万亿元']);
    expect(own.every((m) => m.dataset.fig === trillion.id && m.dataset.clipped === 'false')).toBe(true);
    // Placed by the viewport transform: x 96 → 144 px; baseline y 742 → 1263 - 1113 = 150 px.
    expect(spans[1].style.left).toBe('144px');
    expect(parseFloat(spans[1].style.top)).toBeLessThan(150);
    expect(layer.querySelectorAll('mark').length).toBe(page.figures.reduce((n, f) => n + f.pieces.length, 0));
  });
});
