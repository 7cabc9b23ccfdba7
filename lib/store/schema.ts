/**
 * The database's layout, version by version, and the upgrade between them. An upgrade runs in one
 * versionchange transaction: if any step fails the database stays at its old version, untouched.
 *
 *   v1  clips (by id; indexes url, clippedAt), sites (by site)
 *   v2  clips (by id; indexes newest [newestFirst,id], page [url,pageOrder,id], loose)
 *       search (by shard number): search texts packed SHARD_SIZE to a record (search-shards.ts)
 *       pages (by url; index newest [newestFirst,url]): a summary per page with clips
 *       meta ('clipCount': how many records `clips` holds, kept by every write)
 *       sites (by site), settings ('ui')
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { SiteSettings } from '../model/clip';
import { ClipSchema } from '../model/clip';
import { type ClipRecord, type PageRecord, recordKeysOf, searchTextOf } from './records';
import { SHARD_SIZE, type SearchShard, packShard } from './search-shards';
import { type ShardSummary, summarise, writeDirectory } from './search-directory';

export const DB_NAME = 'zhibiao';
export const DB_VERSION = 2;
export const CLIP_COUNT_KEY = 'clipCount';

export interface ZhibiaoDb extends DBSchema {
  clips: {
    key: string;
    value: ClipRecord;
    indexes: { newest: [number, string]; page: [string, number, string]; loose: string };
  };
  search: { key: number; value: SearchShard };
  pages: { key: string; value: PageRecord; indexes: { newest: [number, string] } };
  /** 'clipCount': number; 'searchShards': the search directory (search-directory.ts). */
  meta: { key: string; value: unknown };
  sites: { key: string; value: SiteSettings };
  settings: { key: string; value: unknown };
}

export type StoreName = StoreNames<ZhibiaoDb>;
type UpgradeTx = IDBPTransaction<ZhibiaoDb, StoreName[], 'versionchange'>;

/** A failed request aborts the upgrade transaction, and the open reports it: nothing to do here. */
const settled = () => undefined;

function createV2Stores(db: IDBPDatabase<ZhibiaoDb>, tx: UpgradeTx, fresh: boolean): void {
  const clips = fresh ? db.createObjectStore('clips', { keyPath: 'id' }) : tx.objectStore('clips');
  clips.createIndex('newest', ['newestFirst', 'id']);
  clips.createIndex('page', ['url', 'pageOrder', 'id']);
  clips.createIndex('loose', 'loose');
  db.createObjectStore('search');
  db.createObjectStore('pages', { keyPath: 'url' }).createIndex('newest', ['newestFirst', 'url']);
  db.createObjectStore('meta');
  if (fresh) db.createObjectStore('sites', { keyPath: 'site' });
  db.createObjectStore('settings');
}

/** Records read per request while migrating (a browser pays per request, not per byte). */
const MIGRATE_BATCH = 1000;

/**
 * v1 → v2: every record is kept as it was, with its index keys added; a record that is not a valid
 * clip keeps its place too (it is listed, then skipped and counted, as before).
 */
async function migrateV1(tx: UpgradeTx): Promise<void> {
  const clips = tx.objectStore('clips');
  const v1 = clips as unknown as { deleteIndex(name: string): void; indexNames: DOMStringList };
  for (const old of ['url', 'clippedAt']) if (v1.indexNames.contains(old)) v1.deleteIndex(old);
  const search = tx.objectStore('search');
  const pages = new Map<string, PageRecord>();
  const counts = new Map<string, number>();
  let shard = { ids: [] as string[], newestFirst: [] as number[], texts: [] as string[] };
  let shardKey = 0;
  const directory: ShardSummary[] = [];
  let total = 0;
  let range: IDBKeyRange | undefined;
  for (;;) {
    const batch = (await clips.getAll(range, MIGRATE_BATCH)) as unknown as Record<string, unknown>[];
    for (const record of batch) {
      const keys = recordKeysOf(record);
      const id = String(record.id);
      if (shard.ids.length >= SHARD_SIZE) {
        search.put(packShard(shard), shardKey).catch(settled);
        directory.push(summarise(shardKey, shard.newestFirst, shard.texts));
        shard = { ids: [], newestFirst: [], texts: [] };
        shardKey += 1;
      }
      shard.ids.push(id);
      shard.newestFirst.push(keys.newestFirst);
      shard.texts.push(searchTextOf(record));
      clips.put({ ...record, ...keys, searchShard: shardKey } as ClipRecord).catch(settled);
      counts.set(keys.url, (counts.get(keys.url) ?? 0) + 1);
      total += 1;
      const clip = ClipSchema.safeParse(record);
      if (!clip.success) continue;
      const page = pages.get(clip.data.url);
      if (!page || keys.newestFirst < page.newestFirst) {
        const { url, title, site, clippedAt } = clip.data;
        pages.set(url, { url, title, site, clipCount: 0, lastClippedAt: clippedAt, newestFirst: keys.newestFirst });
      }
    }
    if (batch.length < MIGRATE_BATCH) break;
    range = IDBKeyRange.lowerBound(batch[batch.length - 1].id, true);
  }
  if (shard.ids.length) {
    search.put(packShard(shard), shardKey).catch(settled);
    directory.push(summarise(shardKey, shard.newestFirst, shard.texts));
  }
  await writeDirectory(tx.objectStore('meta'), directory);
  const pageStore = tx.objectStore('pages');
  for (const page of pages.values()) pageStore.put({ ...page, clipCount: counts.get(page.url) ?? 0 }).catch(settled);
  await tx.objectStore('meta').put(total, CLIP_COUNT_KEY);
}

export async function upgradeSchema(db: IDBPDatabase<ZhibiaoDb>, oldVersion: number, tx: UpgradeTx): Promise<void> {
  if (oldVersion < 1) {
    createV2Stores(db, tx, true);
    await Promise.all([tx.objectStore('meta').put(0, CLIP_COUNT_KEY), writeDirectory(tx.objectStore('meta'), [])]);
    return;
  }
  if (oldVersion < 2) {
    createV2Stores(db, tx, false);
    await migrateV1(tx);
  }
}
