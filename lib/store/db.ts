/**
 * The IndexedDB connection of this context and the transaction runner every store function uses.
 * One connection per context, opened lazily; it is forgotten (and reopened on next use) when the
 * browser closes it or a newer version of the database asks for it. Nothing else is kept in module
 * state: an MV3 service worker can be stopped and restarted at any time.
 */
import { type DBSchema, type IDBPDatabase, type IDBPObjectStore, type IDBPTransaction, type StoreNames, openDB } from 'idb';
import type { Clip, SiteSettings } from '../model/clip';

export const DB_NAME = 'zhibiao';
export const DB_VERSION = 1;

export interface ZhibiaoDb extends DBSchema {
  clips: { key: string; value: Clip; indexes: { url: string; clippedAt: string } };
  sites: { key: string; value: SiteSettings };
}

type Db = IDBPDatabase<ZhibiaoDb>;
type Store = StoreNames<ZhibiaoDb>;
type Tx<N extends Store, M extends IDBTransactionMode> = IDBPTransaction<ZhibiaoDb, [N], M>;
/** The one object store a store function works on, inside its transaction. */
export type ObjectStore<N extends Store, M extends IDBTransactionMode> = IDBPObjectStore<ZhibiaoDb, [N], N, M>;

/** An error whose message can be shown to the user as it is (Chinese first, English after). */
export class StoreError extends Error {
  override name = 'StoreError';
}

let connection: Promise<Db> | undefined;

function forget(opening: Promise<Db>): void {
  if (connection === opening) connection = undefined;
}

function connect(): Promise<Db> {
  if (connection) return connection;
  const opening: Promise<Db> = openDB<ZhibiaoDb>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const clips = db.createObjectStore('clips', { keyPath: 'id' });
        clips.createIndex('url', 'url');
        clips.createIndex('clippedAt', 'clippedAt');
        db.createObjectStore('sites', { keyPath: 'site' });
      }
    },
    // A newer version of the extension wants to upgrade: step aside rather than block it.
    blocking() {
      forget(opening);
      void opening.then((db) => db.close());
    },
    terminated() {
      forget(opening);
    },
  });
  connection = opening;
  // A failed open (private mode, disk error) is retried on the next call instead of being cached.
  opening.catch(() => forget(opening));
  return connection;
}

/** Close this context's connection (tests; or before deleting the database). */
export async function closeDb(): Promise<void> {
  const opening = connection;
  if (!opening) return;
  forget(opening);
  try {
    (await opening).close();
  } catch {
    // it never opened: nothing to close
  }
}

function errorName(e: unknown): string {
  return typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
}

export function isQuotaError(e: unknown): boolean {
  const name = errorName(e);
  // NS_ERROR_DOM_QUOTA_REACHED: older Firefox; code 22: the legacy DOMException code for quota.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || (e instanceof DOMException && e.code === 22);
}

export function describeError(e: unknown): string {
  if (e instanceof Error || e instanceof DOMException) return e.message ? `${e.name}: ${e.message}` : e.name;
  return String(e);
}

async function transaction<N extends Store, M extends IDBTransactionMode>(name: N, mode: M): Promise<Tx<N, M>> {
  const opening = connect();
  const db = await opening;
  try {
    return db.transaction([name], mode);
  } catch (e) {
    // The connection was closed under us (browser, devtools, versionchange): reopen once.
    if (errorName(e) !== 'InvalidStateError') throw e;
    forget(opening);
    return (await connect()).transaction([name], mode);
  }
}

/** Run a read on one snapshot of the stores. */
export async function read<N extends Store, T>(
  name: N,
  work: (store: ObjectStore<N, 'readonly'>) => Promise<T>,
  failed: string,
): Promise<T> {
  try {
    const tx = await transaction(name, 'readonly');
    tx.done.catch(() => undefined); // the result below carries any failure
    return await work(tx.objectStore(name));
  } catch (e) {
    if (e instanceof StoreError) throw e;
    throw new StoreError(`${failed}: ${describeError(e)}`, { cause: e });
  }
}

/**
 * Run a write as one transaction: either all of it is stored or none of it, so a failure (full
 * disk, invalid data) never leaves half a batch behind and never touches what was stored before.
 */
export async function write<N extends Store, T>(
  name: N,
  work: (store: ObjectStore<N, 'readwrite'>) => Promise<T>,
  messages: { full: string; failed: string },
): Promise<T> {
  let tx: Tx<N, 'readwrite'> | undefined;
  try {
    tx = await transaction(name, 'readwrite');
    const done = tx.done;
    done.catch(() => undefined); // awaited below; this only keeps an early abort from going unhandled
    const result = await work(tx.objectStore(name));
    await done;
    return result;
  } catch (e) {
    if (tx) {
      try {
        tx.abort();
      } catch {
        // already finished or aborted
      }
    }
    if (e instanceof StoreError) throw e;
    // A full disk shows either on the request or only on the transaction when it commits.
    if (isQuotaError(e) || (tx && isQuotaError(tx.error))) throw new StoreError(messages.full, { cause: e });
    throw new StoreError(`${messages.failed}: ${describeError(e)}`, { cause: e });
  }
}
