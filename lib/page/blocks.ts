/**
 * The page's main text as blocks (paragraphs, list items, table cells, headings, runs of direct
 * text in a div…). A block's text joins its text nodes with white space collapsed as the browser
 * renders it, and maps every block offset back to (text node, offset), so a figure split across
 * inline elements (`<b>98</b>%`) is found and can be drawn node by node. Text is never joined
 * across blocks.
 */
import { classifyElement, keepsLineBreaks } from './dom-rules';
import { TextSource } from './text-source';

export interface Block {
  text: string;
  /**
   * Where the text comes from, as runs: run i is block text from offsets[2i + 1] up to the next
   * run's (or the end), taken from nodes[i].data at offsets[2i]. Flat pairs of numbers, not an
   * object per run: a huge page has 200,000 text nodes, and a scan holds them all while it runs.
   */
  nodes: Text[];
  offsets: number[];
  /** The element that bounds the block (its paragraph, cell, heading, div…). */
  container: Element;
}

/** Where run i of the block ends in its text: the next run's start, or the text's end. */
function runEnd(block: Block, i: number): number {
  return i + 1 < block.nodes.length ? block.offsets[2 * i + 3] : block.text.length;
}

/**
 * Calls `visit` for each run of the block, in order (no object made per run): block text
 * [blockStart, blockStart + length) is node.data [nodeStart, nodeStart + length).
 */
export function forEachRun(block: Block, visit: (node: Text, nodeStart: number, blockStart: number, length: number) => void): void {
  for (let i = 0; i < block.nodes.length; i++) {
    const blockStart = block.offsets[2 * i + 1];
    visit(block.nodes[i], block.offsets[2 * i], blockStart, runEnd(block, i) - blockStart);
  }
}

/** A piece of one text node that a range of block text covers. */
export interface NodeSegment {
  node: Text;
  start: number;
  end: number;
}

// White space collapses to one space; zero-width characters (used against copying) vanish.
// (Alternation, not a class: U+200D is a joiner, which a class would misread.)
const GAP = /(?:\s|\u200b|\u200c|\u200d|\u2060|\u00ad)+/g;
const REAL_SPACE = /\s/;

/**
 * Builds one block at a time; `finish` hands the block over and starts the next. One builder serves
 * a whole walk, so its working arrays are reused: a block keeps exact-size copies (an array grown by
 * push holds room for 17 entries, and a huge page's scan holds a block per paragraph while it runs).
 */
class BlockBuilder {
  private pieces: string[] = [];
  private length = 0;
  private nodes: Text[] = [];
  private offsets: number[] = [];
  private spaceNode: Text | null = null;
  private spaceOffset = 0;

  constructor(public container: Element) {}

  /** Adds node.data[from, to) (all of it by default); `data`: the node's text where the caller has it already. */
  addText(node: Text, from = 0, to = node.length, data = node.data): void {
    GAP.lastIndex = from;
    for (let m = GAP.exec(data); ; m = GAP.exec(data)) {
      if (m && m.index >= to) m = null;
      const gapStart = m ? m.index : to;
      if (gapStart > from) this.addRun(node, from, gapStart, data);
      if (!m) break;
      const gap = data.slice(m.index, Math.min(m.index + m[0].length, to));
      if (this.length > 0 && !this.spaceNode && REAL_SPACE.test(gap)) {
        this.spaceNode = node;
        this.spaceOffset = m.index + gap.search(REAL_SPACE);
      }
      from = m.index + m[0].length;
      if (from >= to) break;
    }
  }

  private addRun(node: Text, start: number, end: number, data: string): void {
    if (this.spaceNode) {
      this.push(this.spaceNode, this.spaceOffset, ' ');
      this.spaceNode = null;
    }
    this.push(node, start, data.slice(start, end));
  }

  private push(node: Text, nodeStart: number, text: string): void {
    const last = this.nodes.length - 1;
    // The same node right after the last run's end (its start plus the text it gave so far): one run.
    const continues = last >= 0 && this.nodes[last] === node && this.offsets[2 * last] + (this.length - this.offsets[2 * last + 1]) === nodeStart;
    if (!continues) {
      this.nodes.push(node);
      this.offsets.push(nodeStart, this.length);
    }
    this.pieces.push(text);
    this.length += text.length;
  }

  /** Builds the block so far again from its text nodes' own `data`. */
  reread(): void {
    const nodes = this.nodes.filter((node, i) => i === 0 || node !== this.nodes[i - 1]);
    this.finish(this.container);
    for (const node of nodes) this.addText(node);
  }

  /** The block built so far (null: no text); the builder then starts an empty block in `next`. */
  finish(next: Element): Block | null {
    const block: Block | null =
      this.length === 0
        ? null
        : {
            text: this.pieces.length === 1 ? this.pieces[0] : this.pieces.join(''),
            nodes: this.nodes.slice(),
            offsets: this.offsets.slice(),
            container: this.container,
          };
    this.container = next;
    this.pieces.length = 0;
    this.nodes.length = 0;
    this.offsets.length = 0;
    this.length = 0;
    this.spaceNode = null;
    return block;
  }
}

/**
 * Blocks under `root` in document order. A generator, so a caller can stop between blocks and
 * yield to the page (see schedule.ts); if the page moves the walk's position out of `root`
 * meanwhile, the walk ends (the mutation observer rescans). Iterative, so deeply nested markup
 * cannot overflow the stack.
 */
export function* iterateBlocks(root: Element): Generator<Block> {
  const containers: Element[] = [root];
  // Inside <pre> (or white-space: pre…) each line is a block: a .txt file shown by the browser is one text node.
  const linesAreBlocks: boolean[] = [keepsLineBreaks(root)];
  const spent = { wasted: 0 };
  const sources: TextSource[] = [new TextSource(root, spent, linesAreBlocks[0])];
  const builder = new BlockBuilder(root);
  const startBlock = (container: Element): Block | null => builder.finish(container);
  const leave = (el: Element): Block | null => {
    if (containers[containers.length - 1] !== el) return null;
    containers.pop();
    linesAreBlocks.pop();
    // The block's nodes did not add up to its whole text (see TextSource): they are read one by one.
    if (!sources.pop()!.verify()) builder.reread();
    return startBlock(containers[containers.length - 1]);
  };

  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    let done: Block | null = null;
    if (node.nodeType === 3) {
      const text = node as Text;
      if (linesAreBlocks[linesAreBlocks.length - 1] && text.data.includes('\n')) {
        const container = containers[containers.length - 1];
        let from = 0;
        for (let nl = text.data.indexOf('\n'); nl !== -1; nl = text.data.indexOf('\n', from)) {
          builder.addText(text, from, nl);
          const line = startBlock(container);
          if (line) yield line;
          from = nl + 1;
        }
        builder.addText(text, from, text.data.length);
        if (!root.contains(node)) return;
      } else builder.addText(text, 0, text.length, sources[sources.length - 1].dataOf(text));
    } else if (node.nodeType === 4) {
      // A CDATA section (XHTML): in the container's whole text, but not read as text by the walk.
      sources[sources.length - 1].stop();
    } else if (node.nodeType === 1) {
      const el = node as Element;
      const kind = classifyElement(el);
      if (kind !== 'inline') sources[sources.length - 1].stop();
      if (kind === 'skip-separate') done = startBlock(containers[containers.length - 1]);
      else if (kind === 'block') {
        done = startBlock(el);
        containers.push(el);
        linesAreBlocks.push(linesAreBlocks[linesAreBlocks.length - 1] || keepsLineBreaks(el));
        sources.push(new TextSource(el, spent, linesAreBlocks[linesAreBlocks.length - 1]));
        descend = true;
      } else if (kind === 'inline') descend = true;
    }
    if (done) {
      yield done;
      if (!root.contains(node)) return;
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    const closed: Block[] = [];
    if (descend) pushIf(closed, leave(node as Element));
    // Climb until a next sibling exists, closing the blocks we leave.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root) pushIf(closed, leave(node as Element));
    }
    const next: Node | null = node && node !== root ? node.nextSibling : null;
    for (const block of closed) yield block;
    if (closed.length > 0 && next && !root.contains(next)) return;
    node = next;
  }
  if (!sources[0].verify()) builder.reread();
  const last = builder.finish(root);
  if (last) yield last;
}

function pushIf(list: Block[], block: Block | null): void {
  if (block) list.push(block);
}

/** All blocks under `root` at once (tests, small pages). */
export function collectBlocks(root: Element): Block[] {
  return Array.from(iterateBlocks(root));
}

/** The run that holds block offset `offset` (binary search on the runs' block starts). */
function runIndexAt(block: Block, offset: number): number {
  let lo = 0;
  let hi = block.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (block.offsets[2 * mid + 1] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The text-node pieces that block text [start, end) covers, one per text node, in order. White
 * space collapsed inside the range is covered too, so drawing them keeps the figure whole.
 */
export function segmentsForRange(block: Block, start: number, end: number): NodeSegment[] {
  if (start < 0 || end > block.text.length || start >= end || block.nodes.length === 0) return [];
  const first = runIndexAt(block, start);
  const last = runIndexAt(block, end - 1);
  // Nearly every figure lies in one run: an array of one (a figure keeps its pieces; one grown by push holds room for 17).
  if (first === last) {
    const nodeStart = block.offsets[2 * first];
    const blockStart = block.offsets[2 * first + 1];
    return [{ node: block.nodes[first], start: nodeStart + (start - blockStart), end: nodeStart + (end - blockStart) }];
  }
  const out: NodeSegment[] = [];
  for (let i = first; i <= last; i++) {
    const node = block.nodes[i];
    const nodeStart = block.offsets[2 * i];
    const blockStart = block.offsets[2 * i + 1];
    const from = i === first ? nodeStart + (start - blockStart) : nodeStart;
    const to = i === last ? nodeStart + (end - blockStart) : nodeStart + (runEnd(block, i) - blockStart);
    const prev = out[out.length - 1];
    if (prev && prev.node === node) prev.end = to;
    else out.push({ node, start: from, end: to });
  }
  return out.slice();
}
