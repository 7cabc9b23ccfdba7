/**
 * The search texts of all clips, packed a few hundred to a record ("shards"). A browser's
 * IndexedDB pays per record read (about 0.1 ms a record in Chromium here, whatever its size), so a
 * search that reads 100,000 one-clip records takes seconds, while the same texts in 200 shards read
 * in well under the 300 ms bar. A clip record names its shard (`searchShard`); a write loads the
 * shards it touches once, edits them in memory and puts them back in the same transaction.
 */
import type { IDBPObjectStore } from 'idb';
import type { Clip } from '../model/clip';
import type { Tx } from './db';
import { newestFirstKey, searchTextOf } from './records';
import type { StoreName, ZhibiaoDb } from './schema';

/** One record of the `search` store (key: the shard's number). Parallel arrays: compact and fast to clone. */
export interface SearchShard {
  ids: string[];
  newestFirst: number[];
  texts: string[];
}

export const SHARD_SIZE = 500;

type ShardStore = IDBPObjectStore<ZhibiaoDb, ArrayLike<StoreName>, 'search', 'readwrite'>;

/** The shards a write touches, loaded once, written back by flush(). */
export class ShardEditor {
  private readonly loaded = new Map<number, SearchShard>();
  private readonly dirty = new Set<number>();
  private open: number | undefined;

  constructor(private readonly shards: ShardStore) {}

  private store(): ShardStore {
    return this.shards;
  }

  private async load(key: number): Promise<SearchShard> {
    let shard = this.loaded.get(key);
    if (!shard) {
      const stored = (await this.store().get(key)) as SearchShard | undefined;
      shard = stored && Array.isArray(stored.ids) ? stored : { ids: [], newestFirst: [], texts: [] };
      this.loaded.set(key, shard);
    }
    return shard;
  }

  /** The shard new entries go to: the last one while it has room. */
  private async openShard(): Promise<number> {
    if (this.open === undefined) {
      const last = await this.store().openKeyCursor(null, 'prev');
      this.open = last ? Number(last.key) : 0;
    }
    if ((await this.load(this.open)).ids.length >= SHARD_SIZE) this.open += 1;
    return this.open;
  }

  /** Set a clip's search text; returns the shard that holds it (for the clip record). */
  async set(clip: Clip, shardOfStored: number | undefined): Promise<number> {
    const newest = newestFirstKey(clip.clippedAt);
    const text = searchTextOf(clip);
    if (shardOfStored !== undefined) {
      const shard = await this.load(shardOfStored);
      const at = shard.ids.indexOf(clip.id);
      if (at !== -1) {
        shard.newestFirst[at] = newest;
        shard.texts[at] = text;
        this.dirty.add(shardOfStored);
        return shardOfStored;
      }
    }
    const key = await this.openShard();
    const shard = await this.load(key);
    shard.ids.push(clip.id);
    shard.newestFirst.push(newest);
    shard.texts.push(text);
    this.dirty.add(key);
    return key;
  }

  async remove(id: string, shardKey: number | undefined): Promise<void> {
    if (shardKey === undefined) return;
    const shard = await this.load(shardKey);
    const at = shard.ids.indexOf(id);
    if (at === -1) return;
    shard.ids.splice(at, 1);
    shard.newestFirst.splice(at, 1);
    shard.texts.splice(at, 1);
    this.dirty.add(shardKey);
  }

  async flush(): Promise<void> {
    const store = this.store();
    await Promise.all(
      [...this.dirty].map(async (key) => {
        const shard = this.loaded.get(key) as SearchShard;
        return shard.ids.length ? store.put(shard, key) : store.delete(key);
      }),
    );
    this.dirty.clear();
  }
}

/** Shards read per request while scanning: bounds the memory a search holds at once. */
const SHARDS_PER_READ = 40;

/**
 * Every clip whose search text passes `matches`, as [newestFirst, id], newest first (ties by id).
 * Reads every shard: a search always knows its total.
 */
export async function scanShards(
  tx: Tx<('search' | 'clips')[], 'readonly'>,
  matches: (text: string) => boolean,
): Promise<[number, string][]> {
  const store = tx.objectStore('search');
  const found: [number, string][] = [];
  let range: IDBKeyRange | undefined;
  for (;;) {
    const [shards, keys] = await Promise.all([store.getAll(range, SHARDS_PER_READ), store.getAllKeys(range, SHARDS_PER_READ)]);
    for (const shard of shards as unknown as SearchShard[]) {
      const { ids, newestFirst, texts } = shard;
      for (let i = 0; i < texts.length; i++) if (matches(texts[i])) found.push([newestFirst[i], ids[i]]);
    }
    if (shards.length < SHARDS_PER_READ) break;
    range = IDBKeyRange.lowerBound(keys[keys.length - 1], true);
  }
  return found.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}
