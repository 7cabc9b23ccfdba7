/**
 * The figures of the page and how they are shown. What was extracted (`PageFigure`: the indicator,
 * its section and sentence, where its text is) is kept apart from how it is drawn (one range in
 * the highlight of its role, painter.ts) and from whether it is clipped (clips.ts). Nothing here
 * writes to the page's DOM: page changes are followed by rebuilding the figures of the changed
 * blocks only.
 */
import type { Indicator } from '../extract/types';
import { type NodeSegment, segmentsForRange } from './blocks';
import { blockContainer, isInsideSkipped } from './dom-rules';
import { headingBefore } from './headings';
import { liveRange, Painter, rangeOf, roleHighlight } from './painter';
import { type BatchExtractor, ExtractionCache, type Extractor, type ScanResult, scanBlocks } from './scan';
import { SliceClock, type SliceOptions } from './schedule';

/** One figure found on the page: what the extractor read, and where its text is. */
export interface PageFigure {
  /** Stable while the page is loaded. */
  key: string;
  /** Document order at the time it was found (keys are numbered in it). */
  order: number;
  /** Offsets relative to its block. */
  indicator: Indicator;
  heading: string;
  sentence: string;
  /** The text-node pieces of the figure, in order. */
  segments: NodeSegment[];
  /** The block element it was read from (rebuilt when the page changes it). */
  container: Element;
  /** What is drawn (made when first needed). */
  readonly range: AbstractRange;
}

/**
 * A figure whose range is made when it is first asked for (drawn, clicked, hovered, focused): a
 * huge page registers only the figures near the viewport, and tens of thousands of range objects
 * nobody draws would only cost the page's memory and its garbage collector.
 */
class LazyRangeFigure implements PageFigure {
  private made: AbstractRange | null = null;
  constructor(
    readonly key: string,
    readonly order: number,
    readonly indicator: Indicator,
    readonly heading: string,
    /** The text the sentence is cut from (its block's, which the figure's pieces keep anyway), or the sentence itself. */
    private readonly sentenceSource: string,
    /** True: the indicator's own sentence offsets say where the sentence is in sentenceSource. */
    private readonly sentenceInSource: boolean,
    readonly segments: NodeSegment[],
    readonly container: Element,
    private readonly doc: Document,
  ) {}

  /** Cut when asked (listed, clipped): a huge page's 80,000 figures would otherwise each keep two strings more. */
  get sentence(): string {
    if (!this.sentenceInSource) return this.sentenceSource.slice(0, MAX_SENTENCE);
    const at = this.indicator.sentence;
    return this.sentenceSource.slice(at.start, at.end).trim().slice(0, MAX_SENTENCE);
  }

  get range(): AbstractRange {
    if (!this.made) {
      // Text the page shortened since (the rescan that drops the figure is on its way): an empty range, drawn nowhere.
      this.made = rangeOf(this.doc, this.segments) ?? emptyRange(this.doc, this.segments[0].node);
    }
    return this.made;
  }
}

function emptyRange(doc: Document, node: Text): AbstractRange {
  const range = doc.createRange();
  range.setStart(node, 0);
  return range;
}

/** True when the pieces still fit their text nodes (what rangeOf checks before making a range). */
const piecesFit = (segments: readonly NodeSegment[]): boolean =>
  segments.length > 0 && segments[0].start <= segments[0].node.length && segments[segments.length - 1].end <= segments[segments.length - 1].node.length;

const MAX_SENTENCE = 4000;
/**
 * Above this many figures only those near the viewport are registered. Browsers re-check every
 * registered range on each frame after a highlight changes (Chromium: about 3 s for 80,000 ranges
 * on a 7.7 MB page, 65 ms for 1,000), so a huge page gets its figures drawn as they come into view.
 */
export const VIRTUAL_ABOVE = 3000;
/** At most this many ranges registered in the role highlights of a huge page. */
const VIEWPORT_CAP = 600;
/** More changed places than this in one batch: rescan the whole main text instead. */
const MAX_ROOTS = 40;

export class Highlighter {
  readonly figures = new Map<string, PageFigure>();
  readonly cache = new ExtractionCache();
  readonly painter: Painter;
  private nextKey = 1;
  /**
   * Figures by the text nodes they cover, to find them from a caret position or a changed node. A
   * Map, not a WeakMap: the figures hold their nodes anyway, every dropped figure leaves it, and a
   * WeakMap of a huge page's 100,000 nodes is costly for the garbage collector to trace. A node
   * with one figure (nearly all) holds the figure itself, not an array of one.
   */
  private byNode = new Map<Text, PageFigure | PageFigure[]>();
  /** Figures whose range is registered now (all of them, unless the page is huge). */
  private drawn = new Set<PageFigure>();
  private virtual = false;
  private viewportList: PageFigure[] | null = null;
  /** ordered(), kept until the figures change: a keyboard step on a huge page must not sort them all again. */
  private orderedList: PageFigure[] | null = null;

  constructor(
    readonly doc: Document,
    private readonly extract: Extractor,
    private readonly remote?: BatchExtractor,
  ) {
    this.painter = new Painter(doc.defaultView as (Window & typeof globalThis) | null);
  }

  scan(root: Element, options: SliceOptions & { heading?: string } = {}): Promise<ScanResult> {
    return scanBlocks(root, { ...options, extract: this.extract, remote: this.remote, cache: this.cache });
  }

  /**
   * Shows the scanned figures, in time slices; returns how many were added. Their ranges are
   * registered together at the end: every frame after a highlight changes re-checks every
   * registered range, so drawing slice by slice would pay for that on each frame in between.
   */
  async apply(scan: ScanResult, options: SliceOptions = {}): Promise<number> {
    this.painter.show();
    const clock = new SliceClock(options.budgetMs);
    let added = 0;
    const toDraw: PageFigure[] = [];
    // A scan that will pass the bound goes virtual at once: drawing 3,000 figures slice by slice
    // and taking them all back would repaint the whole huge page on every frame in between.
    if (!this.virtual && this.figures.size + scan.figures.length > VIRTUAL_ABOVE) this.goVirtual();
    let shownInView = false;
    for (const found of scan.figures) {
      const segments = segmentsForRange(found.block, found.indicator.start, found.indicator.end);
      if (segments.length > 0 && !this.covered(segments)) {
        if (piecesFit(segments)) {
          const order = this.nextKey++;
          const figure: PageFigure = new LazyRangeFigure(
            `zb${order}`,
            order,
            found.indicator,
            found.heading,
            found.sentence ?? found.block.text,
            found.sentence === undefined,
            segments,
            found.block.container,
            this.doc,
          );
          this.figures.set(figure.key, figure);
          this.orderedList = null;
          for (const s of segments) this.index(s.node, figure);
          if (!this.virtual && this.figures.size > VIRTUAL_ABOVE) {
            toDraw.length = 0;
            this.goVirtual();
          }
          if (!this.virtual) toDraw.push(figure);
          added++;
        }
      }
      if (clock.spent()) {
        // The top of a huge page is drawn after its first slice, not after its last.
        if (this.virtual && !shownInView) {
          shownInView = true;
          this.updateViewport();
        }
        if (!(await clock.yield(options.signal))) break;
      }
    }
    // (Figures a concurrent removeAll() took away meanwhile are not drawn.)
    if (this.virtual) this.updateViewport();
    else for (const figure of toDraw) if (this.figures.get(figure.key) === figure) this.draw(figure);
    return added;
  }

  private goVirtual(): void {
    this.virtual = true;
    for (const fig of Array.from(this.drawn)) this.undraw(fig);
  }

  private draw(fig: PageFigure): void {
    if (this.drawn.has(fig)) return;
    this.drawn.add(fig);
    this.painter.add(roleHighlight(fig.indicator.role), fig.range);
  }

  private undraw(fig: PageFigure): void {
    if (this.drawn.delete(fig)) this.painter.remove(roleHighlight(fig.indicator.role), fig.range);
  }

  /** True when only the figures near the viewport are registered (a huge page). */
  get virtualised(): boolean {
    return this.virtual;
  }

  /**
   * On a huge page: registers the figures from half a screen above the viewport to half a screen
   * below it (found by binary search in document order) and unregisters the others.
   */
  updateViewport(): void {
    if (!this.virtual) return;
    const view = this.doc.defaultView;
    const height = view?.innerHeight ?? 800;
    // Insertion order: document order, rescans aside. Kept between scroll frames until the figures change.
    if (!this.viewportList || this.viewportList.length !== this.figures.size) this.viewportList = Array.from(this.figures.values());
    const list = this.viewportList;
    const topOf = (f: PageFigure) => f.segments[0].node.parentElement?.getBoundingClientRect().top ?? 0;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (topOf(list[mid]) < -height / 2) lo = mid + 1;
      else hi = mid;
    }
    const wanted = new Set<PageFigure>();
    for (let i = lo; i < list.length && wanted.size < VIEWPORT_CAP; i++) {
      if (topOf(list[i]) > height * 1.5) break;
      wanted.add(list[i]);
    }
    for (const fig of Array.from(this.drawn)) if (!wanted.has(fig)) this.undraw(fig);
    for (const fig of wanted) this.draw(fig);
  }

  private index(node: Text, figure: PageFigure): void {
    const had = this.byNode.get(node);
    if (!had) this.byNode.set(node, figure);
    else if (Array.isArray(had)) had.push(figure);
    else this.byNode.set(node, [had, figure]);
  }

  private unindex(node: Text, figure: PageFigure): void {
    const had = this.byNode.get(node);
    if (had === figure) this.byNode.delete(node);
    else if (Array.isArray(had)) {
      const rest = had.filter((f) => f !== figure);
      if (rest.length === 0) this.byNode.delete(node);
      else this.byNode.set(node, rest.length === 1 ? rest[0] : rest);
    }
  }

  /** The figures indexed under a node (an array of none or one is made only here, not stored). */
  private figuresOn(node: Text): readonly PageFigure[] {
    const had = this.byNode.get(node);
    return had === undefined ? [] : Array.isArray(had) ? had : [had];
  }

  /** True when a figure already covers the first piece (a rescan must not draw it twice). */
  private covered(segments: NodeSegment[]): boolean {
    const s = segments[0];
    // Asked once per figure a scan places: nothing is allocated when the node has no figure yet (nearly always).
    if (!this.byNode.has(s.node)) return false;
    return this.figuresOn(s.node).some((f) => this.figures.has(f.key) && f.segments.some((o) => o.node === s.node && o.start < s.end && s.start < o.end));
  }

  /** Figures whose text includes the character at (node, offset) or ends right before it. */
  figuresAt(node: Node, offset: number): PageFigure[] {
    if (node.nodeType !== 3) return [];
    return this.figuresOn(node as Text).filter(
      (f) => this.figures.has(f.key) && f.segments.some((s) => s.node === node && s.start <= offset && offset <= s.end),
    );
  }

  /** The figure drawn under the point (x, y) of the viewport, if any. */
  figureAtPoint(x: number, y: number): PageFigure | undefined {
    const caret = caretAt(this.doc, x, y);
    if (!caret) return undefined;
    return this.figuresAt(caret.node, caret.offset).find((f) => {
      const live = liveRange(this.doc, f.range);
      return !!live && Array.from(live.getClientRects()).some((r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1);
    });
  }

  private drop(fig: PageFigure): void {
    if (!this.figures.delete(fig.key)) return;
    this.viewportList = null;
    this.orderedList = null;
    this.undraw(fig);
    for (const s of fig.segments) this.unindex(s.node, fig);
  }

  /** Drops figures whose text the page removed or rewrote, and those under `roots`; returns the dropped. */
  private dropStale(roots: readonly Element[]): PageFigure[] {
    const dropped: PageFigure[] = [];
    for (const fig of this.figures.values()) {
      const gone =
        fig.segments.some((s) => !s.node.isConnected || s.end > s.node.length) ||
        roots.some((root) => root === fig.container || root.contains(fig.container) || fig.container.contains(root));
      if (gone) dropped.push(fig);
    }
    for (const fig of dropped) this.drop(fig);
    return dropped;
  }

  /**
   * Follows a page change: the blocks around the changed nodes are read again and their figures
   * rebuilt; figures elsewhere stay as they are. Returns how many figures changed.
   */
  async rescan(changed: readonly Node[], root: Element, options: SliceOptions = {}): Promise<number> {
    const containers = new Set<Element>();
    for (const node of changed) {
      if (!node.isConnected || !root.contains(node)) continue;
      if (isInsideSkipped(node, root)) continue;
      containers.add(blockContainer(node.nodeType === 3 ? (node.parentNode ?? node) : node, root));
    }
    let roots = Array.from(containers);
    roots = roots.filter((el) => !roots.some((other) => other !== el && other.contains(el)));
    if (roots.length > MAX_ROOTS || roots.includes(root)) roots = [root];
    const dropped = this.dropStale(roots);
    // Blocks of dropped figures the page still shows are read again too (text replaced in place).
    for (const fig of dropped) {
      if (fig.container.isConnected && root.contains(fig.container) && !roots.some((r) => r === fig.container || r.contains(fig.container)))
        roots.push(fig.container);
    }
    let changedCount = dropped.length;
    for (const el of roots) {
      if (options.signal?.aborted) break;
      const heading = el === root ? '' : headingBefore(el, root);
      changedCount += await this.apply(await this.scan(el, { ...options, heading }), options);
    }
    return changedCount;
  }

  /** Removes every highlight (the page is left exactly as it was: nothing of ours was in it). */
  removeAll(): void {
    for (const fig of Array.from(this.figures.values())) this.drop(fig);
    this.figures.clear();
    this.byNode.clear();
    this.orderedList = null;
    this.viewportList = null;
    this.drawn.clear();
    this.virtual = false;
    this.painter.hide();
  }

  /** Figures in document order (a copy). */
  ordered(): PageFigure[] {
    this.orderedList ??= Array.from(this.figures.values()).sort((a, b) => compareFigures(a, b));
    return this.orderedList.slice();
  }
}

/** Document order of two figures (keys follow it within one scan; rescans add later keys). */
export function compareFigures(a: PageFigure, b: PageFigure): number {
  if (a === b) return 0;
  const an = a.segments[0].node;
  const bn = b.segments[0].node;
  if (an === bn) return a.segments[0].start - b.segments[0].start;
  const pos = an.compareDocumentPosition(bn);
  return pos & 4 /* FOLLOWING */ ? -1 : pos & 2 /* PRECEDING */ ? 1 : a.order - b.order;
}

/** The text position under a point: caretPositionFromPoint (standard) or caretRangeFromPoint (older Chromium). */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}
