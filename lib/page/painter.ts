/**
 * Draws figures with the CSS Custom Highlight API: ranges registered in `CSS.highlights` under
 * fixed names (a test contract), styled by `::highlight(name)` in the content script's CSS. The
 * page's DOM is never touched: no element, no attribute, no split text node.
 *
 *   zb-target, zb-actual, zb-unknown   every figure in exactly one, by role
 *   zb-clipped                         clipped figures and placed clips, drawn on top
 *   zb-focus                           the keyboard-focused figure, on top of everything
 */
import type { Role } from '../model/role';
import type { NodeSegment } from './blocks';

export const HIGHLIGHT_NAMES = ['zb-target', 'zb-actual', 'zb-unknown', 'zb-clipped', 'zb-focus'] as const;
export type HighlightName = (typeof HIGHLIGHT_NAMES)[number];

/** Later names paint over earlier ones. */
const PRIORITY: Record<HighlightName, number> = { 'zb-target': 0, 'zb-actual': 0, 'zb-unknown': 0, 'zb-clipped': 1, 'zb-focus': 2 };

export const roleHighlight = (role: Role): HighlightName => (role === 'target' ? 'zb-target' : role === 'actual' ? 'zb-actual' : 'zb-unknown');

interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
  clear(): void;
  readonly size: number;
  priority: number;
}
interface Registry {
  get(name: string): unknown;
  set(name: string, h: unknown): unknown;
  delete(name: string): boolean;
}

/** The browser's highlight registry, or null where the API is missing (then nothing is drawn). */
export function highlightRegistry(win: Window & typeof globalThis): { registry: Registry; make: () => HighlightLike } | null {
  const css = (win as unknown as { CSS?: { highlights?: Registry } }).CSS;
  const Ctor = (win as unknown as { Highlight?: new () => HighlightLike }).Highlight;
  if (!css?.highlights || typeof Ctor !== 'function') return null;
  return { registry: css.highlights, make: () => new Ctor() };
}

let staticRangeWorks: boolean | undefined;

/**
 * A range over the pieces: a StaticRange where the browser draws those (live ranges are updated
 * by the browser on every DOM change of the page, which costs it with tens of thousands of them),
 * else a Range. Null when the pieces are gone or empty.
 */
export function rangeOf(doc: Document, segments: readonly NodeSegment[]): AbstractRange | null {
  if (segments.length === 0) return null;
  const first = segments[0];
  const last = segments[segments.length - 1];
  if (first.start > first.node.length || last.end > last.node.length) return null;
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (staticRangeWorks !== false && typeof win?.StaticRange === 'function') {
    try {
      const range = new win.StaticRange({ startContainer: first.node, startOffset: first.start, endContainer: last.node, endOffset: last.end });
      staticRangeWorks = true;
      return range;
    } catch {
      staticRangeWorks = false;
    }
  }
  const range = doc.createRange();
  range.setStart(first.node, first.start);
  range.setEnd(last.node, last.end);
  return range;
}

/** A live Range over the same text, for geometry (rects, scrolling), made on demand. */
export function liveRange(doc: Document, range: AbstractRange): Range | null {
  try {
    const live = doc.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return live;
  } catch {
    return null;
  }
}

/**
 * Every change to a registered highlight makes the browser repaint the page's highlights (Chromium
 * re-checks each registered range and repaints the part of the page it has drawn), even a change
 * that changes nothing: adding a range that is there, clearing an empty highlight, registering the
 * same highlight again. The painter makes only real changes. It knows what each highlight holds
 * from its own copy: a Highlight is the page's object, and Firefox cannot iterate one from a
 * content script ("Xray wrapping of iterators not supported").
 */
export class Painter {
  private readonly highlights = new Map<HighlightName, HighlightLike>();
  /** What each highlight holds (our copy). */
  private readonly held = new Map<HighlightName, Set<AbstractRange>>();
  private readonly registry: Registry | null;

  constructor(win: (Window & typeof globalThis) | null) {
    const found = win ? highlightRegistry(win) : null;
    this.registry = found?.registry ?? null;
    if (!found) return;
    for (const name of HIGHLIGHT_NAMES) {
      const h = found.make();
      h.priority = PRIORITY[name];
      this.highlights.set(name, h);
      this.held.set(name, new Set());
    }
  }

  get available(): boolean {
    return this.registry !== null;
  }

  /** Puts our highlights in the document's registry (replacing any left by an earlier copy of the script). */
  show(): void {
    for (const [name, h] of this.highlights) if (this.registry && this.registry.get(name) !== h) this.registry.set(name, h);
  }

  /** Takes our highlights out of the registry; entries another copy of the script registered stay. */
  hide(): void {
    for (const [name, h] of this.highlights) if (this.registry?.get(name) === h) this.registry.delete(name);
  }

  add(name: HighlightName, range: AbstractRange): void {
    const held = this.held.get(name);
    if (!held || held.has(range)) return;
    held.add(range);
    this.highlights.get(name)?.add(range);
  }

  remove(name: HighlightName, range: AbstractRange): void {
    if (this.held.get(name)?.delete(range)) this.highlights.get(name)?.delete(range);
  }

  clear(name: HighlightName): void {
    const held = this.held.get(name);
    if (!held || held.size === 0) return;
    held.clear();
    this.highlights.get(name)?.clear();
  }

  /** Makes the highlight hold exactly `ranges`: what is there already stays untouched. */
  replace(name: HighlightName, ranges: ReadonlySet<AbstractRange>): void {
    const held = this.held.get(name);
    if (!held) return;
    if (ranges.size === 0) {
      this.clear(name);
      return;
    }
    for (const range of Array.from(held)) if (!ranges.has(range)) this.remove(name, range);
    for (const range of ranges) this.add(name, range);
  }

  size(name: HighlightName): number {
    return this.highlights.get(name)?.size ?? 0;
  }
}
