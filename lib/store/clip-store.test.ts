import 'fake-indexeddb/auto';
import { IDBFactory, forceCloseDatabase } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  StoreError,
  clearPage,
  clipsForPage,
  closeDb,
  deleteClip,
  getSiteSettings,
  listClips,
  putClip,
  putClips,
  setSiteSettings,
} from './clip-store';
import { sampleClip } from './sample-clip';

const PAGE_A = 'https://www.gov.cn/zhengce/a.htm';
const PAGE_B = 'https://www.stats.gov.cn/sj/b.html';

/** Clips on one page at distinct minutes, so each is a different figure with a distinct time. */
function clipsOn(url: string, n: number, firstMinute = 0) {
  return Array.from({ length: n }, (_, i) =>
    sampleClip({
      url,
      exact: `${i + 1}%`,
      value: i + 1,
      clippedAt: new Date(Date.UTC(2024, 2, 5, 1, firstMinute + i)).toISOString(),
    }),
  );
}

/** Write records straight into the database, past the store's validation (a corrupt DB). */
async function putRaw(records: object[]): Promise<void> {
  await listClips(); // the store creates the database and its object stores
  const db = await openDB('zhibiao', 1);
  const tx = db.transaction('clips', 'readwrite');
  for (const record of records) await tx.store.put(record as never);
  await tx.done;
  db.close();
}

function quotaError() {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

beforeEach(async () => {
  await closeDb();
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('putClip and reading back', () => {
  it('stores a clip and lists it, and finds it by page (ignoring the #fragment)', async () => {
    const clip = sampleClip({ url: PAGE_A });
    expect(await putClip(clip)).toEqual(clip);
    expect(await listClips()).toEqual({ clips: [clip], skipped: 0 });
    expect((await clipsForPage(`${PAGE_A}#p3`)).clips).toEqual([clip]);
    expect((await clipsForPage(PAGE_B)).clips).toEqual([]);
  });

  it('keeps one clip and the first clippedAt when the same figure is clipped twice', async () => {
    const first = sampleClip({ url: PAGE_A, clippedAt: '2024-03-05T01:00:00.000Z' });
    const again = { ...first, title: '政府工作报告（全文）', clippedAt: '2024-03-06T08:30:00.000Z' };
    await putClip(first);
    const kept = await putClip(again);
    expect(kept.clippedAt).toBe(first.clippedAt);
    expect(kept.title).toBe('政府工作报告（全文）');
    const { clips } = await listClips();
    expect(clips).toHaveLength(1);
    expect(clips[0].clippedAt).toBe('2024-03-05T01:00:00.000Z');
  });

  it('lists every clip newest first', async () => {
    const clips = [...clipsOn(PAGE_A, 3, 0), ...clipsOn(PAGE_B, 3, 10)];
    for (const clip of [clips[4], clips[0], clips[5], clips[2], clips[1], clips[3]]) await putClip(clip);
    const listed = (await listClips()).clips.map((c) => c.clippedAt);
    expect(listed).toEqual(clips.map((c) => c.clippedAt).reverse());
    expect((await clipsForPage(PAGE_A)).clips.map((c) => c.id)).toEqual([clips[2].id, clips[1].id, clips[0].id]);
  });

  it('refuses an invalid clip with a readable message and stores nothing', async () => {
    const bad = { ...sampleClip(), clippedAt: 'yesterday' };
    await expect(putClip(bad)).rejects.toThrow(/无效的摘录 \(invalid clip\): clippedAt/);
    expect((await listClips()).clips).toEqual([]);
  });
});

describe('putClips', () => {
  it('stores a batch, counting each figure once', async () => {
    const clips = clipsOn(PAGE_A, 4);
    const duplicate = { ...clips[0], clippedAt: '2025-01-01T00:00:00.000Z' };
    expect(await putClips([...clips, duplicate])).toBe(4);
    const listed = (await listClips()).clips;
    expect(listed).toHaveLength(4);
    expect(listed.find((c) => c.id === clips[0].id)?.clippedAt).toBe(clips[0].clippedAt);
  });

  it('keeps the earlier clippedAt of a clip already stored (re-importing a backup)', async () => {
    const [stored] = clipsOn(PAGE_A, 1);
    await putClip(stored);
    await putClips([{ ...stored, clippedAt: '2030-01-01T00:00:00.000Z' }]);
    expect((await listClips()).clips[0].clippedAt).toBe(stored.clippedAt);
  });

  it('refuses the whole batch when one clip is invalid, naming which', async () => {
    const clips = clipsOn(PAGE_A, 3);
    const bad = { ...clips[1], indicator: { ...clips[1].indicator, value: Number.NaN } };
    await expect(putClips([clips[0], bad, clips[2]])).rejects.toThrow(/#2.*indicator\.value/);
    expect((await listClips()).clips).toEqual([]);
  });
});

describe('deleteClip and clearPage', () => {
  it('deletes one clip and says whether there was one', async () => {
    const [a, b] = clipsOn(PAGE_A, 2);
    await putClips([a, b]);
    expect(await deleteClip(a.id)).toBe(true);
    expect(await deleteClip(a.id)).toBe(false);
    expect((await listClips()).clips.map((c) => c.id)).toEqual([b.id]);
  });

  it("clears one page's clips and leaves the other pages'", async () => {
    await putClips([...clipsOn(PAGE_A, 3), ...clipsOn(PAGE_B, 2)]);
    expect(await clearPage(PAGE_A)).toBe(3);
    expect(await clearPage(PAGE_A)).toBe(0);
    const left = (await listClips()).clips;
    expect(left).toHaveLength(2);
    expect(left.every((c) => c.url === PAGE_B)).toBe(true);
  });
});

describe('site settings', () => {
  it('defaults to highlighting automatically, and remembers a choice per site', async () => {
    expect(await getSiteSettings('www.gov.cn')).toEqual({ site: 'www.gov.cn', autoHighlight: true });
    await setSiteSettings({ site: 'www.gov.cn', autoHighlight: false });
    expect(await getSiteSettings('www.gov.cn')).toEqual({ site: 'www.gov.cn', autoHighlight: false });
    expect(await getSiteSettings('www.stats.gov.cn')).toEqual({ site: 'www.stats.gov.cn', autoHighlight: true });
  });

  it('refuses invalid settings', async () => {
    await expect(setSiteSettings({ site: 'x', autoHighlight: 'no' } as never)).rejects.toThrow(/invalid site settings/);
  });
});

describe('a corrupt database', () => {
  it('skips and counts records that fail the schema, and still lists the good ones', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const good = clipsOn(PAGE_A, 2);
    await putClips(good);
    await putRaw([
      { id: 'c_broken1', url: PAGE_A, title: 'x' },
      { ...good[0], id: 'c_broken2', clippedAt: undefined },
      { ...good[0], id: 'c_broken3', indicator: { ...good[0].indicator, dimension: 'weight' } },
    ]);
    expect(await listClips()).toEqual({ clips: [good[1], good[0]], skipped: 3 });
    expect(await clipsForPage(PAGE_A)).toEqual({ clips: [good[1], good[0]], skipped: 3 });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/skipped 3 corrupt/));
  });

  it('lets a new clip of the same figure replace a corrupt record', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const clip = sampleClip();
    await putRaw([{ id: clip.id, url: clip.url, clippedAt: 'garbage' }]);
    expect(await putClip(clip)).toEqual(clip);
    expect(await listClips()).toEqual({ clips: [clip], skipped: 0 });
  });
});

describe('a full disk', () => {
  const FULL = '存储空间已满，未保存 (storage is full: the clip was not saved)';

  it('rejects with a clear message when the write is refused, and loses nothing stored', async () => {
    const stored = clipsOn(PAGE_A, 3);
    await putClips(stored);
    const before = await listClips();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quotaError();
    });

    await expect(putClip(sampleClip({ url: PAGE_B }))).rejects.toThrow(FULL);
    // Re-clipping a stored figure must not damage it either.
    await expect(putClip({ ...stored[0], title: 'changed' })).rejects.toThrow(StoreError);
    await expect(setSiteSettings({ site: 'www.gov.cn', autoHighlight: false })).rejects.toThrow(/storage is full/);

    vi.restoreAllMocks();
    expect(await listClips()).toEqual(before);
    expect(await getSiteSettings('www.gov.cn')).toEqual({ site: 'www.gov.cn', autoHighlight: true });
  });

  it('stores none of a batch when the disk fills part way through', async () => {
    const original = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      calls += 1;
      if (calls === 3) throw quotaError();
      return original.apply(this, args);
    });
    await expect(putClips(clipsOn(PAGE_A, 5))).rejects.toThrow(
      '存储空间已满，5 条摘录均未保存 (storage is full: none of the 5 clips was saved)',
    );
    vi.restoreAllMocks();
    expect((await listClips()).clips).toEqual([]);
  });

  it('rejects clearly when the quota error only shows as the transaction commits', async () => {
    const stored = clipsOn(PAGE_A, 2);
    await putClips(stored);
    const original = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = original.apply(this, args);
      // As Chrome does when the disk fills at commit: the transaction aborts with the quota error.
      (this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
      return request;
    });
    await expect(putClip(sampleClip({ url: PAGE_B }))).rejects.toThrow(FULL);
    vi.restoreAllMocks();
    expect((await listClips()).clips).toEqual([stored[1], stored[0]]);
  });
});

describe('concurrency and the connection', () => {
  it('loses no clip when many are clipped at once', async () => {
    const clips = [...clipsOn(PAGE_A, 60), ...clipsOn(PAGE_B, 60)];
    await Promise.all(clips.map((clip) => putClip(clip)));
    expect((await listClips()).clips).toHaveLength(120);
  });

  it('loses no clip when two contexts (two connections) write at once', async () => {
    vi.resetModules();
    const other = await import('./clip-store');
    const mine = clipsOn(PAGE_A, 40);
    const theirs = clipsOn(PAGE_B, 40);
    const sameFigure = sampleClip({ url: PAGE_A, exact: '99%', clippedAt: '2024-01-01T00:00:00.000Z' });
    const sameLater = { ...sameFigure, clippedAt: '2024-06-01T00:00:00.000Z' };
    await Promise.all([
      ...mine.map((c) => putClip(c)),
      ...theirs.map((c) => other.putClip(c)),
      putClip(sameLater),
      other.putClip(sameFigure),
      other.putClips(clipsOn('https://example.gov.cn/c', 5)),
    ]);
    const all = (await listClips()).clips;
    expect(all).toHaveLength(40 + 40 + 1 + 5);
    expect(all.find((c) => c.id === sameFigure.id)?.clippedAt).toBe('2024-01-01T00:00:00.000Z');
    await other.closeDb();
  });

  it('reopens the database after the browser closes the connection', async () => {
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    await putClip(sampleClip({ url: PAGE_A }));
    forceCloseDatabase(spy.mock.contexts[0] as never); // its .d.ts wrongly asks for a constructor
    await putClip(sampleClip({ url: PAGE_B }));
    expect((await listClips()).clips).toHaveLength(2);
  });

  it('reopens the database when its connection was closed without notice', async () => {
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    await putClip(sampleClip({ url: PAGE_A }));
    // close() fires no event: the store only learns of it when the next transaction is refused.
    (spy.mock.contexts[0] as IDBDatabase).close();
    await putClip(sampleClip({ url: PAGE_B }));
    expect((await listClips()).clips).toHaveLength(2);
  });

  it('steps aside when another context deletes the database, then starts afresh', async () => {
    await putClip(sampleClip({ url: PAGE_A }));
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase('zhibiao');
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked: the store did not close its connection'));
    });
    expect((await listClips()).clips).toEqual([]);
    await putClip(sampleClip({ url: PAGE_B }));
    expect((await listClips()).clips).toHaveLength(1);
  });
});
