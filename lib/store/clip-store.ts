/**
 * The clip store: clips and per-site settings in IndexedDB (database `zhibiao`, see db.ts).
 * Everything going in is checked with the zod schemas; everything coming out is checked again, and
 * a record that fails (a corrupt database, an old bug) is skipped and counted, never fatal.
 */
import type * as z from 'zod/mini';
import { type Clip, ClipSchema, type SiteSettings, SiteSettingsSchema } from '../model/clip';
import { StoreError, read, write } from './db';
import { pageKey } from '../model/page';

export { StoreError, closeDb } from './db';

/** Clips read back, with how many stored records failed the schema and were left out. */
export interface ClipList {
  clips: Clip[];
  skipped: number;
}

const CLIP_FULL = '存储空间已满，未保存 (storage is full: the clip was not saved)';
const clipsFull = (n: number) => `存储空间已满，${n} 条摘录均未保存 (storage is full: none of the ${n} clips was saved)`;
const SETTINGS_FULL = '存储空间已满，设置未保存 (storage is full: the setting was not saved)';
const DELETE_FULL = '存储空间已满，未能删除 (storage is full: nothing was deleted)';
const READ_FAILED = '读取摘录失败 (could not read clips)';

function firstIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

function checkClip(input: unknown, where = ''): Clip {
  const parsed = ClipSchema.safeParse(input);
  if (!parsed.success) throw new StoreError(`无效的摘录${where} (invalid clip${where}): ${firstIssue(parsed.error)}`);
  return parsed.data;
}

function validClips(records: unknown[]): ClipList {
  const clips: Clip[] = [];
  for (const record of records) {
    const parsed = ClipSchema.safeParse(record);
    if (parsed.success) clips.push(parsed.data);
  }
  const skipped = records.length - clips.length;
  if (skipped > 0) console.warn(`zhibiao: skipped ${skipped} corrupt clip record(s) in IndexedDB`);
  return { clips, skipped };
}

const time = (iso: string) => Date.parse(iso);

/** Newest first; ties (same instant) in a stable order by id. */
function newestFirst(a: Clip, b: Clip): number {
  return time(b.clippedAt) - time(a.clippedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The same figure clipped again keeps the moment it was first clipped. */
function merge(incoming: Clip, stored: unknown): Clip {
  const previous = ClipSchema.safeParse(stored);
  if (!previous.success) return incoming; // nothing, or a corrupt record the new clip repairs
  const first = time(previous.data.clippedAt) <= time(incoming.clippedAt) ? previous.data.clippedAt : incoming.clippedAt;
  return { ...incoming, clippedAt: first };
}

/** Store a clip. Idempotent by id: clipping a figure twice keeps one clip and its first clippedAt. */
export async function putClip(input: Clip): Promise<Clip> {
  const clip = checkClip(input);
  return write(
    'clips',
    async (store) => {
      const kept = merge(clip, await store.get(clip.id));
      await store.put(kept);
      return kept;
    },
    { full: CLIP_FULL, failed: '未能保存摘录 (could not save the clip)' },
  );
}

/** Store many clips in one transaction: all are stored or none. Returns how many distinct clips were stored. */
export async function putClips(inputs: Clip[]): Promise<number> {
  const byId = new Map<string, Clip>();
  inputs.forEach((input, index) => {
    const clip = checkClip(input, ` #${index + 1}`);
    byId.set(clip.id, merge(clip, byId.get(clip.id)));
  });
  if (byId.size === 0) return 0;
  return write(
    'clips',
    async (store) => {
      const clips = [...byId.values()];
      // async callbacks: a request that throws at once becomes a rejection Promise.all sees, so
      // the other requests' AbortErrors (after the rollback) are handled too.
      const stored = await Promise.all(clips.map(async (clip) => store.get(clip.id)));
      await Promise.all(clips.map(async (clip, i) => store.put(merge(clip, stored[i]))));
      return clips.length;
    },
    { full: clipsFull(byId.size), failed: '未能保存摘录 (could not save the clips)' },
  );
}

/** Delete one clip; false when there was none with this id. */
export async function deleteClip(id: string): Promise<boolean> {
  return write(
    'clips',
    async (store) => {
      if ((await store.count(id)) === 0) return false;
      await store.delete(id);
      return true;
    },
    { full: DELETE_FULL, failed: '未能删除摘录 (could not delete the clip)' },
  );
}

/** This page's clips, newest first. */
export async function clipsForPage(url: string): Promise<ClipList> {
  const records = await read('clips', (store) => store.index('url').getAll(pageKey(url)), READ_FAILED);
  const list = validClips(records);
  return { clips: list.clips.sort(newestFirst), skipped: list.skipped };
}

/** Every clip, newest first. */
export async function listClips(): Promise<ClipList> {
  // The whole store rather than the clippedAt index: a corrupt record may lack clippedAt, and it
  // must still be counted as skipped.
  const records = await read('clips', (store) => store.getAll(), READ_FAILED);
  const list = validClips(records);
  return { clips: list.clips.sort(newestFirst), skipped: list.skipped };
}

/** Delete every clip of a page; returns how many were deleted. */
export async function clearPage(url: string): Promise<number> {
  return write(
    'clips',
    async (store) => {
      const ids = await store.index('url').getAllKeys(pageKey(url));
      await Promise.all(ids.map(async (id) => store.delete(id)));
      return ids.length;
    },
    { full: DELETE_FULL, failed: '未能清除本页摘录 (could not clear the page’s clips)' },
  );
}

/** A site's settings, or the defaults (highlight automatically) when none are stored. */
export async function getSiteSettings(site: string): Promise<SiteSettings> {
  const stored = await read('sites', (store) => store.get(site), '读取网站设置失败 (could not read the site settings)');
  const parsed = SiteSettingsSchema.safeParse(stored);
  if (parsed.success && parsed.data.site === site) return parsed.data;
  if (stored !== undefined) console.warn('zhibiao: ignored corrupt site settings record');
  return { site, autoHighlight: true };
}

export async function setSiteSettings(input: SiteSettings): Promise<SiteSettings> {
  const parsed = SiteSettingsSchema.safeParse(input);
  if (!parsed.success) throw new StoreError(`无效的网站设置 (invalid site settings): ${firstIssue(parsed.error)}`);
  const settings = parsed.data;
  return write(
    'sites',
    async (store) => {
      await store.put(settings);
      return settings;
    },
    { full: SETTINGS_FULL, failed: '未能保存网站设置 (could not save the site settings)' },
  );
}
