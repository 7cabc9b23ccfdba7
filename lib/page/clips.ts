/**
 * Clipping on the page: one click clips a figure (shown at once, undone if the store refuses), a
 * second click un-clips it; stored clips of the page are matched back to highlighted figures
 * through their text-quote anchors.
 */
import { type Clip, clipId, type SiteSettings } from '../model/clip';
import { setMarksClipped } from './annotate';
import { anchorFor, findAnchor } from './anchor';
import { buildClip, type PageInfo } from './clip-builder';
import type { Figure, Highlighter } from './highlighter';
import { type MainTextIndex, rangeOfMarks } from './main-text';
import { SliceClock, withTimeout } from './schedule';

/** What the content script asks of the background (the clip store and site settings). */
export interface BackgroundApi {
  putClip(clip: Clip): Promise<Clip>;
  deleteClip(id: string): Promise<boolean>;
  clipsForPage(url: string): Promise<Clip[]>;
  getSiteSettings(site: string): Promise<SiteSettings>;
}

const PARALLEL_PUTS = 4;
const LOAD_TIMEOUT_MS = 5000;

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e)) || '未知错误';

/**
 * For each figure, the stored clips that belong to it: first by id (the figure's own quote gives
 * the clip's id, so repeated identical passages all show as clipped), then, for clips whose text
 * moved or changed around them, by finding their anchor in the main text.
 */
export async function matchClips(figures: readonly Figure[], clips: readonly Clip[], index: MainTextIndex, url: string): Promise<Map<Figure, string[]>> {
  const clock = new SliceClock();
  const out = new Map<Figure, string[]>();
  const add = (fig: Figure, id: string) => {
    const ids = out.get(fig) ?? [];
    if (!ids.includes(id)) ids.push(id);
    out.set(fig, ids);
  };
  const byId = new Map(clips.map((c) => [c.id, c]));
  const matched = new Set<string>();
  const ranges: { fig: Figure; start: number; end: number }[] = [];
  for (const fig of figures) {
    const range = rangeOfMarks(fig.marks, index);
    if (!range) continue;
    ranges.push({ fig, ...range });
    const id = clipId(url, anchorFor(index.text, range.start, range.end));
    if (byId.has(id)) {
      add(fig, id);
      matched.add(id);
    }
    if (clock.spent()) await clock.yield();
  }
  ranges.sort((a, b) => a.start - b.start);
  for (const clip of clips) {
    if (matched.has(clip.id)) continue;
    const found = findAnchor(clip.anchor, index);
    if (!found) continue;
    // First figure ending after the clip starts; it matches if it also starts before the clip ends.
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid].end <= found.start) lo = mid + 1;
      else hi = mid;
    }
    const hit = ranges[lo];
    if (hit && hit.start < found.end) add(hit.fig, clip.id);
    if (clock.spent()) await clock.yield();
  }
  return out;
}

export class ClipKeeper {
  private clips = new Map<string, Clip>();
  private loadedFor: string | null = null;
  private chains = new WeakMap<Figure, Promise<void>>();

  constructor(
    private readonly background: BackgroundApi,
    private readonly highlighter: Highlighter,
    private readonly index: () => Promise<MainTextIndex>,
    private readonly page: () => PageInfo,
    private readonly notify: (message: string) => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Clips stored for this page (as far as we know). */
  get count(): number {
    return this.loadedFor === this.page().url ? this.clips.size : 0;
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

  /** Re-reads the clips and shows each highlighted figure as clipped or not. */
  async refresh(): Promise<void> {
    await this.load();
    await this.rematch();
  }

  /** Matches the known clips to the highlighted figures (after new figures appeared). */
  async rematch(): Promise<void> {
    const figures = Array.from(this.highlighter.figures.values());
    if (figures.length === 0) return;
    const matches = this.clips.size > 0 ? await matchClips(figures, Array.from(this.clips.values()), await this.index(), this.page().url) : new Map<Figure, string[]>();
    for (const fig of figures) {
      if (this.chains.has(fig)) continue; // a click is being saved: it decides
      const ids = matches.get(fig) ?? [];
      fig.clipIds = ids;
      fig.stored = ids.length > 0;
      if (fig.clipped !== fig.stored) this.show(fig, fig.stored);
    }
  }

  private show(fig: Figure, clipped: boolean): void {
    fig.clipped = clipped;
    setMarksClipped(fig.marks, fig.indicator, clipped);
  }

  private async clipFor(fig: Figure): Promise<Clip> {
    const index = await this.index();
    const range = rangeOfMarks(fig.marks, index);
    if (!range) throw new Error('这个数字已不在页面上');
    const built = buildClip(fig, anchorFor(index.text, range.start, range.end), this.page(), this.now());
    if (!built.ok) throw new Error(built.error);
    return built.clip;
  }

  /** A click: flip the figure at once, then make the store agree (clicks queue per figure). */
  toggle(fig: Figure): Promise<void> {
    const desired = !fig.clipped;
    this.show(fig, desired);
    const run = (this.chains.get(fig) ?? Promise.resolve()).then(() => this.sync(fig, desired));
    this.chains.set(fig, run);
    void run.then(() => {
      if (this.chains.get(fig) === run) this.chains.delete(fig);
    });
    return run;
  }

  private async sync(fig: Figure, desired: boolean): Promise<void> {
    if (desired === fig.stored) return;
    try {
      if (desired) {
        const saved = await this.background.putClip(await this.clipFor(fig));
        this.clips.set(saved.id, saved);
        fig.clipIds = [saved.id];
        fig.stored = true;
      } else {
        for (const id of [...fig.clipIds]) {
          await this.background.deleteClip(id);
          this.clips.delete(id);
          fig.clipIds = fig.clipIds.filter((x) => x !== id);
        }
        fig.stored = false;
      }
    } catch (e) {
      if (fig.clipped === desired) this.show(fig, fig.stored);
      this.notify(`${desired ? '未能摘录' : '未能取消摘录'}：${messageOf(e)}`);
      return;
    }
    // The same passage repeated word for word is one clip: show its twins the same way.
    await this.rematch().catch(() => undefined);
  }

  /** Clips every highlighted figure not clipped yet; returns how many were stored. */
  async clipAll(): Promise<number> {
    await this.ensureLoaded();
    const targets = Array.from(this.highlighter.figures.values())
      .filter((f) => !f.clipped && !f.stored && !this.chains.has(f) && f.marks.every((m) => m.isConnected))
      .sort((a, b) => a.order - b.order);
    if (targets.length === 0) return 0;
    for (const fig of targets) this.show(fig, true);
    const index = await this.index();
    const queue: { fig: Figure; clip: Clip }[] = [];
    const byId = new Map<string, Figure[]>();
    let firstError = '';
    const clock = new SliceClock();
    for (const fig of targets) {
      if (clock.spent()) await clock.yield();
      const range = rangeOfMarks(fig.marks, index);
      const built = range ? buildClip(fig, anchorFor(index.text, range.start, range.end), this.page(), this.now()) : null;
      if (!built || !built.ok) {
        this.show(fig, false);
        firstError ||= built && !built.ok ? built.error : '这个数字已不在页面上';
        continue;
      }
      // The same quote twice on a page is one clip.
      const same = byId.get(built.clip.id);
      if (same) same.push(fig);
      else {
        byId.set(built.clip.id, [fig]);
        queue.push({ fig, clip: built.clip });
      }
    }
    let stored = 0;
    let failed = false;
    const worker = async (): Promise<void> => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const figs = byId.get(job.clip.id)!;
        if (failed) {
          figs.forEach((f) => this.show(f, f.stored));
          continue;
        }
        try {
          const saved = await this.background.putClip(job.clip);
          this.clips.set(saved.id, saved);
          for (const f of figs) Object.assign(f, { stored: true, clipIds: [saved.id] });
          stored++;
        } catch (e) {
          failed = true; // e.g. storage full: the rest would fail too
          firstError ||= messageOf(e);
          figs.forEach((f) => this.show(f, f.stored));
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_PUTS }, worker));
    if (firstError) this.notify(`有些指标未能摘录：${firstError}`);
    return stored;
  }
}
