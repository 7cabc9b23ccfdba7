/**
 * The text layer of one rendered page: one absolutely positioned, transparent span per text item
 * over the canvas (as pdf.js's viewer does), with the figures wrapped in <mark> elements so the
 * user sees and clicks them. This is the extension's own page, not a web page: wrapping is fine.
 * Text goes in through textContent only.
 */
import type { PdfFigure } from '../../lib/pdf/document';

export interface LayerItem {
  str: string;
  transform: number[];
  width: number;
}

/** [a, b, c, d, e, f] × [a, b, c, d, e, f], as pdf.js's Util.transform. */
function multiply(m1: number[], m2: number[]): number[] {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

let measure: CanvasRenderingContext2D | null = null;
function textWidth(text: string, font: string): number {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return 0;
  measure.font = font;
  return measure.measureText(text).width;
}

export interface FigureMarkInfo {
  figure: PdfFigure;
  title: string;
}

/**
 * Builds the layer for a page. `viewportTransform` and `scale` come from page.getViewport().
 * Returns the marks of each figure by id.
 */
export function buildTextLayer(
  layer: HTMLElement,
  items: LayerItem[],
  viewportTransform: number[],
  scale: number,
  figures: FigureMarkInfo[],
): Map<string, HTMLElement[]> {
  const piecesByItem = new Map<number, { start: number; end: number; info: FigureMarkInfo }[]>();
  for (const info of figures) {
    for (const piece of info.figure.pieces) {
      const list = piecesByItem.get(piece.item) ?? [];
      list.push({ start: piece.start, end: piece.end, info });
      piecesByItem.set(piece.item, list);
    }
  }
  const marks = new Map<string, HTMLElement[]>();
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item.str || !item.str.trim()) continue;
    const tx = multiply(viewportTransform, item.transform);
    const fontHeight = Math.hypot(tx[2], tx[3]);
    if (!(fontHeight > 0)) continue;
    const angle = Math.atan2(tx[1], tx[0]);
    const span = document.createElement('span');
    const font = `${fontHeight}px sans-serif`;
    span.style.left = `${tx[4]}px`;
    span.style.top = `${tx[5] - fontHeight * 0.86}px`; // baseline to top: a typical CJK ascent
    span.style.fontSize = `${fontHeight}px`;
    const natural = textWidth(item.str, font);
    const wanted = item.width * scale;
    const scaleX = natural > 0 && wanted > 0 ? wanted / natural : 1;
    span.style.transform = `${angle ? `rotate(${angle}rad) ` : ''}scaleX(${scaleX})`;
    const pieces = piecesByItem.get(i);
    if (!pieces) {
      span.textContent = item.str;
    } else {
      pieces.sort((a, b) => a.start - b.start);
      let at = 0;
      for (const piece of pieces) {
        if (piece.start > at) span.append(item.str.slice(at, piece.start));
        const mark = document.createElement('mark');
        mark.className = 'zb-fig';
        mark.textContent = item.str.slice(piece.start, piece.end);
        mark.dataset.fig = piece.info.figure.id;
        mark.dataset.clipped = 'false';
        mark.title = piece.info.title;
        const list = marks.get(piece.info.figure.id) ?? [];
        list.push(mark);
        marks.set(piece.info.figure.id, list);
        span.append(mark);
        at = Math.max(at, piece.end);
      }
      if (at < item.str.length) span.append(item.str.slice(at));
    }
    fragment.append(span);
  }
  layer.replaceChildren(fragment);
  return marks;
}
