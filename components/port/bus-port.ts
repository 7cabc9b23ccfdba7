/** The real UiPort: the background over the typed message bus, and the browser's tab events. */
import { browser } from 'wxt/browser';
import { askBackground, listenAsUi } from '../../lib/messages/bus';
import { importInParts } from './import-parts';
import type { TabRef, UiEvent, UiPort } from './ui-port';

async function activeTab(): Promise<TabRef | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return undefined;
  return { tabId: tab.id, windowId: tab.windowId, url: tab.url, title: tab.title };
}

export const busPort: UiPort = {
  activeTab,
  ownTab: async () => {
    const tab = await browser.tabs.getCurrent();
    return tab?.id === undefined ? undefined : { tabId: tab.id, windowId: tab.windowId, url: tab.url, title: tab.title };
  },
  onActiveTabChange(listener) {
    // tabs events need no permission; their url and title fields are simply absent without one.
    const activated = () => void activeTab().then(listener, () => listener(undefined));
    const updated = (_tabId: number, change: { status?: string }) => {
      if (change.status === 'complete') activated();
    };
    browser.tabs.onActivated.addListener(activated);
    browser.tabs.onUpdated.addListener(updated);
    return () => {
      browser.tabs.onActivated.removeListener(activated);
      browser.tabs.onUpdated.removeListener(updated);
    };
  },
  pickableTabs: async () => (await askBackground('tabs.list', {})).tabs,
  pageStatus: (tabId) => askBackground('tab.status', { tabId }),
  highlight: (tabId, on) => askBackground('tab.highlight', { tabId, on }),
  pageFigures: (tabId) => askBackground('tab.figures', { tabId }),
  setClipped: async (tabId, keys, clipped) => (await askBackground('tab.setClipped', { tabId, keys, clipped })).changed,
  clipAll: async (tabId) => (await askBackground('tab.clipAll', { tabId })).clipped,
  focusFigure: async (tabId, key) => {
    await askBackground('tab.focus', { tabId, key });
  },
  listClips: (query) => askBackground('clips.list', query),
  listPages: (request) => askBackground('clips.pages', request),
  putClips: async (clips) => (await askBackground('clips.put', { clips })).stored,
  importClips: async (entries, onProgress) => {
    // The progress pushes go to every open extension page: each part's id picks out its own.
    let importId = '';
    let partProgress: (done: number, total: number) => void = () => undefined;
    const stop = listenAsUi({ 'clips.importProgress': (progress) => progress.importId === importId && partProgress(progress.done, progress.total) });
    try {
      return await importInParts(
        entries,
        (part, onPartProgress) => {
          importId = crypto.randomUUID();
          partProgress = onPartProgress;
          return askBackground('clips.import', { importId, entries: part });
        },
        onProgress,
      );
    } finally {
      stop();
    }
  },
  pendingClipFocus: async () => (await askBackground('clips.pendingFocus', {})).pending,
  updateClip: async (id, patch) => (await askBackground('clips.update', { id, patch })).clip,
  deleteClips: async (ids) => (await askBackground('clips.delete', { ids })).deleted,
  clearPage: async (page) => (await askBackground('clips.clearPage', { page })).deleted,
  siteSettings: (site) => askBackground('settings.site', { site }),
  setSiteSettings: (settings) => askBackground('settings.setSite', settings),
  uiSettings: () => askBackground('settings.ui', {}),
  setUiSettings: (settings) => askBackground('settings.setUi', settings),
  subscribe(listener) {
    return listenAsUi({
      'clips.changed': ({ pages }) => listener({ type: 'clips.changed', pages }),
      'page.changed': ({ tabId }) => listener({ type: 'page.changed', tabId }),
      'page.focused': ({ tabId, key }) => listener({ type: 'page.focused', tabId, key } satisfies UiEvent),
      'settings.changed': () => listener({ type: 'settings.changed' }),
      'clips.focus': ({ tabId, clipId }) => listener({ type: 'clips.focus', tabId, clipId }),
    });
  },
};
