/**
 * The IndexedDB connection of this context and the transaction runner every store function uses.
 * One connection per context, opened lazily; it is forgotten (and reopened on next use) when the
 * browser closes it or a newer version of the database asks for it. Nothing else is kept in module
 * state: an MV3 service worker can be stopped and restarted at any time.
 */
import { type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import { type ErrorParams, StoreError, describeError, isNamed, isQuotaError } from './errors';
import { DB_NAME, DB_VERSION, type StoreName, type ZhibiaoDb, upgradeSchema } from './schema';

export { DB_NAME, DB_VERSION } from './schema';

type Db = IDBPDatabase<ZhibiaoDb>;
export type Tx<N extends StoreName[], M extends IDBTransactionMode> = IDBPTransaction<ZhibiaoDb, N, M>;

let connection: Promise<Db> | undefined;
/** The pending open is waiting for another context (an older version of us) to close. */
let blockedNow = false;

function forget(opening: Promise<Db>): void {
  if (connection === opening) {
    connection = undefined;
    blockedNow = false;
  }
}

/** Why an open failed, as a code; the database is left as it was. */
function openFailure(e: unknown, fallback: 'store.readFailed' | 'store.writeFailed'): StoreError {
  if (e instanceof StoreError) return e;
  // A database left at a newer version (the extension was downgraded, or another window runs a newer one).
  if (isNamed(e, 'VersionError')) return new StoreError('store.versionNewer', { detail: describeError(e), cause: e });
  return new StoreError(fallback, { detail: describeError(e), cause: e });
}

function blockedError(): StoreError {
  return new StoreError('store.blocked', { detail: 'the upgrade waits for another window of the extension to close' });
}

function connect(): Promise<Db> {
  if (connection) return blockedNow ? Promise.reject(blockedError()) : connection;
  let rejectBlocked: (e: StoreError) => void = () => undefined;
  const blocked = new Promise<never>((_, reject) => {
    rejectBlocked = reject;
  });
  blocked.catch(() => undefined);
  const opening: Promise<Db> = openDB<ZhibiaoDb>(DB_NAME, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => upgradeSchema(db, oldVersion, tx),
    // Another context still holds the old version open: the open waits for it. This call says so
    // now; the open goes on, and the store works as soon as the other context lets go.
    blocked() {
      if (connection === opening) blockedNow = true;
      rejectBlocked(blockedError());
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
  // A failed open (newer version, private mode, disk error) is retried on the next call instead of being cached.
  opening.then(
    () => {
      if (connection === opening) blockedNow = false;
    },
    () => forget(opening),
  );
  return Promise.race([opening, blocked]);
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

async function transaction<N extends StoreName[], M extends IDBTransactionMode>(names: N, mode: M): Promise<Tx<N, M>> {
  const fallback = mode === 'readonly' ? 'store.readFailed' : 'store.writeFailed';
  let db: Db;
  try {
    db = await connect();
  } catch (e) {
    throw openFailure(e, fallback);
  }
  try {
    return db.transaction(names, mode);
  } catch (e) {
    // The connection was closed under us (browser, devtools, versionchange): reopen once.
    if (!isNamed(e, 'InvalidStateError')) throw e;
    if (connection) forget(connection);
    try {
      db = await connect();
    } catch (again) {
      throw openFailure(again, fallback);
    }
    return db.transaction(names, mode);
  }
}

/** Run a read on one snapshot of the stores. */
export async function read<N extends StoreName[], T>(names: N, work: (tx: Tx<N, 'readonly'>) => Promise<T>): Promise<T> {
  try {
    const tx = await transaction(names, 'readonly');
    tx.done.catch(() => undefined); // the result below carries any failure
    return await work(tx);
  } catch (e) {
    if (e instanceof StoreError) throw e;
    throw new StoreError('store.readFailed', { detail: describeError(e), cause: e });
  }
}

/**
 * Run a write as one transaction: either all of it is stored or none of it, so a failure (full
 * disk, invalid data) never leaves half a batch behind and never touches what was stored before.
 * `params` go with a quota error (e.g. how many clips were not saved).
 */
export async function write<N extends StoreName[], T>(names: N, work: (tx: Tx<N, 'readwrite'>) => Promise<T>, params?: ErrorParams): Promise<T> {
  let tx: Tx<N, 'readwrite'> | undefined;
  try {
    tx = await transaction(names, 'readwrite');
    const done = tx.done;
    done.catch(() => undefined); // awaited below; this only keeps an early abort from going unhandled
    const result = await work(tx);
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
    if (e instanceof StoreError && e.code !== 'store.writeFailed') throw e;
    // A full disk shows either on the request or only on the transaction when it commits.
    if (isQuotaError(e) || (tx && isQuotaError(tx.error))) {
      throw new StoreError('store.quota', { params, detail: describeError(tx?.error ?? e), cause: e });
    }
    if (e instanceof StoreError) throw e;
    throw new StoreError('store.writeFailed', { detail: describeError(e), cause: e });
  }
}
