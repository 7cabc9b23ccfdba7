/**
 * Watches the page for content that changes after load (infinite scroll, tabs, SPA routes) and
 * reports the changed nodes, debounced. The extension writes nothing into the page, so every change
 * seen here is the page's own. A node whose children were removed is reported too: its block is
 * read again (a framework replacing a text node in place).
 */

export const DEBOUNCE_MS = 300;
/** A page that never stops changing (tickers, clocks) is still handled this often. */
const MAX_WAIT_MS = 2000;

export type ChangeHandler = (changed: Node[], removedSomething: boolean) => void;

export class PageObserver {
  private observer: MutationObserver | null = null;
  private changed = new Set<Node>();
  private removed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private active = false;
  private firstPendingAt = 0;

  constructor(
    private readonly target: Node,
    private readonly onChange: ChangeHandler,
    private readonly debounceMs = DEBOUNCE_MS,
  ) {}

  start(): void {
    if (this.active || typeof MutationObserver !== 'function') return;
    this.observer ??= new MutationObserver((records) => this.collect(records));
    this.connect();
    this.active = true;
  }

  stop(): void {
    if (!this.active) return;
    this.observer?.disconnect();
    this.active = false;
    clearTimeout(this.timer);
    this.changed.clear();
    this.removed = false;
    this.firstPendingAt = 0;
  }

  private connect(): void {
    this.observer?.observe(this.target, { childList: true, subtree: true, characterData: true });
  }

  private collect(records: MutationRecord[]): void {
    let any = false;
    for (const record of records) {
      if (record.type === 'characterData') {
        this.changed.add(record.target);
        any = true;
        continue;
      }
      record.addedNodes.forEach((node) => {
        if (node.nodeType === 1 || node.nodeType === 3) {
          this.changed.add(node);
          any = true;
        }
      });
      if (record.removedNodes.length > 0) {
        this.changed.add(record.target);
        this.removed = true;
        any = true;
      }
    }
    if (!any) return;
    const now = Date.now();
    if (this.firstPendingAt === 0) this.firstPendingAt = now;
    clearTimeout(this.timer);
    const wait = now - this.firstPendingAt >= MAX_WAIT_MS ? 0 : this.debounceMs;
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.firstPendingAt = 0;
    const changed = Array.from(this.changed).filter((n) => n.isConnected);
    const removed = this.removed;
    this.changed.clear();
    this.removed = false;
    if (changed.length > 0 || removed) this.onChange(changed, removed);
  }
}
