/**
 * What the background answers. Extension pages may act on any tab and any clip; a content script
 * only on its own page, which is the sender's (tab, frame, address as the browser reports them),
 * never a page named in the message. Every change is announced (clip-events.ts). Holds no state:
 * an MV3 service worker may be stopped and restarted between any two messages.
 */
import { browser } from 'wxt/browser';
import type { ContentHandlers, ContentSender, UiHandlers } from '../messages/bus';
import { broadcastToUi, MessageError } from '../messages/bus';
import type { PageStatus } from '../messages/schemas';
import { type Clip, clipId } from '../model/clip';
import { looseKey, pageKey, siteOf } from '../model/page';
import { announceClipsChanged, pagesOf } from './clip-events';
import { CLIP_SELECTION_MENU, onClipSelectionClicked, takePendingFocus } from './clip-selection';
import { readTexts } from './extract';
import { importEntries } from './import';
import { noteFrame, pageOfFrame } from './frames';
import * as relay from './page-relay';
import { frameKey, withTimeout } from './page-relay';
import * as store from '../store';

/** More pages than this in one change: every page is told to look (an empty list), not each by name. */
const MAX_NAMED_PAGES = 200;

/** A content script answers in milliseconds; a tab without one fails fast or never answers. */
const TAB_STATUS_TIMEOUT_MS = 3000;

/** The sender's page owns the clip: its address, site and id are the sender's, whatever the message says. */
function ownedBy(clip: Clip, sender: ContentSender): Clip {
  const url = pageKey(sender.url);
  return { ...clip, url, site: siteOf(sender.url), id: clipId(url, clip.anchor) };
}

function samePage(clip: Clip, url: string): boolean {
  return clip.url === pageKey(url) || looseKey(clip.url) === looseKey(url);
}

export const uiHandlers: UiHandlers = {
  'tabs.list': async () => {
    const tabs = await browser.tabs.query({});
    const answers = await Promise.allSettled(
      tabs.map(async (tab) => ({ tabId: tab.id ?? -1, status: await withTimeout(relay.pageStatus(tab.id ?? -1), TAB_STATUS_TIMEOUT_MS) })),
    );
    return { tabs: answers.flatMap((a) => (a.status === 'fulfilled' && a.value.tabId >= 0 ? [a.value as { tabId: number; status: PageStatus }] : [])) };
  },
  'tab.status': ({ tabId }) => relay.pageStatus(tabId),
  'tab.highlight': ({ tabId, on }) => relay.highlightPage(tabId, on),
  'tab.figures': ({ tabId }) => relay.pageFigures(tabId),
  'tab.setClipped': ({ tabId, keys, clipped }) => relay.setClipped(tabId, keys, clipped),
  'tab.clipAll': ({ tabId }) => relay.clipAll(tabId),
  'tab.focus': ({ tabId, key }) => relay.focusFigure(tabId, key),
  'tab.command': ({ tabId, command }) => relay.runPageCommand(tabId, command),
  // The menu's own handler, with the click it would get: no panel opens (no gesture), a tab on the clip does.
  'tab.clipSelection': async ({ tabId, frameId }) =>
    (await onClipSelectionClicked({ menuItemId: CLIP_SELECTION_MENU, frameId }, { id: tabId })) ?? { clipped: 0 },
  'clips.list': (query) => store.listClips(query),
  'clips.pages': (request) => store.listPages(request),
  'clips.put': async ({ clips }) => {
    const stored = await store.putClips(clips);
    await announceClipsChanged(pagesOf(stored));
    return { stored: stored.length };
  },
  'clips.import': async ({ importId, entries }) => {
    let stored = 0;
    try {
      const { pages, ...outcome } = await importEntries(entries, (done, total) => {
        stored = done;
        void broadcastToUi('clips.importProgress', { importId, done, total });
      });
      if (pages.length > 0) await announceClipsChanged(pages.length > MAX_NAMED_PAGES ? [] : pages);
      return outcome;
    } catch (e) {
      // A full disk part way: the chunks stored before it stay, and whoever shows clips looks again.
      if (stored > 0) await announceClipsChanged([]);
      throw e;
    }
  },
  'clips.pendingFocus': () => ({ pending: takePendingFocus() }),
  'clips.update': async ({ id, patch }) => {
    const clip = await store.updateClip(id, patch);
    await announceClipsChanged([clip.url]);
    return { clip };
  },
  'clips.delete': async ({ ids }) => {
    const deleted = await store.deleteClips(ids);
    await announceClipsChanged(pagesOf(deleted));
    return { deleted };
  },
  'clips.clearPage': async ({ page }) => {
    const deleted = await store.clearPage(page);
    await announceClipsChanged([pageKey(page)]);
    return { deleted };
  },
  'settings.site': ({ site }) => store.getSiteSettings(site),
  'settings.setSite': async (settings) => {
    const saved = await store.setSiteSettings(settings);
    await broadcastToUi('settings.changed', {});
    return saved;
  },
  'settings.ui': () => store.getUiSettings(),
  'settings.setUi': async (settings) => {
    const saved = await store.setUiSettings(settings);
    await broadcastToUi('settings.changed', {});
    return saved;
  },
};

/** The sender as the page it acts for: an about:blank or srcdoc frame acts for its top page (frames.ts). */
async function asPage(sender: ContentSender): Promise<ContentSender> {
  const url = await pageOfFrame(sender);
  if (url === undefined) throw new MessageError({ code: 'message.refused', detail: 'this frame has no page of its own' });
  return url === sender.url ? sender : { ...sender, url };
}

const pageHandlers: ContentHandlers = {
  'clips.ofPage': async (_request, sender) => ({ clips: await store.clipsOfPage((await asPage(sender)).url) }),
  'clips.put': async ({ clips }, sender) => {
    const page = await asPage(sender);
    const stored = await store.putClips(clips.map((clip) => ownedBy(clip, page)));
    await announceClipsChanged(pagesOf(stored), sender);
    return { clips: stored };
  },
  'clips.delete': async ({ ids }, sender) => {
    const page = await asPage(sender);
    const deleted = (await store.deleteClips(ids, { page: pageKey(page.url) })).filter((clip) => samePage(clip, page.url));
    await announceClipsChanged(pagesOf(deleted), sender);
    return { deleted: deleted.length };
  },
  'settings.get': async (_request, sender) => {
    const page = await asPage(sender).catch(() => sender);
    return { site: await store.getSiteSettings(siteOf(page.url)), ui: await store.getUiSettings() };
  },
  'page.changed': async (_request, sender) => {
    await broadcastToUi('page.changed', { tabId: sender.tabId });
    return { ok: true as const };
  },
  'page.focused': async ({ key }, sender) => {
    // The key as the merged figure table names it (page-relay.ts), so the panel finds the row.
    await broadcastToUi('page.focused', { tabId: sender.tabId, key: frameKey(sender.frameId, key) });
    return { ok: true as const };
  },
  'frame.present': () => ({ ok: true as const }),
  'page.extract': ({ items }) => readTexts(items),
};

/** Every message from a content script also says that its frame is there (frames.ts). */
export const contentHandlers = Object.fromEntries(
  Object.entries(pageHandlers).map(([type, handler]) => [
    type,
    (request: never, sender: ContentSender) => {
      noteFrame(sender);
      return (handler as (request: never, sender: ContentSender) => unknown)(request, sender);
    },
  ]),
) as ContentHandlers;
