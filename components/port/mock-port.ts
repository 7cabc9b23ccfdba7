/**
 * An in-memory UiPort for the screens' tests (popup, side panel, PDF viewer): tabs with a page
 * status and figures, a clip store, and the background's pushes, all driven from the test. It
 * behaves as the background does where a screen can tell (clipping a figure stores a clip and
 * pushes `page.changed` + `clips.changed`; deleting returns the deleted clips; edits keep the
 * extractor's original), so a test asserts what the user would see, not which calls were made.
 * Every call is also recorded in `calls`, for the tests that check what was asked.
 */
import type { ResponseOf } from '../../lib/messages/protocol';
import { matchingView } from '../../lib/extract/normalize';
import { type Clip, clipId, ClipSchema, EDITABLE_FIELDS, type SiteSettings } from '../../lib/model/clip';
import { pageKey, siteOf } from '../../lib/model/page';
import type { ClipPage, ClipPatch, ClipQuery, FigureRow, PageStatus, PageSummary, TabRef, UiEvent, UiPort, UiSettings } from './ui-port';

type Figures = ResponseOf<'ui->background', 'tab.figures'>;

/** A tab of the mock world: its page and the figures found on it (their clipIds are derived from the store). */
export interface MockTab {
  tab: TabRef;
  /** The page's status; absent: no content script answers (a browser page, a closed tab). */
  status?: PageStatus;
  figures: Omit<FigureRow, 'clipIds'>[];
}

export interface MockPortOptions {
  tabs?: MockTab[];
  clips?: Clip[];
  /** The active tab's id. */
  active?: number;
  /** The tab the screen itself is open in (a full-tab view); absent: a popup or side panel. */
  own?: number;
  /** The user's settings (default: follow the browser's language). */
  ui?: UiSettings;
  /** Calls that fail: method name → the error to throw (as the real port rejects). */
  failures?: Partial<Record<keyof UiPort, Error>>;
  /** A manual clip the background holds for a panel that is starting (pendingClipFocus, handed out once). */
  pendingFocus?: { tabId: number; clipId: string };
}

export interface MockCall {
  method: keyof UiPort;
  args: unknown[];
}

export interface MockPort extends UiPort {
  readonly tabs: Map<number, MockTab>;
  /** The store, by clip id. */
  readonly clips: Map<string, Clip>;
  readonly calls: MockCall[];
  failures: Partial<Record<keyof UiPort, Error>>;
  /** Pushes an event to every subscriber, as the background does. */
  emit(event: UiEvent): void;
  /** Makes another tab active (or none) and tells the listeners. */
  activate(tabId: number | undefined): void;
  /** Replaces a tab's figures (a navigation, a page that grew) without telling anyone. */
  setFigures(tabId: number, figures: Omit<FigureRow, 'clipIds'>[]): void;
  /** The clip the page would make of this figure (the id the mock derives for it). */
  clipOfFigure(tabId: number, key: string, at?: string): Clip;
  /** Clips a figure as a click in the page does: stores it and pushes the events. */
  clipInPage(tabId: number, key: string): Clip;
}

const FIXED_TIME = '2026-01-01T00:00:00.000Z';

export function mockStatus(url: string, o: Partial<PageStatus> = {}): PageStatus {
  return {
    url,
    title: '政府工作报告',
    site: siteOf(url),
    kind: 'html',
    isPolicy: true,
    score: 7,
    reasons: [],
    highlighted: true,
    indicatorCount: 0,
    clippedCount: 0,
    orphanCount: 0,
    autoHighlight: false,
    ...o,
  };
}

export function createMockPort(options: MockPortOptions = {}): MockPort {
  const tabs = new Map<number, MockTab>((options.tabs ?? []).map((t) => [t.tab.tabId, t]));
  const clips = new Map<string, Clip>((options.clips ?? []).map((c) => [c.id, c]));
  const calls: MockCall[] = [];
  const listeners = new Set<(event: UiEvent) => void>();
  const tabListeners = new Set<(tab: TabRef | undefined) => void>();
  let active = options.active ?? options.tabs?.[0]?.tab.tabId;
  const own = options.own;
  const settings = new Map<string, SiteSettings>();
  let ui: UiSettings = options.ui ?? { locale: 'auto' };
  let pendingFocus = options.pendingFocus;

  const tabOf = (tabId: number): MockTab => {
    const tab = tabs.get(tabId);
    if (!tab?.status) throw new Error('Could not establish connection. Receiving end does not exist.');
    return tab;
  };
  const urlOf = (tab: MockTab) => pageKey(tab.status!.url);
  /** The id of the clip the page makes of a figure: the same figure, the same id. */
  const idOf = (tab: MockTab, figure: Omit<FigureRow, 'clipIds'>) => clipId(urlOf(tab), { exact: figure.indicator.text, prefix: figure.key, suffix: '' });
  const figureClipId = (tab: MockTab, key: string) => {
    const figure = tab.figures.find((f) => f.key === key);
    return figure ? idOf(tab, figure) : clipId(urlOf(tab), { exact: key, prefix: key, suffix: '' });
  };
  const emit = (event: UiEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  const changed = (pages: string[]) => {
    emit({ type: 'clips.changed', pages });
    for (const [tabId, tab] of tabs) if (tab.status && pages.includes(urlOf(tab))) emit({ type: 'page.changed', tabId });
  };
  /** Records the call and throws the failure set for it, if any. */
  const enter = (method: keyof UiPort, args: unknown[]) => {
    calls.push({ method, args });
    const failure = port.failures[method];
    if (failure) throw failure;
  };

  const clipOfFigure = (tabId: number, key: string, at = FIXED_TIME): Clip => {
    const tab = tabOf(tabId);
    const figure = tab.figures.find((f) => f.key === key);
    if (!figure) throw new Error(`no figure ${key} in tab ${tabId}`);
    const url = urlOf(tab);
    return {
      id: figureClipId(tab, key),
      url,
      title: tab.status!.title,
      site: siteOf(url),
      section: figure.heading,
      indicator: { ...figure.indicator },
      sentence: figure.sentence,
      anchor: { exact: figure.indicator.text, prefix: key, suffix: '', position: figure.order },
      clippedAt: at,
      source: 'text',
    };
  };

  const matches = (clip: Clip, words: string[]) => {
    if (words.length === 0) return true;
    const hay = matchingView(
      `${clip.indicator.label} ${clip.indicator.text} ${clip.sentence} ${clip.title} ${clip.note ?? ''} ${(clip.tags ?? []).join(' ')}`,
    ).toLowerCase();
    return words.every((w) => hay.includes(w));
  };
  const newestFirst = (a: Clip, b: Clip) => (a.clippedAt < b.clippedAt ? 1 : a.clippedAt > b.clippedAt ? -1 : a.id < b.id ? -1 : 1);

  const port: MockPort = {
    tabs,
    clips,
    calls,
    failures: { ...options.failures },
    emit,
    activate(tabId) {
      active = tabId;
      const tab = tabId === undefined ? undefined : tabs.get(tabId)?.tab;
      for (const listener of [...tabListeners]) listener(tab);
    },
    setFigures(tabId, figures) {
      tabs.get(tabId)!.figures = figures;
    },
    clipOfFigure,
    clipInPage(tabId, key) {
      const clip = clipOfFigure(tabId, key, new Date().toISOString());
      clips.set(clip.id, clip);
      changed([clip.url]);
      return clip;
    },

    async activeTab() {
      enter('activeTab', []);
      return active === undefined ? undefined : tabs.get(active)?.tab;
    },
    async ownTab() {
      enter('ownTab', []);
      return own === undefined ? undefined : (tabs.get(own)?.tab ?? { tabId: own });
    },
    async pickableTabs() {
      enter('pickableTabs', []);
      return [...tabs.values()].flatMap((t) => (t.status && t.tab.tabId !== own ? [{ tabId: t.tab.tabId, status: t.status }] : []));
    },
    onActiveTabChange(listener) {
      tabListeners.add(listener);
      return () => tabListeners.delete(listener);
    },
    async pageStatus(tabId) {
      enter('pageStatus', [tabId]);
      return tabOf(tabId).status!;
    },
    async highlight(tabId, on) {
      enter('highlight', [tabId, on]);
      const tab = tabOf(tabId);
      tab.status = { ...tab.status!, highlighted: on };
      return tab.status;
    },
    async pageFigures(tabId): Promise<Figures> {
      enter('pageFigures', [tabId]);
      const tab = tabOf(tabId);
      const url = urlOf(tab);
      const placed = new Set<string>();
      const figures = tab.figures.map((f) => {
        const id = idOf(tab, f);
        const clip = clips.get(id);
        if (clip) placed.add(id);
        // The page shows a clipped figure with the clip's (possibly corrected) reading.
        return { ...f, indicator: clip ? clip.indicator : f.indicator, clipIds: clip ? [id] : [] };
      });
      const orphans = [...clips.values()].filter((c) => c.url === url && !placed.has(c.id));
      return { figures, orphans };
    },
    async setClipped(tabId, keys, clipped) {
      enter('setClipped', [tabId, keys, clipped]);
      const tab = tabOf(tabId);
      const byKey = new Map(tab.figures.map((f) => [f.key, f]));
      let count = 0;
      for (const key of keys) {
        const figure = byKey.get(key);
        if (!figure) continue;
        const id = idOf(tab, figure);
        if (clipped && !clips.has(id)) {
          clips.set(id, clipOfFigure(tabId, key, new Date().toISOString()));
          count++;
        } else if (!clipped && clips.delete(id)) count++;
      }
      if (count) changed([urlOf(tab)]);
      return count;
    },
    async clipAll(tabId) {
      enter('clipAll', [tabId]);
      return port.setClipped(
        tabId,
        tabOf(tabId).figures.map((f) => f.key),
        true,
      );
    },
    async focusFigure(tabId, key) {
      enter('focusFigure', [tabId, key]);
      tabOf(tabId);
    },

    async listClips(query: ClipQuery): Promise<ClipPage> {
      enter('listClips', [query]);
      const words = (query.search ?? '')
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => matchingView(w).toLowerCase());
      const all = [...clips.values()].filter((c) => (query.page === undefined || c.url === query.page) && matches(c, words)).sort(newestFirst);
      const start = query.cursor ? Number(query.cursor) : 0;
      const end = start + query.limit;
      return { clips: all.slice(start, end), total: all.length, ...(end < all.length ? { next: String(end) } : {}) };
    },
    async listPages(request) {
      enter('listPages', [request]);
      const byUrl = new Map<string, PageSummary>();
      for (const clip of clips.values()) {
        const page = byUrl.get(clip.url);
        if (!page) byUrl.set(clip.url, { url: clip.url, title: clip.title, site: clip.site, clipCount: 1, lastClippedAt: clip.clippedAt });
        else {
          page.clipCount++;
          if (clip.clippedAt > page.lastClippedAt) page.lastClippedAt = clip.clippedAt;
        }
      }
      const all = [...byUrl.values()].sort((a, b) => (a.lastClippedAt < b.lastClippedAt ? 1 : a.lastClippedAt > b.lastClippedAt ? -1 : a.url < b.url ? -1 : 1));
      const start = request.cursor ? Number(request.cursor) : 0;
      const end = start + request.limit;
      return { pages: all.slice(start, end), ...(end < all.length ? { next: String(end) } : {}) };
    },
    async putClips(list) {
      enter('putClips', [list]);
      for (const clip of list) clips.set(clip.id, clip);
      if (list.length) changed([...new Set(list.map((c) => c.url))]);
      return list.length;
    },
    async importClips(entries, onProgress) {
      enter('importClips', [entries]);
      // As the background: each entry checked on its own, new ones added, known ones skipped.
      const valid = entries.flatMap((entry) => {
        const clip = ClipSchema.safeParse(entry);
        return clip.success ? [clip.data] : [];
      });
      let added = 0;
      onProgress?.(0, entries.length);
      for (const clip of valid) {
        if (!clips.has(clip.id)) added++;
        clips.set(clip.id, clips.get(clip.id) ?? clip);
      }
      onProgress?.(entries.length, entries.length);
      if (valid.length) changed([...new Set(valid.map((c) => c.url))]);
      return { added, skipped: valid.length - added, rejected: entries.length - valid.length };
    },
    async pendingClipFocus() {
      enter('pendingClipFocus', []);
      const taken = pendingFocus;
      pendingFocus = undefined;
      return taken;
    },
    async updateClip(id, patch: ClipPatch) {
      enter('updateClip', [id, patch]);
      const clip = clips.get(id);
      if (!clip) throw new Error(`no clip ${id}`);
      const indicator = { ...clip.indicator };
      const edited = new Set(clip.edited ?? []);
      for (const field of EDITABLE_FIELDS) {
        if (patch[field] === undefined || patch[field] === indicator[field]) continue;
        (indicator as Record<string, unknown>)[field] = patch[field];
        edited.add(field);
      }
      const next: Clip = {
        ...clip,
        indicator,
        updatedAt: new Date().toISOString(),
        ...(edited.size ? { edited: EDITABLE_FIELDS.filter((f) => edited.has(f)), original: clip.original ?? clip.indicator } : {}),
      };
      if (patch.note !== undefined) next.note = patch.note;
      if (patch.tags !== undefined) next.tags = patch.tags;
      clips.set(id, next);
      changed([clip.url]);
      return next;
    },
    async deleteClips(ids) {
      enter('deleteClips', [ids]);
      const deleted = ids.map((id) => clips.get(id)).filter((c): c is Clip => !!c);
      for (const clip of deleted) clips.delete(clip.id);
      if (deleted.length) changed([...new Set(deleted.map((c) => c.url))]);
      return deleted;
    },
    async clearPage(page) {
      enter('clearPage', [page]);
      return port.deleteClips([...clips.values()].filter((c) => c.url === page).map((c) => c.id));
    },

    async siteSettings(site) {
      enter('siteSettings', [site]);
      return settings.get(site) ?? { site, autoHighlight: false };
    },
    async setSiteSettings(value) {
      enter('setSiteSettings', [value]);
      settings.set(value.site, value);
      return value;
    },
    async uiSettings() {
      enter('uiSettings', []);
      return ui;
    },
    async setUiSettings(value) {
      enter('setUiSettings', [value]);
      ui = value;
      emit({ type: 'settings.changed' });
      return ui;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return port;
}
