/**
 * Scanning: walk the main text block by block (time-sliced), track section headings, and read
 * each block's figures: in the background where it can (remote-reader.ts: the extractor's work,
 * most of a scan's, then runs off the page's main thread), else here. Long blocks are cut at
 * sentence ends so one call stays short; results are cached by (heading, text), so rescans after
 * page changes cost little.
 */
import type { ExtractOptions, Indicator } from '../extract/types';
import { movedIndicator } from '../messages/packed-indicators';
import { type Block, iterateBlocks } from './blocks';
import { HeadingTracker } from './headings';
import { SliceClock, type SliceOptions } from './schedule';
import { TableReader } from './tables';
import { type BatchExtractor, type Piece, ReadQueue } from './remote-reader';

export type Extractor = (text: string, options?: ExtractOptions) => Indicator[];
export type { BatchExtractor } from './remote-reader';

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

  /** What was found in this text under this heading, if it was read before. */
  peek(text: string, heading: string): Indicator[] | undefined {
    return this.map.get(heading)?.get(text);
  }

  set(text: string, heading: string, found: Indicator[]): void {
    let byText = this.map.get(heading);
    if (this.size >= this.maxEntries) {
      this.map.clear();
      this.size = 0;
      byText = undefined;
    }
    if (!byText) this.map.set(heading, (byText = new Map()));
    if (!byText.has(text)) this.size++;
    byText.set(text, found);
  }

  get(text: string, heading: string, extract: Extractor): Indicator[] {
    let found = this.peek(text, heading);
    if (!found) {
      try {
        found = extract(text, heading ? { heading } : {});
      } catch {
        found = []; // a bad block must not stop the page
      }
      this.set(text, heading, found);
    }
    return found;
  }
}

function inOrder(indicators: readonly Indicator[]): boolean {
  for (let i = 1; i < indicators.length; i++) if (indicators[i].start < indicators[i - 1].start) return false;
  return true;
}

/** Places the indicators of the chunk at `offset` in the block: offsets made relative to the block, overlaps skipped. */
function placeChunk(block: Block, offset: number, indicators: Indicator[], out: Indicator[]): void {
  let lastEnd = out.length ? out[out.length - 1].end : 0;
  // (The extractor's lists come in order: a copy to sort is made only for one that does not.)
  const found = inOrder(indicators) ? indicators : [...indicators].sort((a, b) => a.start - b.start);
  for (const ind of found) {
    const start = ind.start + offset;
    const end = ind.end + offset;
    const text = ind.text;
    // (Compared in place: no copy of the block's text per figure.)
    if (start < lastEnd || end <= start || text.length !== end - start || !block.text.startsWith(text, start)) continue;
    lastEnd = end;
    // A block read in one piece (nearly all of them) keeps the extractor's own object: no copy to make and collect.
    if (offset === 0) {
      out.push(ind);
      continue;
    }
    out.push(movedIndicator(ind, offset));
  }
}

/** The block's indicators, offsets relative to the block, in order, none overlapping. */
export function extractBlock(block: Block, heading: string, extract: Extractor, cache: ExtractionCache): Indicator[] {
  const out: Indicator[] = [];
  for (const chunk of chunkText(block.text)) placeChunk(block, chunk.start, cache.get(chunk.text, heading, extract), out);
  return out;
}

export interface ScanOptions extends SliceOptions {
  extract: Extractor;
  cache: ExtractionCache;
  /** Reads text off the page's main thread (the background); `extract` reads what it could not. */
  remote?: BatchExtractor;
  /** Heading in force where the scan starts (for a part of the page scanned on its own). */
  heading?: string;
}

export interface ScanResult {
  blocks: Block[];
  figures: FoundFigure[];
  /** False when aborted part-way. */
  complete: boolean;
}

/**
 * A block as walked: a table cell's figure (or null: a cell without one), else its text to read:
 * one piece (nearly every block: no array kept for it), or the chunks of a long text.
 */
interface WalkedBlock {
  block: Block;
  heading: string;
  cell?: { indicator: Indicator; sentence: string } | null;
  piece?: Piece;
  chunks?: { start: number; piece: Piece }[];
}

/**
 * Walks the blocks (sliced), queueing their text to be read as it goes (the background starts on
 * it at once), reads here what the background has not taken, then places what was read in block
 * order (sliced).
 */
export async function scanBlocks(root: Element, options: ScanOptions): Promise<ScanResult> {
  const clock = new SliceClock(options.budgetMs);
  const tracker = new HeadingTracker(options.heading ?? '');
  const blocks: Block[] = [];
  const figures: FoundFigure[] = [];
  const tables = new TableReader(root);
  const reading = new ReadQueue(options.cache, options.remote);
  const walked: WalkedBlock[] = [];
  const aborted = (): ScanResult => ({ blocks, figures, complete: false });
  if (options.signal?.aborted) return aborted();
  for (const block of iterateBlocks(root)) {
    blocks.push(block);
    const heading = tracker.next(block);
    // A data table's cell is read as a cell of its table, never as running text.
    const cell = tables.figureOf(block);
    if (cell !== undefined) walked.push({ block, heading, cell });
    else if (block.text.length <= MAX_CHUNK) walked.push({ block, heading, piece: reading.piece(block.text, heading) });
    else walked.push({ block, heading, chunks: chunkText(block.text).map(({ start, text }) => ({ start, piece: reading.piece(text, heading) })) });
    if (clock.spent() && !(await clock.yield(options.signal))) return aborted();
  }
  reading.finishWalk();
  // The page's share: from the back, until every text is read (by the page or the background).
  for (let piece = reading.takeLast(); piece; piece = reading.takeLast()) {
    if (!piece.found) piece.found = options.cache.get(piece.text, piece.heading, options.extract);
    if (clock.spent() && !(await clock.yield(options.signal))) return aborted();
  }
  if (options.signal?.aborted) return aborted();
  const found: Indicator[] = []; // one block's, emptied for the next
  const read = (piece: Piece) => piece.found ?? options.cache.get(piece.text, piece.heading, options.extract);
  for (const { block, heading, cell, piece, chunks } of walked) {
    if (cell) figures.push({ block, indicator: cell.indicator, heading, sentence: cell.sentence });
    found.length = 0;
    if (piece) placeChunk(block, 0, read(piece), found);
    else if (chunks) for (const chunk of chunks) placeChunk(block, chunk.start, read(chunk.piece), found);
    for (const indicator of found) figures.push({ block, indicator, heading });
    if (clock.spent() && !(await clock.yield(options.signal))) return aborted();
  }
  return { blocks, figures, complete: true };
}
