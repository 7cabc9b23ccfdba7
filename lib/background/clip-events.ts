/**
 * After every change to the clips, the background tells whoever shows them: every open extension
 * page (popup, side panel, viewer) and the content scripts of every tab, each of which re-places
 * its clips only when the change concerns its page. Nothing polls.
 */
import { browser } from 'wxt/browser';
import { broadcastToUi, sendToTab } from '../messages/bus';
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
      if (tab.id === undefined || tab.id < 0) return;
      if (except && tab.id === except.tabId && except.frameId === 0) return;
      // A tab without our content script (browser pages, stores) cannot answer: nothing to do there.
      await sendToTab(tab.id, 'page.clipsChanged', { pages }).catch(() => undefined);
    }),
  );
}
