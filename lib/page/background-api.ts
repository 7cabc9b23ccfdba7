/** The content script's BackgroundApi over the typed message bus. */
import { sendToBackground } from '../messages/bus';
import type { BackgroundApi } from './clips';

export const busBackground: BackgroundApi = {
  putClip: async (clip) => (await sendToBackground('content->background', 'putClip', { clip })).clip,
  deleteClip: async (id) => (await sendToBackground('content->background', 'deleteClip', { id })).deleted,
  clipsForPage: async (url) => (await sendToBackground('content->background', 'clipsForPage', { url })).clips,
  getSiteSettings: (site) => sendToBackground('content->background', 'getSiteSettings', { site }),
};
