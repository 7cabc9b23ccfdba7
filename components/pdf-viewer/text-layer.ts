/**
 * The text layer of one rendered page: one absolutely positioned, transparent span per text item
 * over the canvas (as pdf.js's viewer does), with the figures wrapped in <mark> elements so the
 * user sees and clicks them. This is the extension's own page, not a web page: wrapping is fine.
 * Text goes in through textContent only.
 */
import type { PdfFigure } from '../../lib/pdf/document';
import { isCjk } from '../../lib/pdf/lines';

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

/** Width of each non-CJK character in em, measured once (at 100 px) in the layer's font. */
const emWidths = new Map<string, number>();
let measure: CanvasRenderingContext2D | null | undefined;

function emWidth(ch: string): number {
  let width = emWidths.get(ch);
  if (width === undefined) {
    if (measure === undefined) {
      measure = document.createElement('canvas').getContext('2d');
      if (measure) measure.font = '100px sans-serif';
    }
    width = measure ? measure.measureText(ch).width / 100 : 0.5;
    emWidths.set(ch, width);
  }
  return width;
}

/**
 * The natural width of `text` in the layer's font at `size` px. Measuring every string with
 * canvas measureText cost seconds on a 100-page document (font set and fallback looked up each
 * time); CJK characters and full-width forms are one em wide in every CJK font, and the other
 * characters are measured once each.
 */
function textWidth(text: string, size: number): number {
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    em += isCjk(ch) ? 1 : emWidth(ch);
  }
  return em * size;
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
    if (!item.str?.trim()) continue;
    const tx = multiply(viewportTransform, item.transform);
    const fontHeight = Math.hypot(tx[2], tx[3]);
    if (!(fontHeight > 0)) continue;
    const angle = Math.atan2(tx[1], tx[0]);
    const span = document.createElement('span');
    span.style.left = `${tx[4]}px`;
    span.style.top = `${tx[5] - fontHeight * 0.86}px`; // baseline to top: a typical CJK ascent
    span.style.fontSize = `${fontHeight}px`;
    const natural = textWidth(item.str, fontHeight);
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
