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
import { type ShardSummary, mayHold, readDirectory, summarise, writeDirectory } from './search-directory';

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
type MetaStore = IDBPObjectStore<ZhibiaoDb, ArrayLike<StoreName>, 'meta', 'readwrite'>;

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

/** The shards a write touches, loaded once, written back (with the directory) by flush(). */
export class ShardEditor {
  private readonly loaded = new Map<number, OpenShard>();
  private readonly dirty = new Set<number>();
  private open: number | undefined;

  constructor(
    private readonly store: ShardStore,
    private readonly meta: MetaStore,
  ) {}

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
    if (this.dirty.size === 0) return;
    let directory = await readDirectory(this.meta);
    if (!directory) {
      // No directory (never expected after the upgrade): rebuild it from every shard.
      const [shards, keys] = await Promise.all([this.store.getAll(), this.store.getAllKeys()]);
      directory = shards.map((shard, i) => {
        const open = unpack(shard);
        return summarise(keys[i], open.newestFirst, open.texts);
      });
    }
    const byKey = new Map(directory.map((summary) => [summary.key, summary]));
    const writes: Promise<unknown>[] = [];
    for (const key of this.dirty) {
      const shard = this.loaded.get(key) as OpenShard;
      if (shard.ids.length) {
        writes.push(this.store.put(packShard(shard), key));
        byKey.set(key, summarise(key, shard.newestFirst, shard.texts));
      } else {
        writes.push(this.store.delete(key));
        byKey.delete(key);
      }
    }
    writes.push(
      writeDirectory(
        this.meta,
        [...byKey.values()].sort((a, b) => a.key - b.key),
      ),
    );
    await Promise.all(writes);
    this.dirty.clear();
  }
}

/** A search hit. */
export interface Hit {
  newestFirst: number;
  id: string;
}

export interface ScanResult {
  /** The first `keep` hits after `after`, newest first (ties by id). */
  hits: Hit[];
  /** Every hit, when every shard that may hold one was read; undefined when the scan stopped early. */
  total?: number;
}

const before = (a: Hit, b: Hit) => a.newestFirst < b.newestFirst || (a.newestFirst === b.newestFirst && a.id < b.id);

/** Add the hits of one shard to `best` (sorted, at most `keep`); returns how many hits it had. */
function scanOne(shard: SearchShard, first: string, others: readonly string[], best: Hit[], keep: number, after: Hit | undefined): number {
  const { texts, newestFirst } = shard;
  if (typeof texts !== 'string' || !texts.includes(first)) return 0;
  let count = 0;
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
      count += 1;
      ids ??= shard.ids.split(ENTRY_GAP);
      const hit = { newestFirst: newestFirst[entry], id: ids[entry] };
      if ((!after || before(after, hit)) && (best.length < keep || before(hit, best[best.length - 1]))) {
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
    if (entryEnd === -1) break;
    at = texts.indexOf(first, entryEnd + 1);
  }
  return count;
}

/**
 * The first `keep` clips after `after` (newest first) whose search text holds every word. Reads
 * the directory, then the shards that may hold the words, newest first, a few at a time, and stops
 * when no shard left can hold a hit newer than the `keep`-th found.
 */
export async function scanShards(
  tx: Tx<('search' | 'clips' | 'meta')[], 'readonly'>,
  words: readonly string[],
  keep: number,
  after?: Hit,
): Promise<ScanResult> {
  const store = tx.objectStore('search');
  const directory =
    (await readDirectory(tx.objectStore('meta'))) ??
    (await store.getAllKeys()).map((key) => ({ key, newest: Number.NEGATIVE_INFINITY, oldest: Number.POSITIVE_INFINITY, chars: undefined }));
  const candidates = directory
    .filter((summary) => !summary.chars || mayHold(summary as ShardSummary, words))
    .filter((summary) => !after || summary.oldest >= after.newestFirst)
    .sort((a, b) => a.newest - b.newest);
  const [first, ...others] = [...words].sort((a, b) => b.length - a.length);
  const best: Hit[] = [];
  let total = 0;
  let complete = true;
  let group = 2;
  for (let i = 0; i < candidates.length; i += group, group = Math.min(group * 2, 32)) {
    if (best.length >= keep && candidates[i].newest > best[keep - 1].newestFirst) {
      complete = false;
      break;
    }
    const shards = await Promise.all(candidates.slice(i, i + group).map(async (summary) => store.get(summary.key)));
    for (const shard of shards) if (shard) total += scanOne(shard, first, others, best, keep, after);
  }
  return { hits: best, ...(complete ? { total } : {}) };
}
