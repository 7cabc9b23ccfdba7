/**
 * The database's layout, version by version, and the upgrade between them. An upgrade runs in one
 * versionchange transaction: if any step fails the database stays at its old version, untouched.
 *
 *   v1  clips (by id; indexes url, clippedAt), sites (by site)
 *   v2  clips (by id; indexes newest [newestFirst,id], page [url,pageOrder,id], loose)
 *       search (by id; index newest): a compact search text per clip
 *       pages (by url; index newest [newestFirst,url]): a summary per page with clips
 *       sites (by site), settings (out-of-line keys: 'ui')
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { SiteSettings } from '../model/clip';
import { ClipSchema } from '../model/clip';
import { type ClipRecord, type PageRecord, type SearchRecord, recordKeysOf, searchTextOf } from './records';

export const DB_NAME = 'zhibiao';
export const DB_VERSION = 2;

export interface ZhibiaoDb extends DBSchema {
  clips: {
    key: string;
    value: ClipRecord;
    indexes: { newest: [number, string]; page: [string, number, string]; loose: string };
  };
  search: { key: string; value: SearchRecord; indexes: { newest: [number, string] } };
  pages: { key: string; value: PageRecord; indexes: { newest: [number, string] } };
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
  db.createObjectStore('search', { keyPath: 'id' }).createIndex('newest', ['newestFirst', 'id']);
  db.createObjectStore('pages', { keyPath: 'url' }).createIndex('newest', ['newestFirst', 'url']);
  if (fresh) db.createObjectStore('sites', { keyPath: 'site' });
  db.createObjectStore('settings');
}

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
  for (let cursor = await clips.openCursor(); cursor; cursor = await cursor.continue()) {
    const record = cursor.value as unknown as Record<string, unknown>;
    const keys = recordKeysOf(record);
    cursor.update({ ...record, ...keys } as ClipRecord).catch(settled);
    search.put({ id: String(record.id), newestFirst: keys.newestFirst, text: searchTextOf(record) }).catch(settled);
    counts.set(keys.url, (counts.get(keys.url) ?? 0) + 1);
    const clip = ClipSchema.safeParse(record);
    if (!clip.success) continue;
    const page = pages.get(clip.data.url);
    if (!page || keys.newestFirst < page.newestFirst) {
      pages.set(clip.data.url, {
        url: clip.data.url,
        title: clip.data.title,
        site: clip.data.site,
        clipCount: 0,
        lastClippedAt: clip.data.clippedAt,
        newestFirst: keys.newestFirst,
      });
    }
  }
  const pageStore = tx.objectStore('pages');
  for (const page of pages.values()) pageStore.put({ ...page, clipCount: counts.get(page.url) ?? 0 }).catch(settled);
}

export async function upgradeSchema(db: IDBPDatabase<ZhibiaoDb>, oldVersion: number, tx: UpgradeTx): Promise<void> {
  if (oldVersion < 1) {
    createV2Stores(db, tx, true);
    return;
  }
  if (oldVersion < 2) {
    createV2Stores(db, tx, false);
    await migrateV1(tx);
  }
}
