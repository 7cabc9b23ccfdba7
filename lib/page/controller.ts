/**
 * The content script's logic: on load, find the figures and decide whether this is a policy page;
 * highlight automatically when it is and the site allows it, otherwise when asked; clip on a
 * trusted click; move a keyboard focus across figures; keep up with pages that change; answer the
 * background (its message handlers: page-handlers.ts). Nothing here writes into the page's
 * content (see highlighter.ts, painter.ts).
 */
import { extractIndicators } from '../extract';
import { setLocale } from '../i18n/locale';
import type { PageHandlers } from '../messages/bus';
import type { PageCommand } from '../messages/protocol';
import type { FigureRow, PageStatus } from '../messages/schemas';
import { iterateBlocks } from './blocks';
import { type BackgroundApi, ClipKeeper, type Notice } from './clips';
import { pageInfoOf, type PageInfo } from './clip-builder';
import { figureRows, pageHandlers } from './page-handlers';
import { type Detection, detectPolicyPageInSlices, pageKind } from './detect';
import { evidenceLine, PointerTest } from './detect-evidence';
import { mainRoot } from './dom-rules';
import { Highlighter, type PageFigure } from './highlighter';
import { interactiveAt } from './interaction';
import { buildMainTextIndex, type MainTextIndex } from './main-text';
import { PageObserver } from './observer';
import { liveRange } from './painter';
import type { Extractor, ScanResult } from './scan';
import { SliceClock, withTimeout, yieldToPage } from './schedule';

export interface ControllerOptions {
  doc: Document;
  background: BackgroundApi;
  extract?: Extractor;
  /** How a failure is shown to the reader (the controller passes catalogue words). */
  notify?: (notice: Notice) => void;
  /** Tells the extension's pages that figures or clips changed. */
  announce?: () => void;
  /** Tells the extension's pages which figure the reader focused. */
  focused?: (key: string) => void;
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
  readonly page: () => PageInfo;
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
  /**
   * The last whole-page scan and the DOM version it read: a highlight asked for after detection
   * (the popup, a shortcut) applies it instead of reading the page again, and the clips are placed
   * in its blocks, as long as the page has not changed since.
   */
  private lastScan: { scan: ScanResult; version: number } | null = null;
  /** The DOM version the page was last highlighted whole at (null: not whole, or removed since). */
  private highlightedVersion: number | null = null;
  private highlightUnderWay: Promise<void> | null = null;
  private focusedKey: string | null = null;
  private disposed = false;
  readonly ready: Promise<void>;
  private markReady!: () => void;
  private readonly announce: () => void;

  constructor(private readonly options: ControllerOptions) {
    this.doc = options.doc;
    this.background = options.background;
    this.page = options.page ?? (() => pageInfoOf(this.doc));
    this.announce = options.announce ?? (() => {});
    // The background reads with the same extractor; a given one (the tests') is used for all.
    const remote = options.extract ? undefined : this.background.extract?.bind(this.background);
    this.highlighter = new Highlighter(this.doc, options.extract ?? extractIndicators, remote);
    this.clips = new ClipKeeper(this.background, this.highlighter, () => this.mainTextIndex(), this.page, options.notify ?? (() => {}), this.announce);
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  /** The main root as of a DOM version: finding it queries the whole document, which is slow on a huge page. */
  private rootFound: { version: number; root: Element | null } | null = null;

  private get root(): Element | null {
    if (this.rootFound?.version !== this.domVersion) this.rootFound = { version: this.domVersion, root: mainRoot(this.doc) };
    return this.rootFound.root;
  }

  /** Runs page operations one after another. */
  enqueue<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op, op);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves when the page operations queued so far are done. */
  get idle(): Promise<unknown> {
    return this.queue;
  }

  async start(): Promise<void> {
    try {
      const root = this.root;
      if (!root) return;
      // Watching from the first moment: a page its own scripts change while it is read (the script
      // starts as soon as the document is parsed) is read again where it changed.
      this.observer = new PageObserver(this.doc.body ?? root, (changed) => this.onPageChange(changed), this.options.debounceMs);
      this.observer.start();
      const settings = withTimeout(this.background.getSettings(this.page().site), BACKGROUND_TIMEOUT_MS, null);
      const clipsLoaded = this.clips.load();
      await this.enqueue(() => this.detect(root));
      const known = await settings;
      if (known) setLocale(known.locale);
      this.autoHighlight = known?.site.autoHighlight ?? true;
      await clipsLoaded;
      // The popup gets its answer now; highlighting a huge page goes on in the background.
      this.markReady();
      // The scan just made, unless the page changed meanwhile (then highlighting reads it again).
      const scan = this.currentScan();
      const highlighting = this.detection.isPolicy && this.autoHighlight && !this.disposed;
      this.startDone();
      // The clips were just read: highlighting places them without asking the background again.
      if (highlighting) await this.highlight(scan, { clipsRead: true });
      else await this.enqueue(() => this.clips.place()); // stored clips show even when the page is not highlighted
    } catch {
      // Nothing here may break the page; the popup still answers with what is known.
    } finally {
      this.startDone();
      this.markReady();
    }
  }

  /** Changes seen while starting, handled once start() has decided whether to highlight. */
  private changedWhileStarting: Node[] | null = [];

  private startDone(): void {
    const changed = this.changedWhileStarting;
    this.changedWhileStarting = null;
    if (changed?.length) this.onPageChange(changed);
  }

  private async detect(root: Element): Promise<ScanResult> {
    // Reading begins in a task of its own: the script's first task (compiling and loading it,
    // asking the background for settings and clips) is long enough on every page.
    await yieldToPage();
    const version = this.domVersion;
    const scan = await this.highlighter.scan(root);
    // The page's own words, block by block in time slices (the part of detection that grows with the page).
    const clock = new SliceClock();
    const pointers = new PointerTest();
    const lines: string[] = [];
    // The main text's length (blocks joined by '\n'), without joining a huge page's text to measure it.
    let textLength = Math.max(0, scan.blocks.length - 1);
    for (const block of scan.blocks) {
      textLength += block.text.length;
      const line = evidenceLine(block, pointers);
      if (line) lines.push(line);
      if (clock.spent()) await clock.yield();
    }
    this.scannedLength = textLength;
    const input = { indicatorCount: scan.figures.length, textLength, blocks: scan.blocks, lines, url: this.page().url };
    this.detection = await detectPolicyPageInSlices(this.doc, input, clock);
    this.keepScan(scan, version);
    // Highlighting starts in a task of its own.
    if (clock.spent()) await clock.yield();
    return scan;
  }

  private keepScan(scan: ScanResult, version: number): void {
    this.lastScan = scan.complete && version === this.domVersion ? { scan, version } : null;
  }

  /** The last whole-page scan, if the page has not changed since it was read. */
  private currentScan(): ScanResult | undefined {
    return this.lastScan && this.lastScan.version === this.domVersion ? this.lastScan.scan : undefined;
  }

  /** Highlights the whole page (or applies a scan just made); resolves when done. */
  highlight(scan?: ScanResult, options: { clipsRead?: boolean } = {}): Promise<void> {
    this.userRemoved = false;
    // Asked again (the popup, a shortcut) while the whole page is being highlighted: that highlight answers.
    if (!scan && this.highlightUnderWay && !this.highlightAbort?.signal.aborted) return this.highlightUnderWay;
    this.highlightAbort?.abort();
    const abort = new AbortController();
    this.highlightAbort = abort;
    const run = this.enqueue(async () => {
      const root = this.root;
      if (!root || abort.signal.aborted) return;
      // Asked again (the popup, a shortcut) with the page highlighted whole and unchanged: nothing to read again.
      if (!scan && this.highlighted && this.highlightedVersion === this.domVersion) return;
      this.highlighted = true;
      this.highlightedVersion = null;
      const version = this.domVersion;
      let found = scan ?? this.currentScan();
      if (!found) {
        found = await this.highlighter.scan(root, { signal: abort.signal });
        this.keepScan(found, version);
      }
      // (The scan is kept whole: an apply cut short by a newer highlight() leaves the rest of its figures to that one.)
      await this.highlighter.apply(found, { signal: abort.signal });
      // A huge page's scan (a block and its text-node runs for every paragraph) is not kept once
      // applied: holding it makes every garbage collection longer; the rare later use reads the page again.
      if (this.highlighter.virtualised) this.lastScan = null;
      if (options.clipsRead) await this.clips.ensureLoaded().then(() => this.clips.place());
      else await this.clips.refresh();
      if (found.complete && !abort.signal.aborted && version === this.domVersion) this.highlightedVersion = version;
      this.announce();
    });
    this.highlightUnderWay = run;
    const done = () => {
      if (this.highlightUnderWay === run) this.highlightUnderWay = null;
    };
    run.then(done, done);
    return run;
  }

  removeHighlights(): Promise<void> {
    this.userRemoved = true;
    this.highlightAbort?.abort();
    return this.enqueue(async () => {
      this.highlighter.removeAll();
      this.setFocus(null);
      this.highlighted = false;
      this.announce();
    });
  }

  private onPageChange(changed: Node[]): void {
    this.invalidateIndex();
    if (this.disposed) return;
    if (this.changedWhileStarting) {
      this.changedWhileStarting.push(...changed);
      return;
    }
    // (A highlight under way reads the page as it was when it started: the changes are read after it.)
    if (this.highlighted || this.highlightUnderWay) {
      void this.enqueue(async () => {
        const root = this.root;
        if (!root || !this.highlighted) return;
        const changedFigures = await this.highlighter.rescan(changed, root, { signal: this.highlightAbort?.signal });
        if (this.focusedKey && !this.highlighter.figures.has(this.focusedKey)) this.setFocus(null);
        if (changedFigures > 0) {
          await this.clips.place();
          this.announce();
        }
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
    this.lastScan = null;
    this.domVersion++;
  }

  /** The main text as it is now (rebuilt after any change, in time slices). */
  mainTextIndex(): Promise<MainTextIndex> {
    if (this.index) return Promise.resolve(this.index);
    const scanned = this.currentScan();
    if (scanned) {
      // The blocks of the last scan are the page as it is now: no need to read it again.
      this.index = buildMainTextIndex(scanned.blocks);
      return Promise.resolve(this.index);
    }
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

  // ---- the reader's hand: clicks, hover, keyboard ----

  private pendingClick: ReturnType<typeof setTimeout> | undefined;
  /** Longer than the time between the two clicks of a double click, which must clip nothing. */
  static readonly CLICK_DELAY_MS = 300;

  private selecting(): boolean {
    const selection = this.doc.defaultView?.getSelection?.();
    return !!selection && !selection.isCollapsed && selection.toString().trim() !== '';
  }

  /**
   * A trusted click on a figure clips or un-clips it, after a short wait in which a second click
   * (a double click: selecting) cancels it. Inside a link, button, form control or editable text
   * the page's own behaviour wins; Alt+click clips there.
   */
  readonly onClick = (event: MouseEvent): void => {
    if (!event.isTrusted || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    clearTimeout(this.pendingClick);
    if (!this.highlighted || event.detail > 1 || this.selecting()) return;
    const figure = this.highlighter.figureAtPoint(event.clientX, event.clientY);
    if (!figure) return;
    const interactive = interactiveAt(event.target, this.doc);
    if (interactive && !event.altKey) return;
    // Alt+click on a link would download it: that click is ours, not the page's.
    if (interactive && event.altKey) event.preventDefault();
    this.pendingClick = setTimeout(() => {
      if (!this.selecting() && this.highlighter.figures.get(figure.key) === figure) void this.clips.toggle(figure);
    }, PageController.CLICK_DELAY_MS);
  };

  readonly onDoubleClick = (event: MouseEvent): void => {
    if (event.isTrusted) clearTimeout(this.pendingClick);
  };

  /** The figure under the pointer, for its tooltip: what it is, whether clipped, where, whether a plain click clips it. */
  hoverAt(x: number, y: number, target: EventTarget | null): { figure: PageFigure; clipped: boolean; inLink: boolean; rect: DOMRect } | null {
    if (!this.highlighted) return null;
    const figure = this.highlighter.figureAtPoint(x, y);
    const live = figure ? liveRange(this.doc, figure.range) : null;
    if (!figure || !live) return null;
    return { figure, clipped: this.clips.isClipped(figure), inLink: interactiveAt(target, this.doc), rect: live.getBoundingClientRect() };
  }

  get focused(): PageFigure | undefined {
    return this.focusedKey ? this.highlighter.figures.get(this.focusedKey) : undefined;
  }

  /** Sets the keyboard focus (zb-focus) on a figure and scrolls it into view. */
  setFocus(figure: PageFigure | null, tell = false): void {
    const painter = this.highlighter.painter;
    painter.clear('zb-focus');
    this.focusedKey = figure?.key ?? null;
    if (!figure) return;
    painter.add('zb-focus', figure.range);
    const el = figure.segments[0].node.parentElement;
    el?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
    if (tell) this.options.focused?.(figure.key);
  }

  /** A keyboard command (from the manifest's shortcuts, through the background). */
  async command(command: PageCommand): Promise<void> {
    if (command === 'highlight') {
      await (this.highlighted ? this.removeHighlights() : this.highlight());
      return;
    }
    if (!this.highlighted) await this.highlight();
    if (command === 'toggle') {
      const fig = this.focused;
      if (fig) await this.clips.toggle(fig);
      return;
    }
    const ordered = this.highlighter.ordered();
    if (ordered.length === 0) return;
    const at = this.focused ? ordered.indexOf(this.focused) : -1;
    const next = command === 'next' ? (at + 1) % ordered.length : at <= 0 ? ordered.length - 1 : at - 1;
    this.setFocus(ordered[next], true);
  }

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
      orphanCount: this.clips.orphans.length,
      autoHighlight: this.autoHighlight,
    };
  }

  /** The highlighted figures as table rows, in document order. */
  figureRows(): FigureRow[] {
    return figureRows(this.highlighter, this.clips);
  }

  /** Focuses a placed clip that lies on no figure (its row's key): drawn as zb-focus and scrolled to. */
  focusClip(id: string): void {
    const range = this.clips.rangeOfClip(id);
    if (!range) return;
    this.setFocus(null);
    this.highlighter.painter.add('zb-focus', range);
    const node = range.startContainer;
    (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
  }

  /** Highlighted figures overlapping `range` (the reader's selection). */
  private figuresIn(range: Range): PageFigure[] {
    return this.highlighter.ordered().filter((f) => {
      const live = liveRange(this.doc, f.range);
      return !!live && range.compareBoundaryPoints(Range.END_TO_START, live) <= 0 && range.compareBoundaryPoints(Range.START_TO_END, live) >= 0;
    });
  }

  /**
   * The reader's selection, from the context menu or the keyboard command: the figures the
   * extractor reads in it are clipped as usual (highlighting the page first if need be); a
   * selection holding none becomes a manual clip (manual-clip.ts), whose id is returned so the
   * side panel can open it.
   */
  async clipSelection(): Promise<{ clipped: number; manualId?: string }> {
    const selection = this.doc.defaultView?.getSelection?.();
    const range = selection && !selection.isCollapsed && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
    const fail = (reason: string) => {
      this.options.notify?.({ code: 'page.error.clipFailed', reason });
      return { clipped: 0 };
    };
    if (!range || range.toString().trim() === '') return fail('manual.error.noSelection');
    const extract = this.options.extract ?? extractIndicators;
    if (!this.highlighted && extract(range.toString()).length > 0) {
      const root = this.root;
      if (root) {
        this.highlighted = true;
        this.userRemoved = false;
        await this.highlighter.apply(await this.highlighter.scan(root));
        await this.clips.place();
        this.announce();
      }
    }
    const figures = this.figuresIn(range);
    if (figures.length > 0) {
      const unclipped = figures.filter((f) => !this.clips.isClipped(f));
      for (const fig of unclipped) await this.clips.toggle(fig);
      return { clipped: unclipped.length };
    }
    const made = await this.clips.clipManual(range);
    if (!made.ok) return fail(made.code);
    return { clipped: 1, manualId: made.id };
  }

  /** The page's answers to the background (the frame's roll call is the content script's: see entrypoints/page-content). */
  readonly handlers: Omit<PageHandlers, 'frame.rollCall'> = pageHandlers(this);

  /** The extension was reloaded or removed: stop, and take the highlights away. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.pendingClick);
    this.highlightAbort?.abort();
    this.observer?.stop();
    this.highlighter.removeAll();
  }
}
