/** An in-memory clip store standing in for the background in content-script tests. */
import { vi } from 'vitest';
import { type Clip, ClipSchema } from '../../model/clip';
import type { BackgroundApi } from '../clips';

export function fakeBackground(options: { autoHighlight?: boolean } = {}) {
  const store = new Map<string, Clip>();
  const state = { failPuts: '' };
  const api = {
    putClip: vi.fn(async (clip: Clip) => {
      if (state.failPuts) throw new Error(state.failPuts);
      const checked = ClipSchema.parse(clip);
      store.set(checked.id, checked);
      return checked;
    }),
    deleteClip: vi.fn(async (id: string) => store.delete(id)),
    clipsForPage: vi.fn(async (url: string) => Array.from(store.values()).filter((c) => c.url === url)),
    getSiteSettings: vi.fn(async (site: string) => ({ site, autoHighlight: options.autoHighlight ?? true })),
  } satisfies BackgroundApi;
  return { api, store, state };
}
