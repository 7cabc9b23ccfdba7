/**
 * The search texts of all clips, packed SHARD_SIZE to a record ("shards"). A browser's IndexedDB
 * pays per record read and per string it revives (Chromium here: ~0.1 ms a record), so a search
 * over 100,000 one-clip records takes seconds; the same texts as ~200 records, each one joined
 * string, read in a fraction of that. A clip record names its shard (`searchShard`); a write loads
 * the shards it touches once, edits them in memory and puts them back in the same transaction.
 */
import type { IDBPObjectStore } from 'idb';
import type { Clip } from '../model/clip';
import type { Tx } from './db';
import { newestFirstKey, searchTextOf } from './records';
import type { StoreName, ZhibiaoDb } from './schema';

/** One record of the `search` store (key: the shard's number), as stored. */
export interface SearchShard {
  /** The clips' ids joined by ENTRY_GAP. */
  ids: string;
  newestFirst: Float64Array;
  /** The clips' search texts joined by ENTRY_GAP. */
  texts: string;
}

/** A shard being edited: one entry per clip. */
interface OpenShard {
  ids: string[];
  newestFirst: number[];
  texts: string[];
}

export const SHARD_SIZE = 500;
/** Between entries; search texts never hold it (searchForm output of page text has no U+0002). */
const ENTRY_GAP = '\u0002';

type ShardStore = IDBPObjectStore<ZhibiaoDb, ArrayLike<StoreName>, 'search', 'readwrite'>;

export function packShard(shard: OpenShard): SearchShard {
  return {
    ids: shard.ids.join(ENTRY_GAP),
    newestFirst: Float64Array.from(shard.newestFirst),
    texts: shard.texts.map((text) => text.replaceAll(ENTRY_GAP, ' ')).join(ENTRY_GAP),
  };
}

function unpack(stored: SearchShard | undefined): OpenShard {
  if (!stored || typeof stored.ids !== 'string' || stored.ids === '') return { ids: [], newestFirst: [], texts: [] };
  return { ids: stored.ids.split(ENTRY_GAP), newestFirst: Array.from(stored.newestFirst), texts: stored.texts.split(ENTRY_GAP) };
}

/** The shards a write touches, loaded once, written back by flush(). */
export class ShardEditor {
  private readonly loaded = new Map<number, OpenShard>();
  private readonly dirty = new Set<number>();
  private open: number | undefined;

  constructor(private readonly store: ShardStore) {}

  private async load(key: number): Promise<OpenShard> {
    let shard = this.loaded.get(key);
    if (!shard) {
      shard = unpack(await this.store.get(key));
      this.loaded.set(key, shard);
    }
    return shard;
  }

  /** The shard new entries go to: the last one while it has room. */
  private async openShard(): Promise<number> {
    if (this.open === undefined) {
      const last = await this.store.openKeyCursor(null, 'prev');
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
    await Promise.all(
      [...this.dirty].map(async (key) => {
        const shard = this.loaded.get(key) as OpenShard;
        return shard.ids.length ? this.store.put(packShard(shard), key) : this.store.delete(key);
      }),
    );
    this.dirty.clear();
  }
}

/** A search hit: its time key and where its id is (resolved only for the hits shown). */
export interface Hit {
  newestFirst: number;
  id: string;
}

export interface ScanResult {
  /** The first `keep` hits after `after`, newest first (ties by id). */
  hits: Hit[];
  /** Every hit, wherever it falls. */
  total: number;
  /** Hits after `after` (more than `keep`: there is a next screen). */
  remaining: number;
}

/** Shards read per request while scanning: bounds the memory a search holds at once. */
const SHARDS_PER_READ = 50;

const before = (a: Hit, b: Hit) => a.newestFirst < b.newestFirst || (a.newestFirst === b.newestFirst && a.id < b.id);

/**
 * Scan every shard for entries containing all `words`; keep the first `keep` after `after` in
 * list order. The first word is found with indexOf over the joined text (no per-entry work for
 * entries without it); the others are checked within the entry.
 */
export async function scanShards(
  tx: Tx<('search' | 'clips')[], 'readonly'>,
  words: readonly string[],
  keep: number,
  after?: Hit,
): Promise<ScanResult> {
  const store = tx.objectStore('search');
  const best: Hit[] = []; // sorted, at most `keep`
  let total = 0;
  let remaining = 0;
  const [first, ...others] = [...words].sort((a, b) => b.length - a.length);
  let range: IDBKeyRange | undefined;
  for (;;) {
    const [shards, keys] = await Promise.all([store.getAll(range, SHARDS_PER_READ), store.getAllKeys(range, SHARDS_PER_READ)]);
    for (const shard of shards) {
      const { texts, newestFirst } = shard;
      if (typeof texts !== 'string' || !texts.includes(first)) continue;
      let ids: string[] | undefined;
      let entry = 0;
      let entryStart = 0;
      let at = texts.indexOf(first);
      while (at !== -1) {
        // Move to the entry holding `at`.
        let entryEnd = texts.indexOf(ENTRY_GAP, entryStart);
        while (entryEnd !== -1 && entryEnd < at) {
          entry += 1;
          entryStart = entryEnd + 1;
          entryEnd = texts.indexOf(ENTRY_GAP, entryStart);
        }
        const end = entryEnd === -1 ? texts.length : entryEnd;
        const text = others.length ? texts.slice(entryStart, end) : '';
        if (others.every((word) => text.includes(word))) {
          total += 1;
          ids ??= shard.ids.split(ENTRY_GAP);
          const hit = { newestFirst: newestFirst[entry], id: ids[entry] };
          if (!after || before(after, hit)) {
            remaining += 1;
            if (best.length < keep || before(hit, best[best.length - 1])) {
              let lo = 0;
              let hi = best.length;
              while (lo < hi) {
                const mid = (lo + hi) >> 1;
                if (before(best[mid], hit)) lo = mid + 1;
                else hi = mid;
              }
              best.splice(lo, 0, hit);
              if (best.length > keep) best.pop();
            }
          }
        }
        if (entryEnd === -1) break;
        at = texts.indexOf(first, entryEnd + 1);
      }
    }
    if (shards.length < SHARDS_PER_READ) break;
    range = IDBKeyRange.lowerBound(keys[keys.length - 1], true);
  }
  return { hits: best, total, remaining };
}
