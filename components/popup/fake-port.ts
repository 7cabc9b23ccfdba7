/**
 * Test support for the popup (not shipped; use it through test-support.tsx): a fake UiPort over a small world of tabs, pages and
 * stored clips. Every method is a vi.fn(), so tests check what the popup asked for; mutations
 * push `clips.changed` as the real background does, so the popup's reactions are exercised too.
 */
import { type Mock, vi } from 'vitest';
import { MessageError } from '../../lib/messages/bus';
import { type Clip, ClipSchema, type SiteSettings } from '../../lib/model/clip';
import { pageKey } from '../../lib/model/page';
import type { PageStatus, TabRef, UiEvent, UiPort, UiSettings } from '../port/ui-port';

export const EXTENSION_ORIGIN = 'chrome-extension://zhibiaotest/';

export interface FakeWorld {
  clips: Clip[];
  /** Content scripts that answer, by tab id. */
  pages: Map<number, PageStatus>;
  tabs: { id: number; title?: string; url?: string }[];
  active?: { id: number; url?: string };
  /** The tab the popup itself is open in (opened as a full tab). */
  own?: { id: number };
  siteSettings?: Record<string, SiteSettings>;
  /** The stored language setting; simplified Chinese unless a test says otherwise (as test/unit/locale-setup.ts). */
  ui?: UiSettings;
  /** Replies by port method, overriding the world's (throw to fail). */
  override?: Partial<UiPort>;
}

export type FakePort = { [K in keyof UiPort]: Mock<UiPort[K]> } & {
  /** Delivers a push from the background to every subscriber. */
  emit(event: UiEvent): void;
};

/** What the real background throws when a tab's content script does not answer. */
export function noReceiver(detail = 'Could not establish connection. Receiving end does not exist.'): MessageError {
  return new MessageError({ code: 'message.noReceiver', detail });
}

export function fakePort(world: FakeWorld): FakePort {
  const listeners = new Set<(event: UiEvent) => void>();
  const tabListeners = new Set<(tab: TabRef | undefined) => void>();
  const emit = (event: UiEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  // The background broadcasts after it answered.
  const changed = (pages: string[]) => setTimeout(() => emit({ type: 'clips.changed', pages }), 0);
  const statusOf = (tabId: number) => {
    const status = world.pages.get(tabId);
    if (!status) throw noReceiver();
    return status;
  };

  const real: UiPort = {
    activeTab: async () => (world.active ? { tabId: world.active.id, url: world.active.url } : undefined),
    ownTab: async () => (world.own ? { tabId: world.own.id } : undefined),
    onActiveTabChange: (listener) => {
      tabListeners.add(listener);
      return () => tabListeners.delete(listener);
    },
    pickableTabs: async () => world.tabs.filter((tab) => world.pages.has(tab.id)).map((tab) => ({ tabId: tab.id, status: world.pages.get(tab.id)! })),
    pageStatus: async (tabId) => statusOf(tabId),
    highlight: async (tabId, on) => {
      const status = { ...statusOf(tabId), highlighted: on };
      world.pages.set(tabId, status);
      return status;
    },
    pageFigures: async (tabId) => {
      statusOf(tabId);
      return { figures: [], orphans: [] };
    },
    setClipped: async () => 0,
    clipAll: async (tabId) => {
      statusOf(tabId);
      return 0;
    },
    focusFigure: async (tabId) => {
      statusOf(tabId);
    },
    listClips: async (query) => {
      const clips = world.clips.filter((c) => query.page === undefined || pageKey(c.url) === query.page);
      return { clips: clips.slice(0, query.limit), total: clips.length };
    },
    listPages: async () => ({ pages: [] }),
    putClips: async (clips) => {
      const ids = new Set(clips.map((c) => c.id));
      world.clips = [...world.clips.filter((c) => !ids.has(c.id)), ...clips];
      changed([...new Set(clips.map((c) => pageKey(c.url)))]);
      return clips.length;
    },
    importClips: async (entries, onProgress) => {
      const valid = entries.flatMap((entry) => {
        const clip = ClipSchema.safeParse(entry);
        return clip.success ? [clip.data] : [];
      });
      const fresh = new Map<string, Clip>();
      for (const clip of valid) if (!world.clips.some((c) => c.id === clip.id)) fresh.set(clip.id, clip);
      onProgress?.(0, entries.length);
      await new Promise((resolve) => setTimeout(resolve, 0)); // the background stores in chunks
      world.clips = [...world.clips, ...fresh.values()];
      onProgress?.(entries.length, entries.length);
      if (fresh.size) changed([...new Set([...fresh.values()].map((c) => pageKey(c.url)))]);
      return { added: fresh.size, skipped: valid.length - fresh.size, rejected: entries.length - valid.length };
    },
    pendingClipFocus: async () => undefined,
    updateClip: async (id, patch) => {
      const clip = world.clips.find((c) => c.id === id);
      if (!clip) throw new MessageError({ code: 'store.notFound', params: { id } });
      const updated = { ...clip, indicator: { ...clip.indicator, ...patch } } as Clip;
      world.clips = world.clips.map((c) => (c.id === id ? updated : c));
      return updated;
    },
    deleteClips: async (ids) => {
      const deleted = world.clips.filter((c) => ids.includes(c.id));
      world.clips = world.clips.filter((c) => !ids.includes(c.id));
      changed([...new Set(deleted.map((c) => pageKey(c.url)))]);
      return deleted;
    },
    clearPage: async (page) => {
      const deleted = world.clips.filter((c) => pageKey(c.url) === page);
      world.clips = world.clips.filter((c) => pageKey(c.url) !== page);
      changed([page]);
      return deleted;
    },
    siteSettings: async (site) => world.siteSettings?.[site] ?? { site, autoHighlight: false },
    setSiteSettings: async (settings) => {
      world.siteSettings = { ...world.siteSettings, [settings.site]: settings };
      return settings;
    },
    uiSettings: async () => world.ui ?? { locale: 'zh-CN' },
    setUiSettings: async (settings) => {
      world.ui = settings;
      setTimeout(() => emit({ type: 'settings.changed' }), 0);
      return settings;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  const port = { emit } as FakePort;
  for (const name of Object.keys(real) as (keyof UiPort)[]) {
    // Overrides are looked up at call time, so a test may set them after mounting.
    (port as Record<string, unknown>)[name] = vi.fn((...args: unknown[]) => {
      const impl = (world.override?.[name] ?? real[name]) as (...a: unknown[]) => unknown;
      return impl(...args);
    });
  }
  return port;
}
