/**
 * Reading a block's text with as few of the page's own strings as it can (see TextSource).
 */
import { MAY_BREAK_TEXT } from './dom-rules';

/** Whole texts read in vain, in characters, after which a walk reads every text node on its own. */
const MAX_WASTED_CHARS = 200_000;

/**
 * Where a block's text nodes get their text. Each string a page hands to a content script (a text
 * node's `data`) is a string of the browser's own that its garbage collector tracks one by one: on
 * the 7.7 MB page's 120,000 text nodes, 35-50 ms of a major collection's pause. A block element that
 * looks like one run of inline text (no descendant that may break it) is read once, whole
 * (`textContent`: its text nodes' data in document order), and each of its text nodes takes its
 * part by length. Whatever breaks that assumption (an element the walk leaves out or that ends the
 * block, a length that does not add up) turns the source off and the nodes are read one by one;
 * a block whose parts do not add up to the whole is read again that way (see `verify`).
 */
export class TextSource {
  private text: string | null = null;
  private pos = 0;
  private off = false;
  private mismatch = false;

  /**
   * `spent`: shared by a walk's sources, what whole texts read in vain added up to. `byLines`: the
   * container's text is cut at its line breaks (<pre>), which reads each node's own text.
   */
  constructor(
    private readonly container: Element,
    private readonly spent: { wasted: number },
    byLines = false,
  ) {
    this.off = byLines;
  }

  /** The node's text: its part of the container's, or its own `data`. */
  dataOf(node: Text): string {
    if (!this.off && this.text === null) {
      // Guesses that keep failing (blocks made by CSS, nested) would read the same text again at every depth: stop guessing.
      if (this.spent.wasted > MAX_WASTED_CHARS || this.container.querySelector(MAY_BREAK_TEXT)) this.off = true;
      else this.text = this.container.textContent ?? '';
    }
    const length = node.length;
    if (this.off || this.text === null) return node.data;
    if (this.pos + length > this.text.length) {
      this.mismatch = true;
      this.stop();
      return node.data;
    }
    this.pos += length;
    return this.text.slice(this.pos - length, this.pos);
  }

  /** Something inside the container that is not plain inline text: its nodes are read one by one from here on. */
  stop(): void {
    if (!this.off && this.text !== null) this.spent.wasted += this.text.length - this.pos;
    this.off = true;
  }

  /**
   * False when the container's text was used and its nodes' parts did not add up to it. (Where the
   * source was stopped, the nodes read before were the first in document order: a prefix of it.)
   */
  verify(): boolean {
    return !this.mismatch && (this.off || this.text === null || this.pos === this.text.length);
  }
}
