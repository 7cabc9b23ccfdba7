/**
 * Section headings: which heading each block sits under, so the extractor can tell a plan
 * (二、2024年目标任务) from a report of results (一、2023年工作回顾), and the clip can keep it.
 */
import type { Block } from './blocks';
import { blockContainer, classifyElement } from './dom-rules';
import { looksLikeHeading } from '../extract/headings';

// The text rule is shared with the extractor (lib/extract/headings.ts); the DOM rules are here.
export { looksLikeHeading, startsWithSectionMarker } from '../extract/headings';

function headingLevel(el: Element): number {
  const m = /^H([1-6])$/i.exec(el.tagName);
  if (m) return Number(m[1]);
  return el.getAttribute('role') === 'heading' ? 2 : 0;
}

/** The heading a block is, or null. */
export function headingOfBlock(block: Block): string | null {
  const text = block.text.trim();
  if (!text) return null;
  if (headingLevel(block.container) > 0 && text.length <= 200) return text;
  return looksLikeHeading(text) ? text : null;
}

/** Walks blocks in document order and answers which heading each sits under. */
export class HeadingTracker {
  constructor(private current = '') {}

  /** The heading for this block (the block itself when it is one). */
  next(block: Block): string {
    const own = headingOfBlock(block);
    if (own !== null) this.current = own;
    return this.current;
  }
}

const MAX_LOOKBACK = 2000;

/**
 * The nearest heading before `node` in document order, for content that appears after load and is
 * scanned on its own. Looks back over at most a couple of thousand elements.
 */
export function headingBefore(node: Node, root: Element): string {
  let at: Node | null = node;
  for (let i = 0; i < MAX_LOOKBACK && at; i++) {
    at = previousInDocument(at, root);
    if (at?.nodeType !== 1) continue;
    const el = at as Element;
    if (el.contains(node)) continue;
    const level = headingLevel(el);
    if (level === 0 && blockContainer(el, root) !== el) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text || text.length > 200) continue;
    const kind = classifyElement(el);
    if (kind === 'skip' || kind === 'skip-separate') continue;
    if (level > 0 || looksLikeHeading(text)) return text;
  }
  return '';
}

/** The node before `node` in document order, within `root` (the previous sibling's last descendant, or the parent). */
function previousInDocument(node: Node, root: Element): Node | null {
  if (node === root) return null;
  let prev = node.previousSibling;
  if (!prev) return node.parentNode === root ? null : node.parentNode;
  while (prev.lastChild) prev = prev.lastChild;
  return prev;
}
