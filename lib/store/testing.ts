/** Test helpers of the store: a fresh fake IndexedDB per test, raw writes past the store, sample clips. */
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import type { Clip } from '../model/clip';
import { closeDb } from './db';
import { DB_NAME, DB_VERSION } from './schema';
import { getUiSettings } from './settings';
import { recordKeysOf } from './records';
import { sampleClip } from '../model/sample-clip.test-support';

export const PAGE_A = 'https://www.gov.cn/zhengce/a.htm';
export const PAGE_B = 'https://www.stats.gov.cn/sj/b.html';

/** A fresh, empty IndexedDB (call in beforeEach). */
export async function freshDb(): Promise<void> {
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
}

/** Clips on one page at distinct minutes and positions, so each is a different figure with a distinct time. */
export function clipsOn(url: string, n: number, firstMinute = 0): Clip[] {
  return Array.from({ length: n }, (_, i) =>
    sampleClip({
      url,
      exact: `${i + 1}%`,
      value: i + 1,
      position: 100 + 10 * i,
      clippedAt: new Date(Date.UTC(2024, 2, 5, 1, firstMinute + i)).toISOString(),
    }),
  );
}

/**
 * Write records straight into the clips store, past the store's validation (a corrupt database):
 * with the index keys a record of ours has, so the lists meet them.
 */
export async function putRaw(records: object[]): Promise<void> {
  await getUiSettings(); // the store creates the database and its object stores
  const db = await openDB(DB_NAME, DB_VERSION);
  const tx = db.transaction(['clips', 'meta'], 'readwrite');
  for (const record of records) await tx.objectStore('clips').put({ ...record, ...recordKeysOf(record as Record<string, unknown>) });
  // As a write of ours would have counted them.
  await tx.objectStore('meta').put(await tx.objectStore('clips').count(), 'clipCount');
  await tx.done;
  db.close();
}

export function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

/** The code, params and detail of a rejection, for asserting what the UI would be told. */
export async function failureOf(promise: Promise<unknown>): Promise<{ name: string; code?: string; params?: unknown; detail?: string }> {
  try {
    await promise;
  } catch (e) {
    const { name, code, params, detail } = e as { name: string; code?: string; params?: unknown; detail?: string };
    return { name, code, params, detail };
  }
  throw new Error('expected a rejection');
}
