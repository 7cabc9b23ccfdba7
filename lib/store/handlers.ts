/**
 * What the background answers, by message direction: each handler is one call into the clip store.
 * Kept out of entrypoints/background.ts so it can be tested without a browser. Holds no state: an
 * MV3 service worker may be stopped and restarted between any two messages.
 */
import type { Handlers } from '../messages/bus';
import * as store from './clip-store';

export const contentToBackgroundHandlers: Handlers<'content->background'> = {
  putClip: async ({ clip }) => ({ clip: await store.putClip(clip) }),
  deleteClip: async ({ id }) => ({ deleted: await store.deleteClip(id) }),
  clipsForPage: async ({ url }) => ({ clips: (await store.clipsForPage(url)).clips }),
  getSiteSettings: ({ site }) => store.getSiteSettings(site),
};

export const popupToBackgroundHandlers: Handlers<'popup->background'> = {
  listClips: async () => ({ clips: (await store.listClips()).clips }),
  putClips: async ({ clips }) => ({ stored: await store.putClips(clips) }),
  deleteClip: async ({ id }) => ({ deleted: await store.deleteClip(id) }),
  clearPage: async ({ url }) => ({ deleted: await store.clearPage(url) }),
  getSiteSettings: ({ site }) => store.getSiteSettings(site),
  setSiteSettings: (settings) => store.setSiteSettings(settings),
};

/** The table entrypoints/background.ts gives to listen(). */
export const backgroundHandlers = {
  'content->background': contentToBackgroundHandlers,
  'popup->background': popupToBackgroundHandlers,
};
