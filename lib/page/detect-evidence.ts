/**
 * The page's own words, as detection weighs them: its titles, and the lines of its main text
 * without the text of links, navigation, menus and link lists. A portal's menu that lists
 * 政府工作报告 says where the report is, not that this page is one.
 */
import { type Block, forEachRun } from './blocks';

/** Elements whose text points elsewhere: links, navigation and menus (by tag or ARIA role). */
const POINTERS =
  'a,nav,menu,[role=navigation],[role=menu],[role=menubar],[role=menuitem],[role=menuitemradio],[role=menuitemcheckbox],[role=tablist],[role=tab]';
const LISTS = 'ul,ol,dl';
/** A list is a link list when at least this share of its items are links. */
const LINK_LIST_SHARE = 0.6;
/** An item is a link when link text is at least this share of its text (a date or a count beside the link is allowed). */
const LINK_ITEM_SHARE = 0.4;

const visibleLength = (text: string | null | undefined): number => (text ?? '').replace(/\s+/g, '').length;

/**
 * An item is a link when link text is most of its own text: the text of a list nested in it (a
 * submenu) is its own list's business.
 */
function isLinkItem(item: Element): boolean {
  let total = 0;
  let linked = 0;
  const walker = item.ownerDocument.createTreeWalker(item, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || (parent !== item && parent.closest(LISTS) !== item.closest(LISTS))) continue;
    const length = visibleLength((n as Text).data);
    total += length;
    if (parent.closest('a') && item.contains(parent.closest('a'))) linked += length;
  }
  return total > 0 && linked >= total * LINK_ITEM_SHARE;
}

/** True for a <ul>, <ol> or <dl> whose items are mostly links (a menu or a list of articles without menu markup). */
export function isLinkList(list: Element): boolean {
  const items = Array.from(list.children).filter((c) => /^(LI|DT|DD)$/i.test(c.tagName) && visibleLength(c.textContent) > 0);
  if (items.length < 2) return false;
  return items.filter(isLinkItem).length >= items.length * LINK_LIST_SHARE;
}

/** Answers, with a cache for the call, whether an element's text points elsewhere rather than being the page's own words. */
export class PointerTest {
  private readonly elements = new Map<Element, boolean>();
  private readonly lists = new Map<Element, boolean>();

  /**
   * True when the element or an ancestor is a pointer, or sits in a link list (every enclosing
   * list counts: a submenu <ul> inside a menu <ul> is part of the menu). Answered from the
   * parent's cached answer, so each element is matched once, not once per descendant.
   */
  isPointer(el: Element | null): boolean {
    if (!el) return false;
    const known = this.elements.get(el);
    if (known !== undefined) return known;
    // The ancestors without an answer yet, nearest first; answered from the top down.
    const chain: Element[] = [];
    let inherited = false;
    for (let at: Element | null = el; at; at = at.parentElement) {
      const cached = this.elements.get(at);
      if (cached !== undefined) {
        inherited = cached;
        break;
      }
      chain.push(at);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const at = chain[i];
      inherited = inherited || at.matches(POINTERS) || (at.matches(LISTS) && this.isLinkyList(at));
      this.elements.set(at, inherited);
    }
    return inherited;
  }

  private isLinkyList(list: Element): boolean {
    let linky = this.lists.get(list);
    if (linky === undefined) {
      linky = isLinkList(list);
      this.lists.set(list, linky);
    }
    return linky;
  }
}

/**
 * A block's text without the parts that sit in links, navigation, menus or link lists. Nearly
 * every block of a text has none: its own text is then the block's string itself, not a copy.
 */
function ownText(block: Block, pointers: PointerTest): string {
  if (pointers.isPointer(block.container)) return '';
  if (!block.nodes.some((node) => pointers.isPointer(node.parentElement))) return block.text;
  const parts: string[] = [];
  forEachRun(block, (node, _nodeStart, blockStart, length) => {
    if (!pointers.isPointer(node.parentElement)) parts.push(block.text.slice(blockStart, blockStart + length));
  });
  return parts.join('');
}

/** The main text's lines (one a block, trimmed, empty ones dropped) that are the page's own words. */
export function evidenceLines(blocks: Iterable<Block>, pointers = new PointerTest()): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    const text = evidenceLine(block, pointers);
    if (text) lines.push(text);
  }
  return lines;
}

/** One block's line of evidenceLines ('' when it has none); for callers that read a big page in time slices. */
export function evidenceLine(block: Block, pointers: PointerTest): string {
  return ownText(block, pointers).trim();
}

/** The page's titles: <title>, og:title and the first <h1>s that are not links, hold no link (a logo) and sit in no menu. */
export function pageTitles(doc: Document, pointers = new PointerTest()): string[] {
  const headings = Array.from(doc.querySelectorAll('h1'))
    .filter((h) => !pointers.isPointer(h) && !isLinkItem(h))
    .slice(0, 3)
    .map((h) => h.textContent ?? '');
  return [doc.title, doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '', ...headings]
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
