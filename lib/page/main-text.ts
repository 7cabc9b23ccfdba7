/**
 * The page's main text: its blocks joined by '\n', with a way back from a text node to a main-text
 * offset. Anchors (anchor.ts) are taken against this text, so it must read the same before and
 * after highlighting and after a reload: zb-mark is inline, so wrapping figures does not change it.
 */
import type { MainText } from './anchor';
import type { Block, TextSpan } from './blocks';

export interface MainTextIndex extends MainText {
  blocks: Block[];
  /** Main-text offset of each block's first character. */
  offsets: number[];
  /** Main-text offset of node.data[offset], or -1 when that character is not in the main text. */
  locate(node: Text, offset: number): number;
}

export function buildMainTextIndex(blocks: Block[]): MainTextIndex {
  const offsets: number[] = [];
  const byNode = new Map<Text, { base: number; span: TextSpan }[]>();
  let at = 0;
  for (const block of blocks) {
    offsets.push(at);
    for (const span of block.spans) {
      let list = byNode.get(span.node);
      if (!list) byNode.set(span.node, (list = []));
      list.push({ base: at, span });
    }
    at += block.text.length + 1;
  }
  const text = blocks.map((b) => b.text).join('\n');
  return {
    text,
    blocks,
    offsets,
    locate(node, offset) {
      const list = byNode.get(node);
      if (!list) return -1;
      for (const { base, span } of list) {
        if (offset >= span.nodeStart && offset < span.nodeStart + span.length) return base + span.blockStart + (offset - span.nodeStart);
      }
      return -1;
    },
  };
}

function textNodesIn(el: Element): Text[] {
  const out: Text[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.length > 0) out.push(n as Text);
  return out;
}

/** Main-text range covered by a figure's marks (in order), or null when they are not in the main text. */
export function rangeOfMarks(marks: readonly Element[], index: MainTextIndex): { start: number; end: number } | null {
  if (marks.length === 0) return null;
  const first = textNodesIn(marks[0])[0];
  const lastNodes = textNodesIn(marks[marks.length - 1]);
  const last = lastNodes[lastNodes.length - 1];
  if (!first || !last) return null;
  const start = locateForward(index, first);
  const end = locateBackward(index, last);
  return start === -1 || end === -1 || end <= start ? null : { start, end };
}

// The first/last character of a mark can be collapsed white space, which has no main-text offset.
function locateForward(index: MainTextIndex, node: Text): number {
  for (let i = 0; i < node.data.length; i++) {
    const at = index.locate(node, i);
    if (at !== -1) return at;
  }
  return -1;
}

function locateBackward(index: MainTextIndex, node: Text): number {
  for (let i = node.data.length - 1; i >= 0; i--) {
    const at = index.locate(node, i);
    if (at !== -1) return at + 1;
  }
  return -1;
}
