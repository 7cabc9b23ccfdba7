/**
 * Clipping on the page. Every stored clip of the page is anchored on its own, by its text quote
 * (anchor.ts: exact, then fuzzy with prefix, suffix and position), whether or not the extractor
 * finds that figure now; placed clips are drawn as `zb-clipped`, clips that cannot be placed are
 * kept as orphans (never dropped). A figure is clipped when a placed clip overlaps it. One click
 * clips a figure (shown at once, undone if the store refuses), a second click un-clips it.
 */
import type { LocaleSetting } from '../i18n/locale';
import type { Clip, SiteSettings } from '../model/clip';
import { anchorFor, findAnchor } from './anchor';
import { buildClip, type PageInfo } from './clip-builder';
import { headingBefore } from './headings';
import { buildManualClip, mainTextSpanOf, tableUnitOf } from './manual-clip';
import type { Highlighter, PageFigure } from './highlighter';
import type { BatchExtractor } from './remote-reader';
import { type MainTextIndex, rangeOfSegments, segmentsOfMainText } from './main-text';
import { rangeOf } from './painter';
import { SliceClock, withTimeout } from './schedule';

/** What the content script asks of the background (the clip store and site settings). */
export interface BackgroundApi {
  putClip(clip: Clip): Promise<Clip>;
  deleteClip(id: string): Promise<boolean>;
  clipsForPage(url: string): Promise<Clip[]>;
  /** This site's settings and the reader's UI language. */
  getSettings(site: string): Promise<{ site: SiteSettings; locale: LocaleSetting }>;
  /** Reads texts in the background's process, off the page's main thread (remote-reader.ts); without it the page reads them. */
  extract?: BatchExtractor;
}

/** A failure to show the reader: a catalogue key (page.error.*) and its parameters. */
export type Notice = { code: 'page.error.clipFailed' | 'page.error.unclipFailed' | 'page.error.someNotClipped'; reason: string };
/** Why something failed, as a catalogue key or the store's own words. */
export type Reason = { code: string; detail?: string };

const PARALLEL_PUTS = 4;
const LOAD_TIMEOUT_MS = 5000;

const reasonOf = (e: unknown): string => {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string') return (e as { code: string }).code;
  return e instanceof Error ? e.message : String(e);
};

interface Placed {
  clip: Clip;
  start: number;
  end: number;
  range: AbstractRange;
}

export class ClipKeeper {
  private clips = new Map<string, Clip>();
  private loadedFor: string | null = null;
  private placed = new Map<string, Placed>();
  private orphanIds: string[] = [];
  /** Clip ids on each figure (by key), from the last placement. */
  private onFigure = new Map<string, string[]>();
  /** Where each figure starts in the main text (by key), from the last placement: orders the rows. */
  private figureStarts = new Map<string, number>();
  /** Figures being saved: what the reader asked for, shown until the store agrees. */
  private pending = new Map<string, boolean>();
  private chains = new Map<string, Promise<void>>();

  constructor(
    private readonly background: BackgroundApi,
    private readonly highlighter: Highlighter,
    private readonly index: () => Promise<MainTextIndex>,
    private readonly page: () => PageInfo,
    private readonly notify: (notice: Notice) => void,
    private readonly onChange: () => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Clips stored for this page (as far as we know). */
  get count(): number {
    return this.loadedFor === this.page().url ? this.clips.size : 0;
  }

  get orphans(): Clip[] {
    return this.orphanIds.map((id) => this.clips.get(id)).filter((c): c is Clip => !!c);
  }

  /**
   * Placed clips that lie on no figure: manual clips, and clips of a figure the extractor no longer
   * reads. The side panel lists them as rows of their own, in text order.
   */
  get offFigure(): { clip: Clip; start: number; range: AbstractRange }[] {
    const onSome = new Set<string>();
    for (const ids of this.onFigure.values()) for (const id of ids) onSome.add(id);
    return [...this.placed.values()].filter((p) => !onSome.has(p.clip.id)).sort((a, b) => a.start - b.start);
  }

  /** Where the figure starts in the main text, if the last placement measured it. */
  startOf(fig: PageFigure): number | undefined {
    return this.figureStarts.get(fig.key);
  }

  /** The placed range of a clip (for focusing a clip that lies on no figure). */
  rangeOfClip(id: string): AbstractRange | undefined {
    return this.placed.get(id)?.range;
  }

  clipIdsOf(fig: PageFigure): string[] {
    return this.onFigure.get(fig.key) ?? [];
  }

  isClipped(fig: PageFigure): boolean {
    return this.pending.get(fig.key) ?? this.clipIdsOf(fig).length > 0;
  }

  /** Re-reads this page's clips from the store; keeps the old list if the store cannot answer. */
  async load(): Promise<void> {
    const url = this.page().url;
    // The background may be restarting: the page still works, clipped state shows on the next load.
    const clips = await withTimeout(this.background.clipsForPage(url), LOAD_TIMEOUT_MS, null);
    if (!clips) return;
    this.clips = new Map(clips.map((c) => [c.id, c]));
    this.loadedFor = url;
  }

  async ensureLoaded(): Promise<void> {
    if (this.loadedFor !== this.page().url) await this.load();
  }

  /** Re-reads the clips and places them on the page. */
  async refresh(): Promise<void> {
    await this.load();
    await this.place();
  }

  /** Anchors every known clip in the page's text as it is now, and matches them to the figures. */
  async place(): Promise<void> {
    if (this.clips.size === 0) {
      // Nothing to anchor: the main text need not be read (on a huge page that is a walk of the whole DOM).
      this.placed = new Map();
      this.orphanIds = [];
      this.onFigure = new Map();
      this.figureStarts = new Map();
      this.repaint();
      return;
    }
    const index = await this.index();
    const clock = new SliceClock();
    const placed = new Map<string, Placed>();
    const orphans: string[] = [];
    for (const clip of this.clips.values()) {
      const found = findAnchor(clip.anchor, index);
      const range = found ? rangeOf(this.highlighter.doc, segmentsOfMainText(index, found.start, found.end)) : null;
      if (found && range) placed.set(clip.id, { clip, ...found, range });
      else orphans.push(clip.id);
      if (clock.spent()) await clock.yield();
    }
    // Figures by main-text range, to find the figure each clip lies on.
    const ranges: { fig: PageFigure; start: number; end: number }[] = [];
    for (const fig of this.highlighter.figures.values()) {
      const r = rangeOfSegments(fig.segments, index);
      if (r) ranges.push({ fig, ...r });
      if (clock.spent()) await clock.yield();
    }
    ranges.sort((a, b) => a.start - b.start);
    const onFigure = new Map<string, string[]>();
    for (const p of placed.values()) {
      // First figure ending after the clip starts; it holds the clip if it also starts before the clip ends.
      let lo = 0;
      let hi = ranges.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ranges[mid].end <= p.start) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < ranges.length && ranges[i].start < p.end; i++) {
        const ids = onFigure.get(ranges[i].fig.key) ?? [];
        if (ids.length < 16) ids.push(p.clip.id);
        onFigure.set(ranges[i].fig.key, ids);
      }
    }
    this.placed = placed;
    this.orphanIds = orphans;
    this.onFigure = onFigure;
    this.figureStarts = new Map(ranges.map((r) => [r.fig.key, r.start]));
    this.repaint();
  }

  /** Draws `zb-clipped`: every placed clip, with the reader's pending clicks applied. */
  private repaint(): void {
    const painter = this.highlighter.painter;
    const drawn = new Set<AbstractRange>();
    const unclipping = new Set<string>();
    for (const [key, want] of this.pending) {
      const fig = this.highlighter.figures.get(key);
      if (!fig) continue;
      if (want) drawn.add(fig.range);
      else for (const id of this.clipIdsOf(fig)) unclipping.add(id);
    }
    for (const p of this.placed.values()) if (!unclipping.has(p.clip.id)) drawn.add(p.range);
    // Only what changed: a click changes one range, not every clip's.
    painter.replace('zb-clipped', drawn);
    // On a page that is not highlighted (not a policy page, say) the clips still show.
    if (this.placed.size > 0) painter.show();
  }

  private async clipFor(fig: PageFigure): Promise<Clip> {
    const index = await this.index();
    const range = rangeOfSegments(fig.segments, index);
    if (!range) throw { code: 'page.error.figureGone' };
    const built = buildClip(fig, anchorFor(index.text, range.start, range.end), this.page(), this.now());
    if (!built.ok) throw { code: built.code };
    return built.clip;
  }

  /** A click: flip the figure at once, then make the store agree (clicks queue per figure). */
  toggle(fig: PageFigure): Promise<void> {
    const desired = !this.isClipped(fig);
    this.pending.set(fig.key, desired);
    this.repaint();
    const run = (this.chains.get(fig.key) ?? Promise.resolve()).then(() => this.sync(fig, desired));
    this.chains.set(fig.key, run);
    void run.then(() => {
      if (this.chains.get(fig.key) === run) {
        this.chains.delete(fig.key);
        this.pending.delete(fig.key);
        this.repaint();
      }
    });
    return run;
  }

  private async sync(fig: PageFigure, desired: boolean): Promise<void> {
    const stored = this.clipIdsOf(fig).length > 0;
    if (desired === stored) return;
    try {
      if (desired) {
        const saved = await this.background.putClip(await this.clipFor(fig));
        this.clips.set(saved.id, saved);
      } else {
        for (const id of this.clipIdsOf(fig)) {
          await this.background.deleteClip(id);
          this.clips.delete(id);
        }
      }
    } catch (e) {
      this.notify({ code: desired ? 'page.error.clipFailed' : 'page.error.unclipFailed', reason: reasonOf(e) });
    }
    // The same passage repeated word for word is one clip: placing again shows its twins the same way.
    this.pending.delete(fig.key);
    await this.place().catch(() => undefined);
    this.onChange();
  }

  /**
   * A manual clip of the reader's selection (which holds no figure the extractor reads). The same
   * selection clipped again keeps the stored clip and the reader's corrections to it.
   */
  async clipManual(range: Range): Promise<{ ok: true; id: string } | { ok: false; code: string }> {
    await this.ensureLoaded();
    const index = await this.index();
    const span = mainTextSpanOf(range, index);
    if (!span) return { ok: false, code: 'manual.error.notInText' };
    const root = this.highlighter.doc.body;
    const section = root ? headingBefore(range.startContainer, root) : '';
    const built = buildManualClip(span, index.text, this.page(), section, this.now(), tableUnitOf(range.startContainer));
    if (!built.ok) return { ok: false, code: built.code };
    if (this.clips.has(built.clip.id)) return { ok: true, id: built.clip.id };
    try {
      const saved = await this.background.putClip(built.clip);
      this.clips.set(saved.id, saved);
      await this.place();
      this.onChange();
      return { ok: true, id: saved.id };
    } catch (e) {
      return { ok: false, code: reasonOf(e) };
    }
  }

  /** Clips every figure not clipped yet; returns how many clips were stored. */
  async clipAll(): Promise<number> {
    await this.ensureLoaded();
    const targets = this.highlighter.ordered().filter((f) => !this.isClipped(f) && !this.chains.has(f.key));
    if (targets.length === 0) return 0;
    for (const fig of targets) this.pending.set(fig.key, true);
    this.repaint();
    const index = await this.index();
    const queue: Clip[] = [];
    const seen = new Set<string>();
    let firstError = '';
    const clock = new SliceClock();
    for (const fig of targets) {
      if (clock.spent()) await clock.yield();
      const range = rangeOfSegments(fig.segments, index);
      const built = range ? buildClip(fig, anchorFor(index.text, range.start, range.end), this.page(), this.now()) : null;
      if (!built?.ok) {
        firstError ||= built && !built.ok ? built.code : 'page.error.figureGone';
        continue;
      }
      // The same quote twice on a page is one clip.
      if (!seen.has(built.clip.id)) queue.push(built.clip);
      seen.add(built.clip.id);
    }
    let stored = 0;
    let failed = false;
    const worker = async (): Promise<void> => {
      for (let clip = queue.shift(); clip && !failed; clip = queue.shift()) {
        try {
          const saved = await this.background.putClip(clip);
          this.clips.set(saved.id, saved);
          stored++;
        } catch (e) {
          failed = true; // e.g. storage full: the rest would fail too
          firstError ||= reasonOf(e);
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_PUTS }, worker));
    for (const fig of targets) this.pending.delete(fig.key);
    await this.place();
    if (firstError) this.notify({ code: 'page.error.someNotClipped', reason: firstError });
    this.onChange();
    return stored;
  }
}
