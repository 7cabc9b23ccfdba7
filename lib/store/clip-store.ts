/**
 * Writing clips: store, import, correct, delete. Everything going in is checked with the zod
 * schemas; each call is one transaction over the clips, their search texts and the page summaries,
 * so a failure (full disk, invalid data) leaves nothing half-written. Reads are in clip-query.ts.
 */
import { type Clip, ClipSchema } from '../model/clip';
import { looseKey, pageKey } from '../model/page';
import { type ClipPatch, ClipPatchSchema } from '../messages/schemas';
import { applyPatch, mergeClip } from './corrections';
import { write } from './db';
import { StoreError, issuesOf } from './errors';
import { type ClipWriteTx, PageChanges, pageRange } from './page-summary';
import { type ClipRecord, toRecord } from './records';
import { CLIP_COUNT_KEY } from './schema';
import { ShardEditor } from './search-shards';

const CLIP_STORES: ('clips' | 'search' | 'pages' | 'meta')[] = ['clips', 'search', 'pages', 'meta'];

/** A valid clip, or an invalidClip error naming the entry (`index` from 1) and the schema's issue. */
export function checkClip(input: unknown, index?: number): Clip {
  const parsed = ClipSchema.safeParse(input);
  if (!parsed.success) {
    throw new StoreError('store.invalidClip', {
      ...(index !== undefined ? { params: { index } } : {}),
      detail: issuesOf(parsed.error, 1),
    });
  }
  return parsed.data;
}

/** A stored record as a clip; undefined when it fails the schema (corrupt). */
export function clipOf(record: unknown): Clip | undefined {
  const parsed = ClipSchema.safeParse(record);
  return parsed.success ? parsed.data : undefined;
}

/** The inputs checked, one clip per id (the same figure twice in a batch counts once). */
function distinct(inputs: readonly unknown[], firstIndex = 1): Clip[] {
  const byId = new Map<string, Clip>();
  inputs.forEach((input, i) => {
    const clip = checkClip(input, firstIndex + i);
    byId.set(clip.id, mergeClip(clip, byId.get(clip.id)));
  });
  return [...byId.values()];
}

/** Keep `meta.clipCount` (the total the first screen shows) in step with a write. */
async function addToCount(tx: ClipWriteTx, change: number): Promise<void> {
  if (change === 0) return;
  const meta = tx.objectStore('meta');
  const stored = await meta.get(CLIP_COUNT_KEY);
  const count = typeof stored === 'number' ? stored : (await tx.objectStore('clips').count()) - change;
  await meta.put(Math.max(0, count + change), CLIP_COUNT_KEY);
}

/** Writes the clips; returns them as stored and how many of them were not stored before (added). */
async function putInTransaction(tx: ClipWriteTx, clips: readonly Clip[]): Promise<{ kept: Clip[]; added: number }> {
  const store = tx.objectStore('clips');
  const changes = new PageChanges();
  const shards = new ShardEditor(tx.objectStore('search'), tx.objectStore('meta'));
  // async callbacks: a request that throws at once becomes a rejection Promise.all sees, so the
  // other requests' AbortErrors (after the rollback) are handled too.
  const stored = (await Promise.all(clips.map(async (clip) => store.get(clip.id)))) as (Partial<ClipRecord> | undefined)[];
  const kept = clips.map((clip, i) => mergeClip(clip, clipOf(stored[i])));
  const records: ClipRecord[] = [];
  for (const [i, clip] of kept.entries()) records.push(toRecord(clip, await shards.set(clip, stored[i]?.searchShard)));
  records.forEach((record, i) => {
    const before = stored[i];
    if (before && (before.url !== record.url || before.newestFirst !== record.newestFirst)) changes.removedRecord(before);
    changes.wrote(record);
  });
  await Promise.all([...records.map(async (record) => store.put(record)), shards.flush()]);
  await changes.apply(tx);
  const added = stored.filter((record) => record === undefined).length;
  await addToCount(tx, added);
  return { kept, added };
}

/**
 * Store clips in one transaction: all or none. The same figure clipped again keeps its first
 * clippedAt and the user's corrections, note and tags. Returns the clips as stored.
 */
export async function putClips(inputs: readonly Clip[]): Promise<Clip[]> {
  const clips = distinct(inputs);
  if (clips.length === 0) return [];
  return (await write(CLIP_STORES, (tx) => putInTransaction(tx, clips), { count: clips.length })).kept;
}

/** Clips per import transaction: big enough to be quick, small enough not to hold the database long. */
export const IMPORT_CHUNK = 2000;

/**
 * Store many clips (a backup) in chunks, one transaction each, reporting progress after each.
 * Every entry is checked before anything is written. Returns how many distinct clips were stored
 * and how many of those were new (`added`; the others were already stored and were merged, keeping
 * the user's corrections); a failure part way says how many were stored before it (`params.stored`)
 * and how many were not.
 */
export async function importClips(
  inputs: readonly Clip[],
  onProgress?: (done: number, total: number) => void,
  chunkSize = IMPORT_CHUNK,
): Promise<{ stored: number; added: number }> {
  // Newest first: shards then hold time slices, which a search's first screen reads alone.
  const clips = distinct(inputs)
    .map((clip) => ({ clip, time: Date.parse(clip.clippedAt) }))
    .sort((a, b) => b.time - a.time)
    .map(({ clip }) => clip);
  const total = clips.length;
  let added = 0;
  onProgress?.(0, total);
  for (let done = 0; done < total; done += chunkSize) {
    const chunk = clips.slice(done, done + chunkSize);
    try {
      added += (await write(CLIP_STORES, (tx) => putInTransaction(tx, chunk), { count: total - done, stored: done })).added;
    } catch (e) {
      if (e instanceof StoreError && e.code !== 'store.quota') {
        throw new StoreError(e.code, { params: { ...e.params, count: total - done, stored: done }, detail: e.detail, cause: e });
      }
      throw e;
    }
    onProgress?.(Math.min(done + chunkSize, total), total);
  }
  return { stored: total, added };
}

/**
 * Apply the user's corrections to a stored clip (see corrections.ts). Rejects with
 * store.invalidPatch when the patch or its result is not valid, store.notFound when no clip has the id.
 */
export async function updateClip(id: string, input: ClipPatch, now: Date = new Date()): Promise<Clip> {
  const patch = ClipPatchSchema.safeParse(input);
  if (!patch.success) throw new StoreError('store.invalidPatch', { detail: issuesOf(patch.error) });
  return write(['clips', 'search', 'meta'], async (tx) => {
    const store = tx.objectStore('clips');
    const record = await store.get(id);
    const stored = clipOf(record);
    if (!record || !stored) throw new StoreError('store.notFound', { params: { id } });
    const result = ClipSchema.safeParse(applyPatch(stored, patch.data, now));
    if (!result.success) throw new StoreError('store.invalidPatch', { detail: issuesOf(result.error) });
    const shards = new ShardEditor(tx.objectStore('search'), tx.objectStore('meta'));
    const shard = await shards.set(result.data, record.searchShard);
    await Promise.all([store.put(toRecord(result.data, shard)), shards.flush()]);
    return result.data;
  });
}

async function deleteRecords(tx: ClipWriteTx, records: readonly ClipRecord[]): Promise<Clip[]> {
  const changes = new PageChanges();
  const shards = new ShardEditor(tx.objectStore('search'), tx.objectStore('meta'));
  for (const record of records) {
    changes.removedRecord(record);
    await shards.remove(record.id, record.searchShard);
  }
  await Promise.all([...records.map(async (record) => tx.objectStore('clips').delete(record.id)), shards.flush()]);
  await changes.apply(tx);
  await addToCount(tx, -records.length);
  return records.map(clipOf).filter((clip): clip is Clip => clip !== undefined);
}

/**
 * Delete clips by id; returns the deleted clips (for undo). With `page`, only clips of that page
 * (by pageKey, or the same page across a redirect by looseKey) are deleted: a content script may
 * delete its own page's clips only.
 */
export async function deleteClips(ids: readonly string[], options: { page?: string } = {}): Promise<Clip[]> {
  if (ids.length === 0) return [];
  const page = options.page === undefined ? undefined : { key: pageKey(options.page), loose: looseKey(options.page) };
  return write(CLIP_STORES, async (tx) => {
    const found = await Promise.all([...new Set(ids)].map(async (id) => tx.objectStore('clips').get(id)));
    const mine = found.filter((record): record is ClipRecord => record !== undefined && (!page || record.url === page.key || record.loose === page.loose));
    return deleteRecords(tx, mine);
  });
}

/** Delete every clip stored under this page's pageKey; returns them (for undo). */
export async function clearPage(url: string): Promise<Clip[]> {
  return write(CLIP_STORES, async (tx) => {
    const records = await tx
      .objectStore('clips')
      .index('page')
      .getAll(pageRange(pageKey(url)));
    return deleteRecords(tx, records);
  });
}
