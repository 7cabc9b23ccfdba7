/**
 * The page's main text: its blocks joined by '\n', with a way back from a text node to a main-text
 * offset. Anchors (anchor.ts) are taken against this text, so it must read the same before and
 * after highlighting and after a reload: highlights are ranges over the page's own text nodes, so
 * highlighting never changes it.
 */
import type { MainText } from './anchor';
import { type Block, forEachRun, type NodeSegment, segmentsForRange } from './blocks';

export interface MainTextIndex extends MainText {
  blocks: Block[];
  /** Main-text offset of each block's first character. */
  offsets: number[];
  /** Main-text offset of node.data[offset], or -1 when that character is not in the main text. */
  locate(node: Text, offset: number): number;
}

export function buildMainTextIndex(blocks: Block[]): MainTextIndex {
  const offsets: number[] = [];
  /** Per text node, its runs: main-text offset of the run's first character, and the part of node.data it covers. */
  const byNode = new Map<Text, { at: number; nodeStart: number; length: number }[]>();
  let at = 0;
  for (const block of blocks) {
    offsets.push(at);
    const base = at;
    forEachRun(block, (node, nodeStart, blockStart, length) => {
      let list = byNode.get(node);
      if (!list) byNode.set(node, (list = []));
      list.push({ at: base + blockStart, nodeStart, length });
    });
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
      for (const run of list) {
        if (offset >= run.nodeStart && offset < run.nodeStart + run.length) return run.at + (offset - run.nodeStart);
      }
      return -1;
    },
  };
}

/** Main-text range covered by a figure's text-node pieces (in order), or null when they are not in the main text. */
export function rangeOfSegments(segments: readonly NodeSegment[], index: MainTextIndex): { start: number; end: number } | null {
  if (segments.length === 0) return null;
  const first = segments[0];
  const last = segments[segments.length - 1];
  let start = -1;
  for (let i = first.start; i < first.end && start === -1; i++) start = index.locate(first.node, i);
  let end = -1;
  for (let i = last.end - 1; i >= last.start && end === -1; i--) {
    const at = index.locate(last.node, i);
    if (at !== -1) end = at + 1;
  }
  return start === -1 || end === -1 || end <= start ? null : { start, end };
}

/** The text-node pieces of main text [start, end), within one block (a quote never spans blocks). */
export function segmentsOfMainText(index: MainTextIndex, start: number, end: number): NodeSegment[] {
  let lo = 0;
  let hi = index.offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.offsets[mid] <= start) lo = mid;
    else hi = mid - 1;
  }
  const block = index.blocks[lo];
  if (!block) return [];
  const base = index.offsets[lo];
  return segmentsForRange(block, start - base, Math.min(end - base, block.text.length));
}
