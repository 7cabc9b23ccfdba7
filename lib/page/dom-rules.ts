/**
 * Which elements hold the page's main text: what to skip (not text, our own UI, page chrome,
 * hidden), and which elements end a block of text (block-level boxes, table cells, <br>).
 */

/** Never rendered as text; skipped without ending the surrounding block (a <script> inside a <p>). */
const SILENT_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'META', 'LINK', 'HEAD']);

/** Controls, embedded content and media: skipped, and they end the block. */
const SEPARATE_TAGS = new Set([
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'OPTGROUP',
  'BUTTON',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'MAP',
  'DATALIST',
]);

/** Page chrome: navigation and site-wide banners. */
const CHROME_TAGS = new Set(['NAV', 'ASIDE']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary', 'menubar', 'menu']);

export const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIR',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LEGEND',
  'LI',
  'MAIN',
  'MENU',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TFOOT',
  'THEAD',
  'TR',
  'TD',
  'TH',
  'UL',
  'BR',
  'HTML',
]);

/**
 * Elements that may end a block, hide text or leave it out, by tag or attribute: a block element
 * none of whose descendants matches is most likely one run of inline text (what `classifyElement`
 * decides from the computed style still rules; this only says where a guess is worth making).
 */
export const MAY_BREAK_TEXT = [...BLOCK_TAGS, ...SILENT_TAGS, ...SEPARATE_TAGS, ...CHROME_TAGS]
  .map((tag) => tag.toLowerCase())
  .concat(['[hidden]', '[aria-hidden]', '[contenteditable]', '[role]'])
  .join(',');

/**
 * skip: leave out the subtree, the text around it continues the block;
 * skip-separate: leave out the subtree and end the block; block: a block of its own; inline: part
 * of the surrounding block.
 */
export type ElementKind = 'skip' | 'skip-separate' | 'block' | 'inline';

function isInlineDisplay(display: string): boolean {
  if (display === '' || display === 'contents') return true;
  if (display === 'inline-table' || display === 'inline-flex' || display === 'inline-grid') return false;
  return display.startsWith('inline') || display.startsWith('ruby');
}

/** <header>/<footer> are site chrome only outside an article or section (HTML's banner/contentinfo rule). */
function isSiteChrome(el: Element, tag: string, attributed: boolean): boolean {
  if (CHROME_TAGS.has(tag)) return true;
  if (tag === 'HEADER' || tag === 'FOOTER') return !el.parentElement?.closest('article,main,section,[role=main],[role=article]');
  if (!attributed) return false;
  const role = el.getAttribute('role');
  return role !== null && CHROME_ROLES.has(role.trim().toLowerCase());
}

const PREFORMATTED_TAGS = new Set(['PRE', 'LISTING', 'PLAINTEXT', 'XMP']);

/** True where line breaks in the text are shown as line breaks (<pre>, white-space: pre…). */
export function keepsLineBreaks(el: Element): boolean {
  if (PREFORMATTED_TAGS.has(el.tagName.toUpperCase())) return true;
  const view = el.ownerDocument?.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return false;
  try {
    // The walk asks right after classifyElement read this element's style: one style object, not two.
    const style = lastStyled.el === el && lastStyled.style ? lastStyled.style : view.getComputedStyle(el);
    const whiteSpace = style.whiteSpace ?? '';
    return whiteSpace.startsWith('pre') || whiteSpace === 'break-spaces';
  } catch {
    return false;
  }
}

/** The element whose computed style was read last, and that style (a walk reads each element's once). */
const lastStyled: { el: Element | null; style: CSSStyleDeclaration | null } = { el: null, style: null };

/** The style as rendered, or undefined where it cannot be read (no view, odd DOMs). */
function computedStyle(el: Element): CSSStyleDeclaration | undefined {
  const view = el.ownerDocument?.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return undefined;
  try {
    const style = view.getComputedStyle(el);
    lastStyled.el = el;
    lastStyled.style = style;
    return style;
  } catch {
    return undefined;
  }
}

export function classifyElement(el: Element): ElementKind {
  const tag = el.tagName.toUpperCase();
  if (SILENT_TAGS.has(tag)) return 'skip';
  if (SEPARATE_TAGS.has(tag)) return 'skip-separate';
  // Our own UI host (a closed shadow root) is never part of the page's text.
  if (tag.startsWith('ZB-')) return 'skip-separate';
  if (el.namespaceURI && el.namespaceURI !== 'http://www.w3.org/1999/xhtml') return 'skip-separate';
  // Most of a page's inline markup (<b>, <span>, <font>) has no attribute: none of them is asked for.
  const attributed = el.hasAttributes();
  if (attributed) {
    const editable = el.getAttribute('contenteditable');
    if (editable !== null && editable.trim().toLowerCase() !== 'false') return 'skip-separate';
    if (el.getAttribute('aria-hidden') === 'true') return 'skip-separate';
  }
  if (isSiteChrome(el, tag, attributed)) return 'skip-separate';
  if (attributed && el.hasAttribute('hidden')) return 'skip';
  const style = computedStyle(el);
  if (style) {
    const display = style.display ?? '';
    const visibility = style.visibility ?? '';
    if (display === 'none' || visibility === 'hidden' || visibility === 'collapse') return 'skip';
    if (!isInlineDisplay(display)) return 'block';
  }
  return BLOCK_TAGS.has(tag) ? 'block' : 'inline';
}

/** True when the node sits (below `root`) inside something the main text leaves out. */
export function isInsideSkipped(node: Node, root: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el && el !== root; el = el.parentElement) {
    const kind = classifyElement(el);
    if (kind === 'skip' || kind === 'skip-separate') return true;
  }
  return false;
}

/** The nearest element at or above `node` that starts a block of its own (or `root`). */
export function blockContainer(node: Node, root: Element): Element {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (el === root || !root.contains(el)) return root;
    if (classifyElement(el) === 'block') return el;
  }
  return root;
}

/**
 * The element whose text is the page's main text: a single <main> (or role=main) with real text,
 * else the body.
 */
export function mainRoot(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const mains = body.querySelectorAll('main,[role=main]');
  if (mains.length === 1 && (mains[0].textContent ?? '').trim().length >= 200) return mains[0];
  return body;
}
