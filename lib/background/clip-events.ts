/**
 * After every change to the clips, the background tells whoever shows them: every open extension
 * page (popup, side panel, viewer) and the content scripts of every frame of every tab, each of which re-places
 * its clips only when the change concerns its page. Nothing polls.
 */
import { browser } from 'wxt/browser';
import { broadcastToUi, sendToAllFrames, sendToTab } from '../messages/bus';
import { framesOf } from './frames';
import type { Clip } from '../model/clip';

export function pagesOf(clips: readonly Pick<Clip, 'url'>[]): string[] {
  return [...new Set(clips.map((c) => c.url))];
}

export async function announceClipsChanged(pages: string[], except?: { tabId: number; frameId: number }): Promise<void> {
  await broadcastToUi('clips.changed', { pages });
  let tabs: { id?: number }[] = [];
  try {
    tabs = await browser.tabs.query({});
  } catch {
    return;
  }
  await Promise.all(
    tabs.map(async (tab) => {
      const tabId = tab.id;
      if (tabId === undefined || tabId < 0) return;
      // A tab without our content script (browser pages, stores) cannot answer: nothing to do there.
      if (!except || tabId !== except.tabId) {
        await sendToAllFrames(tabId, 'page.clipsChanged', { pages }).catch(() => undefined);
        return;
      }
      // The frame that made the change knows it already; the tab's other frames are told one by one.
      const others = [...(await framesOf(tabId)).keys()].filter((frameId) => frameId !== except.frameId);
      await Promise.all(others.map((frameId) => sendToTab(tabId, 'page.clipsChanged', { pages }, frameId).catch(() => undefined)));
    }),
  );
}
