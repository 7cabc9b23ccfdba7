import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { putClips } from './clip-store';
import { clipsOfPage, listClips, listPages } from './clip-query';
import { closeDb } from './db';
import { getSiteSettings, getUiSettings } from './settings';
import { sampleClip } from '../model/sample-clip.test-support';
import { PAGE_A, PAGE_B, clipsOn, failureOf, freshDb } from './testing';

beforeEach(freshDb);
afterEach(async () => {
  vi.restoreAllMocks();
  await closeDb();
});

/** A database as version 1 of the extension left it. */
async function makeV1(records: object[], sites: object[] = []): Promise<void> {
  const db = await openDB('zhibiao', 1, {
    upgrade(v1) {
      const clips = v1.createObjectStore('clips', { keyPath: 'id' });
      clips.createIndex('url', 'url');
      clips.createIndex('clippedAt', 'clippedAt');
      v1.createObjectStore('sites', { keyPath: 'site' });
    },
  });
  const tx = db.transaction(['clips', 'sites'], 'readwrite');
  for (const record of records) await tx.objectStore('clips').put(record);
  for (const site of sites) await tx.objectStore('sites').put(site);
  await tx.done;
  db.close();
}

async function rawRecords(version: number, store: string): Promise<unknown[]> {
  const db = await openDB('zhibiao', version);
  const records = await db.getAll(store);
  db.close();
  return records;
}

describe('upgrade from version 1', () => {
  it('keeps every record and setting, and builds the indexes, search texts and page summaries', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const pageA = clipsOn(PAGE_A, 3, 0);
    const pageB = clipsOn(PAGE_B, 2, 10);
    const corrupt = { id: 'c_old_bug', url: PAGE_A, clippedAt: 'soon' };
    await makeV1([...pageA, ...pageB, corrupt], [{ site: 'www.gov.cn', autoHighlight: false }]);

    expect(await listClips({ limit: 50 })).toEqual({ clips: [...pageA, ...pageB].reverse(), skipped: 1, total: 6 });
    expect((await listClips({ page: PAGE_A, limit: 50 })).clips).toEqual(pageA);
    expect((await listClips({ search: '国内生产总值 2%', limit: 50 })).clips).toEqual([pageB[1], pageA[1]]);
    expect(await clipsOfPage('http://gov.cn/zhengce/a.htm')).toEqual(pageA);
    expect((await listPages({ limit: 10 })).pages).toEqual([
      { url: PAGE_B, title: pageB[1].title, site: 'www.stats.gov.cn', clipCount: 2, lastClippedAt: pageB[1].clippedAt },
      // The corrupt record counts (it is there) but gives neither title nor time.
      { url: PAGE_A, title: pageA[2].title, site: 'www.gov.cn', clipCount: 4, lastClippedAt: pageA[2].clippedAt },
    ]);
    expect(await getSiteSettings('www.gov.cn')).toEqual({ site: 'www.gov.cn', autoHighlight: false });
    expect(await getUiSettings()).toEqual({ locale: 'auto' });
    // Every v1 record is still there, unchanged but for the added index keys.
    await closeDb();
    const records = (await rawRecords(2, 'clips')) as Record<string, unknown>[];
    expect(records).toHaveLength(6);
    for (const original of [...pageA, ...pageB, corrupt]) {
      expect(records.find((r) => r.id === original.id)).toMatchObject(original);
    }
    expect(warn).toHaveBeenCalled();
  });

  it('goes on storing after the upgrade', async () => {
    await makeV1(clipsOn(PAGE_A, 2));
    await putClips(clipsOn(PAGE_A, 4));
    expect((await listPages({ limit: 10 })).pages[0].clipCount).toBe(4);
  });
});

describe('a database the store cannot open', () => {
  it('at a newer version (after a downgrade): one code, data untouched', async () => {
    const db = await openDB('zhibiao', 7, {
      upgrade(newer) {
        newer.createObjectStore('clips', { keyPath: 'id' }).put(sampleClip());
      },
    });
    db.close();
    const failure = await failureOf(listClips({ limit: 50 }));
    expect(failure).toMatchObject({ name: 'StoreError', code: 'store.versionNewer' });
    expect(failure.detail).toMatch(/VersionError/);
    expect(await failureOf(putClips([sampleClip({ url: PAGE_B })]))).toMatchObject({ code: 'store.versionNewer' });
    expect(await rawRecords(7, 'clips')).toEqual([sampleClip()]);
  });

  it('while another window holds the old version open: store.blocked, then works once it closes', async () => {
    const pageA = clipsOn(PAGE_A, 2);
    await makeV1(pageA);
    // An old window of the extension that does not step aside.
    const old = await openDB('zhibiao', 1);
    expect(await failureOf(listClips({ limit: 50 }))).toMatchObject({ code: 'store.blocked' });
    expect(await failureOf(putClips(clipsOn(PAGE_B, 1)))).toMatchObject({ code: 'store.blocked' });
    old.close();
    await vi.waitFor(async () => expect((await listClips({ limit: 50 })).clips).toEqual([...pageA].reverse()));
  });
});
