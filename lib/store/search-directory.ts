/**
 * A directory of the search shards, one small record (`meta` 'searchShards'): each shard's time
 * span and a bitmap of the characters its texts hold. A search reads it first, skips the shards
 * that lack a character of the query, and reads the others newest first, stopping as soon as no
 * shard left can change the screen. Live clips arrive in time order and imports are stored newest
 * first, so shards hold time slices, and a screen of a common word reads a shard or two.
 */
import type { IDBPObjectStore } from 'idb';
import type { StoreName, ZhibiaoDb } from './schema';

export const DIRECTORY_KEY = 'searchShards';
const BITS = 8192;

export interface ShardSummary {
  key: number;
  /** Smallest newestFirst in the shard: its newest clip. */
  newest: number;
  /** Largest newestFirst: its oldest clip. */
  oldest: number;
  /** A bit per hashed character of its texts. */
  chars: Uint8Array;
}

function bitOf(code: number): number {
  return Math.imul(code, 0x9e3779b1) >>> 19; // 13 bits
}

export function summarise(key: number, newestFirst: readonly number[], texts: readonly string[]): ShardSummary {
  const chars = new Uint8Array(BITS / 8);
  let newest = Number.POSITIVE_INFINITY;
  let oldest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    for (let j = 0; j < text.length; j++) {
      const bit = bitOf(text.charCodeAt(j));
      chars[bit >> 3] |= 1 << (bit & 7);
    }
    if (newestFirst[i] < newest) newest = newestFirst[i];
    if (newestFirst[i] > oldest) oldest = newestFirst[i];
  }
  return { key, newest, oldest, chars };
}

/** Whether a shard may hold text with every character of `words`. */
export function mayHold(summary: ShardSummary, words: readonly string[]): boolean {
  for (const word of words) {
    for (let j = 0; j < word.length; j++) {
      const bit = bitOf(word.charCodeAt(j));
      if ((summary.chars[bit >> 3] & (1 << (bit & 7))) === 0) return false;
    }
  }
  return true;
}

type MetaStore = IDBPObjectStore<ZhibiaoDb, ArrayLike<StoreName>, 'meta', IDBTransactionMode>;

export async function readDirectory(meta: MetaStore): Promise<ShardSummary[] | undefined> {
  const stored = (await meta.get(DIRECTORY_KEY)) as unknown;
  return Array.isArray(stored) ? (stored as ShardSummary[]) : undefined;
}

export async function writeDirectory(
  meta: IDBPObjectStore<ZhibiaoDb, ArrayLike<StoreName>, 'meta', 'readwrite' | 'versionchange'>,
  directory: ShardSummary[],
): Promise<void> {
  await meta.put(directory as never, DIRECTORY_KEY);
}
