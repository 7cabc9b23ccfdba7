/**
 * Scanning: walk the main text block by block (time-sliced), track section headings, and run the
 * extractor on each block. Long blocks are cut at sentence ends so one call stays short; results
 * are cached by (heading, text), so rescans after page changes cost little.
 */
import type { ExtractOptions, Indicator } from '../extract/types';
import { type Block, iterateBlocks } from './blocks';
import { HeadingTracker } from './headings';
import { SliceClock, type SliceOptions } from './schedule';
import { TableReader } from './tables';

export type Extractor = (text: string, options?: ExtractOptions) => Indicator[];

export interface FoundFigure {
  block: Block;
  /** Offsets relative to block.text. */
  indicator: Indicator;
  heading: string;
  /** What the figure is quoted with where not its sentence in the block (a table cell's headers). */
  sentence?: string;
}

// Small enough that one extractor call stays a few milliseconds even before the JIT warms up.
const MAX_CHUNK = 1200;
const MIN_CHUNK = 400;
const SENTENCE_END = /[。！？!?；;\n]/;
const SOFT_BREAK = /[，,、：:\s）)」』”]/;

/** Cuts long text at sentence ends (else at a comma or space) into pieces of at most MAX_CHUNK. */
export function chunkText(text: string): { start: number; text: string }[] {
  if (text.length <= MAX_CHUNK) return [{ start: 0, text }];
  const out: { start: number; text: string }[] = [];
  let start = 0;
  while (text.length - start > MAX_CHUNK) {
    let cut = -1;
    for (const pattern of [SENTENCE_END, SOFT_BREAK]) {
      for (let i = start + MAX_CHUNK; i > start + MIN_CHUNK && cut === -1; i--) if (pattern.test(text[i - 1])) cut = i;
      if (cut !== -1) break;
    }
    if (cut === -1) cut = start + MAX_CHUNK;
    out.push({ start, text: text.slice(start, cut) });
    start = cut;
  }
  out.push({ start, text: text.slice(start) });
  return out;
}

export class ExtractionCache {
  /** By heading, then by text: the block's own string is the key (a joined key would copy every block's text). */
  private map = new Map<string, Map<string, Indicator[]>>();
  private size = 0;
  constructor(private readonly maxEntries = 50000) {}

  get(text: string, heading: string, extract: Extractor): Indicator[] {
    let byText = this.map.get(heading);
    let found = byText?.get(text);
    if (!found) {
      try {
        found = extract(text, heading ? { heading } : {});
      } catch {
        found = []; // a bad block must not stop the page
      }
      if (this.size >= this.maxEntries) {
        this.map.clear();
        this.size = 0;
        byText = undefined;
      }
      if (!byText) this.map.set(heading, (byText = new Map()));
      byText.set(text, found);
      this.size++;
    }
    return found;
  }
}

/** Indicators of one chunk of a block, offsets made relative to the block, skipping overlaps. */
function extractChunk(
  block: Block,
  chunk: { start: number; text: string },
  heading: string,
  extract: Extractor,
  cache: ExtractionCache,
  out: Indicator[],
): void {
  let lastEnd = out.length ? out[out.length - 1].end : 0;
  const found = [...cache.get(chunk.text, heading, extract)].sort((a, b) => a.start - b.start);
  for (const ind of found) {
    const start = ind.start + chunk.start;
    const end = ind.end + chunk.start;
    if (start < lastEnd || end <= start || block.text.slice(start, end) !== ind.text) continue;
    lastEnd = end;
    // A block read in one piece (nearly all of them) keeps the extractor's own object: no copy to make and collect.
    if (chunk.start === 0) {
      out.push(ind);
      continue;
    }
    out.push({
      ...ind,
      start,
      end,
      sentence: { start: ind.sentence.start + chunk.start, end: ind.sentence.end + chunk.start },
    });
  }
}

/** The block's indicators, offsets relative to the block, in order, none overlapping. */
export function extractBlock(block: Block, heading: string, extract: Extractor, cache: ExtractionCache): Indicator[] {
  const out: Indicator[] = [];
  for (const chunk of chunkText(block.text)) extractChunk(block, chunk, heading, extract, cache, out);
  return out;
}

export interface ScanOptions extends SliceOptions {
  extract: Extractor;
  cache: ExtractionCache;
  /** Heading in force where the scan starts (for a part of the page scanned on its own). */
  heading?: string;
}

export interface ScanResult {
  blocks: Block[];
  figures: FoundFigure[];
  /** False when aborted part-way. */
  complete: boolean;
}

export async function scanBlocks(root: Element, options: ScanOptions): Promise<ScanResult> {
  const clock = new SliceClock(options.budgetMs);
  const tracker = new HeadingTracker(options.heading ?? '');
  const blocks: Block[] = [];
  const figures: FoundFigure[] = [];
  const tables = new TableReader(root);
  if (options.signal?.aborted) return { blocks, figures, complete: false };
  for (const block of iterateBlocks(root)) {
    blocks.push(block);
    const heading = tracker.next(block);
    // A data table's cell is read as a cell of its table, never as running text.
    const inTable = tables.figureOf(block);
    if (inTable !== undefined) {
      if (inTable) figures.push({ block, indicator: inTable.indicator, heading, sentence: inTable.sentence });
      if (clock.spent() && !(await clock.yield(options.signal))) return { blocks, figures, complete: false };
      continue;
    }
    const found: Indicator[] = [];
    // A huge block (one text node for a whole page) is read a chunk at a time, yielding between.
    for (const chunk of chunkText(block.text)) {
      extractChunk(block, chunk, heading, options.extract, options.cache, found);
      if (clock.spent() && !(await clock.yield(options.signal))) return { blocks, figures, complete: false };
    }
    for (const indicator of found) figures.push({ block, indicator, heading });
  }
  return { blocks, figures, complete: true };
}
