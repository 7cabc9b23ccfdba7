/**
 * The content script's BackgroundApi over the typed message bus. The background takes the page
 * from the sender (this tab and frame), so the url and site arguments only serve the in-memory
 * fakes of the tests.
 */
import { tellBackground } from '../messages/bus';
import { unpackIndicatorLists } from '../messages/packed-indicators';
import type { BackgroundApi } from './clips';

export const busBackground: BackgroundApi = {
  putClip: async (clip) => {
    const [stored] = (await tellBackground('clips.put', { clips: [clip] })).clips;
    return stored ?? clip;
  },
  deleteClip: async (id) => (await tellBackground('clips.delete', { ids: [id] })).deleted > 0,
  clipsForPage: async () => (await tellBackground('clips.ofPage', {})).clips,
  getSettings: async () => {
    const { site, ui } = await tellBackground('settings.get', {});
    return { site, locale: ui.locale };
  },
  extract: async (items) =>
    unpackIndicatorLists(
      (await tellBackground('page.extract', { items })).packed,
      items.map((item) => item.text),
    ),
};

/** Tells the extension's pages which figure the reader focused with the keyboard. */
export function announceFocused(key: string): void {
  void tellBackground('page.focused', { key }).catch(() => undefined);
}

/** Tells open extension pages that this page's figures or clips changed (the side panel re-reads them). */
export function announcePageChanged(): void {
  void tellBackground('page.changed', {}).catch(() => undefined);
}
