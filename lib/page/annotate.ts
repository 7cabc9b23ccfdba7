/**
 * Highlights: wrap each figure's text in <zb-mark> elements (one per text-node piece) and unwrap
 * them again so the page's text is exactly as before. Page text only ever goes through
 * textContent / setAttribute / splitText, never through HTML parsing.
 */
import { QUALIFIER_SIGNS, type Indicator, type Role } from '../extract/types';
import type { NodeSegment } from './blocks';
import { markOf } from './blocks';

export const MARK_NAME = 'zb-mark';

const ROLE_NAMES: Record<Role, string> = { target: '目标', actual: '实际', unknown: '未定' };

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  return String(Number(value.toPrecision(12)));
}

function withUnit(value: number, unit: string): string {
  if (!unit) return formatNumber(value);
  return unit === '%' || unit === '‰' ? `${formatNumber(value)}${unit}` : `${formatNumber(value)} ${unit}`;
}

/** e.g. `30000 吨 · 标签：建筑业总产值 · 目标 · 点击摘录`. */
export function tooltipFor(ind: Indicator, clipped: boolean): string {
  const qualifier = ind.qualifier ? QUALIFIER_SIGNS[ind.qualifier] ?? '' : '';
  let figure = withUnit(ind.value, ind.unit);
  if (ind.valueMax !== undefined) figure = `${formatNumber(ind.value)}–${withUnit(ind.valueMax, ind.unit)}`;
  if (ind.from !== undefined) figure = `${withUnit(ind.from, ind.unit)} → ${figure}`;
  const parts = [`${qualifier}${figure}`];
  if (ind.label) parts.push(`标签：${ind.label}`);
  parts.push(ROLE_NAMES[ind.role] ?? ROLE_NAMES.unknown);
  parts.push(clipped ? '已摘录，再点一下取消' : '点击摘录');
  return parts.join(' · ');
}

export interface MarkData {
  id: string;
  indicator: Indicator;
  clipped: boolean;
}

function createMark(doc: Document, data: MarkData): HTMLElement {
  const mark = doc.createElement(MARK_NAME);
  const ind = data.indicator;
  mark.setAttribute('data-zb-id', data.id);
  mark.setAttribute('data-value', formatNumber(ind.value));
  mark.setAttribute('data-unit', ind.unit);
  mark.setAttribute('data-dimension', ind.dimension);
  mark.setAttribute('data-role', ind.role);
  mark.setAttribute('data-label', ind.label);
  mark.setAttribute('data-clipped', data.clipped ? 'true' : 'false');
  mark.setAttribute('title', tooltipFor(ind, data.clipped));
  return mark;
}

export function setMarksClipped(marks: readonly Element[], indicator: Indicator, clipped: boolean): void {
  const title = tooltipFor(indicator, clipped);
  for (const mark of marks) {
    mark.setAttribute('data-clipped', clipped ? 'true' : 'false');
    mark.setAttribute('title', title);
  }
}

/** A figure to wrap: its pieces and the text each piece held when the figure was found. */
export interface PlannedFigure {
  data: MarkData;
  segments: (NodeSegment & { expected: string })[];
}

export function planSegments(segments: NodeSegment[]): PlannedFigure['segments'] {
  return segments
    .map((s) => ({ ...s, expected: s.node.data.slice(s.start, s.end) }))
    .filter((s) => s.expected.trim().length > 0);
}

function stillValid(fig: PlannedFigure): boolean {
  return (
    fig.segments.length > 0 &&
    fig.segments.every((s) => s.node.isConnected && s.node.data.slice(s.start, s.end) === s.expected && !markOf(s.node))
  );
}

/**
 * Wraps the figures whose text is still where it was found (the page may have changed since the
 * scan). Pieces in one text node are split from the end backwards so earlier offsets stay valid.
 * Returns each wrapped figure's marks, in document order.
 */
export function wrapFigures(doc: Document, figures: readonly PlannedFigure[]): Map<string, HTMLElement[]> {
  const byNode = new Map<Text, { start: number; end: number; fig: PlannedFigure; order: number }[]>();
  const claimed = new Set<Text>();
  const accepted: PlannedFigure[] = [];
  for (const fig of figures) {
    if (!stillValid(fig)) continue;
    const overlaps = fig.segments.some((s) => claimed.has(s.node) && byNode.get(s.node)!.some((o) => s.start < o.end && o.start < s.end));
    if (overlaps) continue;
    accepted.push(fig);
    fig.segments.forEach((s, order) => {
      let list = byNode.get(s.node);
      if (!list) byNode.set(s.node, (list = []));
      list.push({ start: s.start, end: s.end, fig, order });
      claimed.add(s.node);
    });
  }
  const marks = new Map<string, HTMLElement[]>();
  for (const fig of accepted) marks.set(fig.data.id, new Array<HTMLElement>(fig.segments.length));
  for (const [node, ops] of byNode) {
    ops.sort((a, b) => b.start - a.start);
    for (const op of ops) {
      if (op.end < node.data.length) node.splitText(op.end);
      const piece = op.start > 0 ? node.splitText(op.start) : node;
      const mark = createMark(doc, op.fig.data);
      piece.parentNode!.insertBefore(mark, piece);
      mark.appendChild(piece);
      marks.get(op.fig.data.id)![op.order] = mark;
    }
  }
  return marks;
}

/** Joins the text nodes adjacent to `node` back into one (undoing our splitText). */
function mergeTextRun(node: Node): void {
  let first: Node = node;
  while (first.previousSibling && first.previousSibling.nodeType === 3) first = first.previousSibling;
  if (first.nodeType !== 3) return;
  const base = first as Text;
  let next = base.nextSibling;
  const tail: string[] = [];
  while (next && next.nodeType === 3) {
    tail.push((next as Text).data);
    const after = next.nextSibling;
    next.parentNode!.removeChild(next);
    next = after;
  }
  if (tail.length) base.appendData(tail.join(''));
}

/** Unwraps the given marks, leaving their text in place, joined with its neighbours. */
export function unwrapMarks(marks: readonly Element[]): void {
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    const first = mark.firstChild;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    const before = mark.previousSibling;
    parent.removeChild(mark);
    const around = first ?? before;
    if (around && around.parentNode === parent) mergeTextRun(around);
    else if (before && before.parentNode === parent) mergeTextRun(before);
  }
}

/** Removes every highlight under `root`; the page's text nodes end up as before. Returns how many marks. */
export function removeHighlights(root: ParentNode = document): number {
  const marks = Array.from(root.querySelectorAll(MARK_NAME));
  unwrapMarks(marks);
  return marks.length;
}
