/**
 * The content script's logic: on load, find the figures and decide whether this is a policy page;
 * highlight automatically when it is and the site allows it, otherwise when the popup asks; clip
 * on click; keep up with pages that change; answer the popup.
 */
import { extractIndicators } from '../extract';
import type { PageHandlers } from '../messages/bus';
import type { FigureRow, PageStatus } from '../messages/schemas';
import { clippedIndicatorOf } from '../model/figure';
import { looseKey } from '../model/page';
import { iterateBlocks } from './blocks';
import { type BackgroundApi, ClipKeeper } from './clips';
import { pageInfoOf, type PageInfo } from './clip-builder';
import { type Detection, detectPolicyPage, pageKind } from './detect';
import { mainRoot } from './dom-rules';
import { Highlighter } from './highlighter';
import { buildMainTextIndex, type MainTextIndex } from './main-text';
import { PageObserver } from './observer';
import type { Extractor, ScanResult } from './scan';
import { SliceClock, withTimeout, yieldToPage } from './schedule';
import { showToast } from './toast';

export interface ControllerOptions {
  doc: Document;
  background: BackgroundApi;
  extract?: Extractor;
  /** How a failure is shown to the reader (default: a small message in the page). */
  notify?: (message: string) => void;
  page?: () => PageInfo;
  debounceMs?: number;
}

const BACKGROUND_TIMEOUT_MS = 5000;
/** Pages that fill in after load are looked at again, a few times, before giving up on them. */
const MAX_REDETECTIONS = 3;

export class PageController {
  readonly highlighter: Highlighter;
  readonly clips: ClipKeeper;
  private readonly doc: Document;
  private readonly background: BackgroundApi;
  private readonly page: () => PageInfo;
  private observer: PageObserver | null = null;
  private detection: Detection = { isPolicy: false, score: 0, reasons: [] };
  private autoHighlight = true;
  private highlighted = false;
  private userRemoved = false;
  private redetections = 0;
  private scannedLength = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private highlightAbort: AbortController | null = null;
  private index: MainTextIndex | null = null;
  /** Bumped on every DOM change, so an index built while the page changed is not kept. */
  private domVersion = 0;
  private indexBuild: Promise<MainTextIndex> | null = null;
  private disposed = false;
  readonly ready: Promise<void>;
  private markReady!: () => void;

  constructor(private readonly options: ControllerOptions) {
    this.doc = options.doc;
    this.background = options.background;
    this.page = options.page ?? (() => pageInfoOf(this.doc));
    this.highlighter = new Highlighter(this.doc, options.extract ?? extractIndicators);
    const notify = options.notify ?? ((message: string) => showToast(this.doc, message));
    this.clips = new ClipKeeper(this.background, this.highlighter, () => this.mainTextIndex(), this.page, notify);
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  private get root(): Element | null {
    return mainRoot(this.doc);
  }

  /** Runs page operations one after another, so DOM writes never interleave. */
  private enqueue<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op, op);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async start(): Promise<void> {
    try {
      const root = this.root;
      if (!root) return;
      // Marks left by an earlier copy of this script (extension reloaded) cannot be clicked any more.
      await this.highlighter.removeAll();
      const settings = withTimeout(this.background.getSiteSettings(this.page().site), BACKGROUND_TIMEOUT_MS, null);
      const clipsLoaded = this.clips.load();
      const scan = await this.enqueue(() => this.detect(root));
      this.autoHighlight = (await settings)?.autoHighlight ?? true;
      await clipsLoaded;
      this.observer = new PageObserver(this.doc.body ?? root, (changed) => this.onPageChange(changed), this.options.debounceMs);
      this.highlighter.quiet = this.observer;
      this.observer.start();
      if (this.detection.isPolicy && this.autoHighlight && !this.disposed) await this.highlight(scan);
    } catch {
      // Nothing here may break the page; the popup still answers with what is known.
    } finally {
      this.markReady();
    }
  }

  private async detect(root: Element): Promise<ScanResult> {
    const scan = await this.highlighter.scan(root);
    await yieldToPage(); // detection gets a task of its own
    const mainText = scan.blocks.map((b) => b.text).join('\n');
    this.scannedLength = mainText.length;
    this.detection = detectPolicyPage(this.doc, {
      indicatorCount: scan.figures.length,
      textLength: mainText.length,
      mainText,
      url: this.page().url,
    });
    return scan;
  }

  /** Highlights the whole page (or applies a scan just made); resolves when done. */
  highlight(scan?: ScanResult): Promise<void> {
    this.userRemoved = false;
    this.highlightAbort?.abort();
    const abort = new AbortController();
    this.highlightAbort = abort;
    return this.enqueue(async () => {
      const root = this.root;
      if (!root || abort.signal.aborted) return;
      this.highlighted = true;
      const found = scan ?? (await this.highlighter.scan(root, { signal: abort.signal }));
      await this.highlighter.apply(found, { signal: abort.signal });
      this.invalidateIndex();
      await this.clips.refresh();
    });
  }

  removeHighlights(): Promise<void> {
    this.userRemoved = true;
    this.highlightAbort?.abort();
    return this.enqueue(async () => {
      await this.highlighter.removeAll();
      this.highlighted = false;
      this.invalidateIndex();
    });
  }

  private onPageChange(changed: Node[]): void {
    this.invalidateIndex();
    if (this.disposed) return;
    if (this.highlighted) {
      void this.enqueue(async () => {
        const root = this.root;
        if (!root || !this.highlighted) return;
        const before = this.highlighter.figures.size;
        // rescan also drops highlights the page removed or rewrote
        const added = await this.highlighter.rescan(changed, root, { signal: this.highlightAbort?.signal });
        this.invalidateIndex();
        if (added > 0 || this.highlighter.figures.size !== before) await this.clips.rematch();
      });
      return;
    }
    // Not highlighted: a page that filled in after load may turn out to be a policy page.
    if (this.userRemoved || this.detection.isPolicy || this.redetections >= MAX_REDETECTIONS) return;
    const length = (this.root?.textContent ?? '').length;
    if (length < this.scannedLength * 1.2 + 200) return;
    this.redetections++;
    void this.enqueue(async () => {
      const root = this.root;
      if (!root) return null;
      return this.detect(root);
    }).then((scan) => {
      if (scan && this.detection.isPolicy && this.autoHighlight && !this.highlighted && !this.userRemoved) return this.highlight(scan);
    });
  }

  private invalidateIndex(): void {
    this.index = null;
    this.domVersion++;
  }

  /** The main text as it is now (rebuilt after any change, in time slices). */
  mainTextIndex(): Promise<MainTextIndex> {
    if (this.index) return Promise.resolve(this.index);
    this.indexBuild ??= (async () => {
      const version = this.domVersion;
      const root = this.root;
      const blocks = [];
      if (root) {
        const clock = new SliceClock();
        for (const block of iterateBlocks(root)) {
          blocks.push(block);
          if (clock.spent()) await clock.yield();
        }
      }
      const index = buildMainTextIndex(blocks);
      if (version === this.domVersion) this.index = index;
      this.indexBuild = null;
      return index;
    })();
    return this.indexBuild;
  }

  /** The URL changed without a reload (single-page sites): this page's clips are different ones. */
  onLocationChange(): Promise<void> {
    return this.enqueue(() => this.clips.refresh());
  }

  /** A click on the page: a plain click on a highlighted figure clips or un-clips it. */
  readonly onClick = (event: MouseEvent): void => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const target = event.target as Element | null;
    if (!target || typeof target.closest !== 'function') return;
    const mark = target.closest('zb-mark');
    const figure = mark ? this.highlighter.figureOf(mark) : undefined;
    if (!figure) return;
    const selection = this.doc.defaultView?.getSelection?.();
    if (selection && !selection.isCollapsed && selection.toString().trim()) return; // selecting text
    event.preventDefault();
    event.stopPropagation();
    if (event.detail > 1) return; // the second click of a double click is not a second toggle
    void this.clips.toggle(figure);
  };

  async status(): Promise<PageStatus> {
    await this.ready;
    await this.clips.ensureLoaded();
    const page = this.page();
    return {
      url: page.url,
      title: page.title.slice(0, 2000),
      site: page.site,
      kind: pageKind(this.doc),
      isPolicy: this.detection.isPolicy,
      score: this.detection.score,
      reasons: this.detection.reasons.slice(0, 64),
      highlighted: this.highlighted,
      indicatorCount: this.highlighted ? this.highlighter.figures.size : 0,
      clippedCount: this.clips.count,
      orphanCount: 0,
      autoHighlight: this.autoHighlight,
    };
  }

  /** The highlighted figures as table rows, in document order. */
  figureRows(): FigureRow[] {
    return Array.from(this.highlighter.figures.values())
      .sort((a, b) => a.order - b.order)
      .map((fig) => ({
        key: fig.id,
        order: fig.order,
        indicator: clippedIndicatorOf(fig.indicator),
        heading: fig.heading.slice(0, 500),
        sentence: fig.sentence.slice(0, 4000),
        clipIds: fig.clipIds.slice(0, 16),
      }));
  }

  readonly handlers: PageHandlers = {
    'page.status': () => this.status(),
    'page.highlight': async ({ on }) => {
      await this.ready;
      await (on ? this.highlight() : this.removeHighlights());
      return this.status();
    },
    'page.figures': async () => {
      await this.ready;
      return { figures: this.figureRows(), orphans: [] };
    },
    'page.setClipped': async ({ keys, clipped }) => {
      await this.ready;
      let changed = 0;
      for (const key of keys) {
        const fig = this.highlighter.figures.get(key);
        if (!fig || fig.clipped === clipped) continue;
        await this.clips.toggle(fig);
        changed++;
      }
      return { changed };
    },
    'page.clipAll': async () => {
      await this.ready;
      return { clipped: await this.enqueue(() => this.clips.clipAll()) };
    },
    'page.focus': async ({ key }) => {
      await this.ready;
      this.highlighter.figures.get(key)?.marks[0]?.scrollIntoView?.({ block: 'center' });
      return { ok: true as const };
    },
    'page.clipsChanged': async ({ pages }) => {
      await this.ready;
      // The same page reached by another address (a redirect, another query) counts: its quotes decide.
      const here = looseKey(this.page().url);
      if (pages.length === 0 || pages.some((page) => looseKey(page) === here)) await this.enqueue(() => this.clips.refresh());
      return { ok: true as const };
    },
    'page.command': async ({ command }) => {
      await this.ready;
      if (command !== 'highlight') throw { code: 'page.unsupported', params: { command } };
      await (this.highlighted ? this.removeHighlights() : this.highlight());
      return { ok: true as const };
    },
    'page.clipSelection': () => {
      throw { code: 'page.unsupported', params: { command: 'clipSelection' } };
    },
  };

  /** The extension was reloaded or removed: stop, and take the highlights away. */
  dispose(): void {
    this.disposed = true;
    this.highlightAbort?.abort();
    this.observer?.stop();
    void this.highlighter.removeAll();
  }
}
