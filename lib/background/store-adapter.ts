/**
 * The store operations the background needs, over today's clip store. TEMPORARY: the paged,
 * indexed store (branch `store`) provides these directly; this file goes when it lands.
 */
import type { ClipPage, ClipPatch, ClipQuery, PageSummary, UiSettings } from '../messages/schemas';
import type { Clip, SiteSettings } from '../model/clip';
import { looseKey, pageKey } from '../model/page';
import * as store from '../store/clip-store';

export async function putClips(clips: Clip[]): Promise<Clip[]> {
  const out: Clip[] = [];
  for (const clip of clips) out.push(await store.putClip(clip));
  return out;
}

/** The page's clips, and those of the same page under another address (redirects), whose quotes then decide. */
export async function clipsOfPage(url: string): Promise<Clip[]> {
  const key = looseKey(url);
  return (await store.listClips()).clips.filter((clip) => clip.url === pageKey(url) || looseKey(clip.url) === key);
}

function matches(clip: Clip, words: string[]): boolean {
  const i = clip.indicator;
  const hay = [i.label, i.text, i.unit, String(i.value), clip.sentence, clip.title, clip.section].join('\n').toLowerCase();
  return words.every((w) => hay.includes(w));
}

export async function listClips(query: ClipQuery): Promise<ClipPage> {
  let clips = query.page ? (await store.clipsForPage(query.page)).clips : (await store.listClips()).clips;
  const words = (query.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length) clips = clips.filter((c) => matches(c, words));
  const start = query.cursor ? Number(query.cursor) || 0 : 0;
  const slice = clips.slice(start, start + query.limit);
  const next = start + query.limit < clips.length ? String(start + query.limit) : undefined;
  return { clips: slice, next, total: clips.length };
}

export async function listPages(request: { cursor?: string; limit: number }): Promise<{ pages: PageSummary[]; next?: string }> {
  const groups = new Map<string, PageSummary>();
  for (const clip of (await store.listClips()).clips) {
    const g = groups.get(clip.url);
    if (g) g.clipCount++;
    else groups.set(clip.url, { url: clip.url, title: clip.title, site: clip.site, clipCount: 1, lastClippedAt: clip.clippedAt });
  }
  const all = [...groups.values()];
  const start = request.cursor ? Number(request.cursor) || 0 : 0;
  return { pages: all.slice(start, start + request.limit), next: start + request.limit < all.length ? String(start + request.limit) : undefined };
}

export async function updateClip(id: string, patch: ClipPatch): Promise<Clip> {
  const found = (await store.listClips()).clips.find((c) => c.id === id);
  if (!found) throw { code: 'store.notFound', params: { id } };
  const { note, tags, ...fields } = patch;
  const edited = new Set(found.edited ?? []);
  for (const key of Object.keys(fields) as (keyof typeof fields)[]) if (fields[key] !== undefined) edited.add(key);
  const updated: Clip = {
    ...found,
    indicator: { ...found.indicator, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) },
    original: found.original ?? found.indicator,
    edited: [...edited],
    ...(note !== undefined ? { note } : {}),
    ...(tags !== undefined ? { tags } : {}),
    updatedAt: new Date().toISOString(),
  };
  return store.putClip(updated);
}

export async function deleteClips(ids: string[], options: { page?: string } = {}): Promise<Clip[]> {
  const all = options.page ? (await store.clipsForPage(options.page)).clips : (await store.listClips()).clips;
  const wanted = new Set(ids);
  const deleted: Clip[] = [];
  for (const clip of all) {
    if (!wanted.has(clip.id)) continue;
    if (await store.deleteClip(clip.id)) deleted.push(clip);
  }
  return deleted;
}

export async function clearPage(url: string): Promise<Clip[]> {
  const clips = (await store.clipsForPage(pageKey(url))).clips;
  await store.clearPage(pageKey(url));
  return clips;
}

export const getSiteSettings = (site: string): Promise<SiteSettings> => store.getSiteSettings(site);
export const setSiteSettings = (settings: SiteSettings): Promise<SiteSettings> => store.setSiteSettings(settings);

let uiSettings: UiSettings = { locale: 'auto' };
export async function getUiSettings(): Promise<UiSettings> {
  return uiSettings;
}
export async function setUiSettings(settings: UiSettings): Promise<UiSettings> {
  uiSettings = settings;
  return uiSettings;
}
