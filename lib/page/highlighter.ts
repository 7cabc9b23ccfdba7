/**
 * The figures highlighted on the page: finds them (scan.ts), wraps them in time-sliced batches
 * (annotate.ts), keeps up with page changes, and removes them again.
 */
import type { Indicator } from '../extract/types';
import { markOf, segmentsForRange } from './blocks';
import { blockContainer, isInsideSkipped } from './dom-rules';
import { headingBefore } from './headings';
import { MARK_NAME, planSegments, type PlannedFigure, unwrapMarks, wrapFigures } from './annotate';
import { ExtractionCache, type Extractor, type FoundFigure, type ScanResult, scanBlocks } from './scan';
import { SliceClock, type SliceOptions } from './schedule';

export interface Figure {
  id: string;
  /** Document order among figures found in one scan (ids are numbered in it). */
  order: number;
  /** Offsets relative to its block (only `sentence` is used after wrapping). */
  indicator: Indicator;
  heading: string;
  sentence: string;
  marks: HTMLElement[];
  /** The text the marks held when wrapped, to notice the page rewriting it. */
  wrappedText: string;
  /** What the page shows (optimistic). */
  clipped: boolean;
  /** What the clip store holds, as far as we know. */
  stored: boolean;
  /** Ids of the stored clips that anchor on this figure. */
  clipIds: string[];
}

export interface Quiet {
  quietly<T>(write: () => T): T;
}

const MAX_SENTENCE = 4000;
/** Figures wrapped per DOM batch (a batch never straddles a time slice). */
const WRAP_BATCH = 40;

interface Planned {
  found: FoundFigure;
  order: number;
  figure: PlannedFigure;
}
const MAX_ROOTS = 40;

export class Highlighter {
  readonly figures = new Map<string, Figure>();
  readonly cache = new ExtractionCache();
  private nextId = 1;
  private byMark = new WeakMap<Element, Figure>();

  constructor(
    private readonly doc: Document,
    private readonly extract: Extractor,
    public quiet: Quiet = { quietly: (write) => write() },
  ) {}

  scan(root: Element, options: SliceOptions & { heading?: string } = {}): Promise<ScanResult> {
    return scanBlocks(root, { ...options, extract: this.extract, cache: this.cache });
  }

  /** Wraps the scanned figures not highlighted yet, in time-sliced batches; returns how many were added. */
  async apply(scan: ScanResult, options: SliceOptions = {}): Promise<number> {
    const batches: Planned[][] = [];
    let group: FoundFigure[] = [];
    const flush = () => {
      const planned = this.plan(group);
      // From the end of the block backwards: earlier offsets in a text node stay valid between batches.
      for (let end = planned.length; end > 0; end -= WRAP_BATCH) batches.push(planned.slice(Math.max(0, end - WRAP_BATCH), end));
      group = [];
    };
    for (const found of scan.figures) {
      if (group.length > 0 && group[0].block !== found.block) flush();
      group.push(found);
    }
    flush();
    let added = 0;
    const clock = new SliceClock(options.budgetMs);
    let i = 0;
    while (i < batches.length) {
      this.quiet.quietly(() => {
        do added += this.wrapBatch(batches[i++]);
        while (i < batches.length && !clock.spent());
      });
      if (i < batches.length && !(await clock.yield(options.signal))) break;
    }
    return added;
  }

  /** Figures of one block with their text-node pieces; ids follow document order. */
  private plan(group: FoundFigure[]): Planned[] {
    const out: Planned[] = [];
    for (const found of group) {
      const segments = planSegments(segmentsForRange(found.block, found.indicator.start, found.indicator.end));
      if (segments.length === 0 || segments.some((s) => markOf(s.node))) continue;
      const order = this.nextId++;
      out.push({ found, order, figure: { data: { id: `zb${order}`, indicator: found.indicator, clipped: false }, segments } });
    }
    return out;
  }

  private wrapBatch(batch: Planned[]): number {
    const wrapped = wrapFigures(this.doc, batch.map((p) => p.figure));
    for (const { found, order, figure: planned } of batch) {
      const marks = wrapped.get(planned.data.id);
      if (!marks) continue;
      const { sentence } = found.indicator;
      const figure: Figure = {
        id: planned.data.id,
        order,
        indicator: found.indicator,
        heading: found.heading,
        sentence: found.block.text.slice(sentence.start, sentence.end).trim().slice(0, MAX_SENTENCE),
        marks,
        wrappedText: marks.map((m) => m.textContent ?? '').join(''),
        clipped: false,
        stored: false,
        clipIds: [],
      };
      this.figures.set(figure.id, figure);
      for (const mark of marks) this.byMark.set(mark, figure);
    }
    return wrapped.size;
  }

  figureOf(mark: Element): Figure | undefined {
    return this.byMark.get(mark);
  }

  /** Drops figures the page removed or rewrote (unwrapping what is left of them); returns how many. */
  prune(): number {
    return this.pruneStale().length;
  }

  /** The elements that held the stale figures' marks, so their text can be read again. */
  private pruneStale(): Element[] {
    const stale: Figure[] = [];
    for (const fig of this.figures.values()) {
      const intact = fig.marks.every((m) => m.isConnected) && fig.marks.map((m) => m.textContent ?? '').join('') === fig.wrappedText;
      if (!intact) stale.push(fig);
    }
    if (stale.length === 0) return [];
    const live = stale.flatMap((f) => f.marks.filter((m) => m.isConnected));
    const parents = live.map((m) => m.parentElement).filter((p): p is HTMLElement => p !== null);
    this.quiet.quietly(() => unwrapMarks(live));
    for (const fig of stale) this.figures.delete(fig.id);
    return parents;
  }

  /** Highlights what changed under `root` (new or rewritten content), leaving existing highlights alone. */
  async rescan(changed: readonly Node[], root: Element, options: SliceOptions = {}): Promise<number> {
    const containers = new Set<Element>();
    for (const node of [...changed, ...this.pruneStale()]) {
      if (!node.isConnected || !root.contains(node)) continue;
      if (node.nodeType === 1 && (node as Element).tagName.toUpperCase() === MARK_NAME.toUpperCase()) continue;
      if (isInsideSkipped(node, root)) continue;
      containers.add(blockContainer(node.nodeType === 3 ? node.parentNode ?? node : node, root));
    }
    let roots = Array.from(containers);
    roots = roots.filter((el) => !roots.some((other) => other !== el && other.contains(el)));
    if (roots.length > MAX_ROOTS || roots.includes(root)) roots = [root];
    let added = 0;
    for (const el of roots) {
      if (options.signal?.aborted) break;
      const heading = el === root ? '' : headingBefore(el, root);
      const scan = await this.scan(el, { ...options, heading });
      added += await this.apply(scan, options);
    }
    return added;
  }

  /** Removes every highlight in the document (ours, or left by an earlier copy of the script). */
  async removeAll(options: SliceOptions = {}): Promise<number> {
    const marks = Array.from(this.doc.querySelectorAll(MARK_NAME));
    const clock = new SliceClock(options.budgetMs);
    let i = 0;
    while (i < marks.length) {
      this.quiet.quietly(() => {
        do unwrapMarks([marks[i++]]);
        while (i < marks.length && !clock.spent());
      });
      if (i < marks.length) await clock.yield();
    }
    this.figures.clear();
    this.byMark = new WeakMap();
    return marks.length;
  }
}
