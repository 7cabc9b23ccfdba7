import 'fake-indexeddb/auto';
import { forceCloseDatabase } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearPage, deleteClips, importClips, putClips, updateClip } from './clip-store';
import { clipsOfPage, listClips, listPages } from './clip-query';
import { closeDb } from './db';
import { StoreError } from './errors';
import { getSiteSettings, setSiteSettings } from './settings';
import { sampleClip } from '../model/sample-clip.test-support';
import { PAGE_A, PAGE_B, clipsOn, failureOf, freshDb, quotaError } from './testing';

const all = async () => (await listClips({ limit: 2000 })).clips;

beforeEach(freshDb);
afterEach(() => {
  vi.restoreAllMocks();
});

describe('putClips and reading back', () => {
  it('stores a clip and lists it, and finds it by page (ignoring the #fragment)', async () => {
    const clip = sampleClip({ url: PAGE_A });
    expect(await putClips([clip])).toEqual([clip]);
    expect(await listClips({ limit: 50 })).toEqual({ clips: [clip], skipped: 0, total: 1 });
    expect(await clipsOfPage(`${PAGE_A}#p3`)).toEqual([clip]);
    expect(await clipsOfPage(PAGE_B)).toEqual([]);
  });

  it('keeps one clip and the first clippedAt when the same figure is clipped twice', async () => {
    const first = sampleClip({ url: PAGE_A, clippedAt: '2024-03-05T01:00:00.000Z' });
    const again = { ...first, title: '政府工作报告（全文）', clippedAt: '2024-03-06T08:30:00.000Z' };
    await putClips([first]);
    const [kept] = await putClips([again]);
    expect(kept.clippedAt).toBe(first.clippedAt);
    expect(kept.title).toBe('政府工作报告（全文）');
    const clips = await all();
    expect(clips).toHaveLength(1);
    expect(clips[0].clippedAt).toBe('2024-03-05T01:00:00.000Z');
  });

  it('refuses an invalid clip with a code naming the field, and stores nothing', async () => {
    const bad = { ...sampleClip(), clippedAt: 'yesterday' };
    const failure = await failureOf(putClips([bad]));
    expect(failure).toMatchObject({ name: 'StoreError', code: 'store.invalidClip', params: { index: 1 } });
    expect(failure.detail).toMatch(/^clippedAt/);
    expect(await all()).toEqual([]);
  });

  it('stores a batch, counting each figure once', async () => {
    const clips = clipsOn(PAGE_A, 4);
    const duplicate = { ...clips[0], clippedAt: '2025-01-01T00:00:00.000Z' };
    expect(await putClips([...clips, duplicate])).toHaveLength(4);
    const listed = await all();
    expect(listed).toHaveLength(4);
    expect(listed.find((c) => c.id === clips[0].id)?.clippedAt).toBe(clips[0].clippedAt);
  });

  it('keeps the earlier clippedAt of a clip already stored (re-importing a backup)', async () => {
    const [stored] = clipsOn(PAGE_A, 1);
    await putClips([stored]);
    await putClips([{ ...stored, clippedAt: '2030-01-01T00:00:00.000Z' }]);
    expect((await all())[0].clippedAt).toBe(stored.clippedAt);
  });

  it('refuses the whole batch when one clip is invalid, naming which', async () => {
    const clips = clipsOn(PAGE_A, 3);
    const bad = { ...clips[1], indicator: { ...clips[1].indicator, value: Number.NaN } };
    const failure = await failureOf(putClips([clips[0], bad, clips[2]]));
    expect(failure).toMatchObject({ code: 'store.invalidClip', params: { index: 2 } });
    expect(failure.detail).toMatch(/^indicator\.value/);
    expect(await all()).toEqual([]);
  });
});

describe('corrections survive clipping the figure again', () => {
  it('keeps edited fields, note and tags over a re-extracted figure, and its original updated', async () => {
    const [clip] = clipsOn(PAGE_A, 1);
    await putClips([clip]);
    await updateClip(clip.id, { label: '经济增速', note: '核对过', tags: ['GDP'] });
    const reExtracted = { ...clip, indicator: { ...clip.indicator, label: '国内生产总值', unit: '％' }, clippedAt: '2025-01-01T00:00:00.000Z' };
    const [kept] = await putClips([reExtracted]);
    expect(kept.indicator.label).toBe('经济增速');
    expect(kept.indicator.unit).toBe('％'); // not edited: the new extraction's
    expect(kept.original).toEqual(reExtracted.indicator);
    expect(kept.edited).toEqual(['label']);
    expect(kept).toMatchObject({ note: '核对过', tags: ['GDP'], clippedAt: clip.clippedAt });
    expect(await clipsOfPage(PAGE_A)).toEqual([kept]);
  });

  it('updates a clip and rejects an unknown id or an invalid patch with a code', async () => {
    const [clip] = clipsOn(PAGE_A, 1);
    await putClips([clip]);
    const updated = await updateClip(clip.id, { value: 6 }, new Date('2024-04-01T00:00:00.000Z'));
    expect(updated).toMatchObject({ indicator: { value: 6 }, original: clip.indicator, edited: ['value'], updatedAt: '2024-04-01T00:00:00.000Z' });
    expect((await all())[0]).toEqual(updated);
    expect(await failureOf(updateClip('c_none', { value: 1 }))).toMatchObject({ code: 'store.notFound', params: { id: 'c_none' } });
    expect(await failureOf(updateClip(clip.id, { value: 'six' } as never))).toMatchObject({ code: 'store.invalidPatch' });
    expect(await failureOf(updateClip(clip.id, { tags: [' '.repeat(3), 'x'.repeat(41)] }))).toMatchObject({ code: 'store.invalidPatch' });
    expect((await all())[0]).toEqual(updated);
  });
});

describe('deleteClips and clearPage', () => {
  it('deletes clips by id and returns them, for undo', async () => {
    const [a, b] = clipsOn(PAGE_A, 2);
    await putClips([a, b]);
    expect(await deleteClips([a.id, 'c_none'])).toEqual([a]);
    expect(await deleteClips([a.id])).toEqual([]);
    expect((await all()).map((c) => c.id)).toEqual([b.id]);
    await putClips(await deleteClips([b.id])); // undo
    expect(await all()).toEqual([b]);
  });

  it("deletes for a page only that page's clips (also reached by a redirect)", async () => {
    const [a] = clipsOn(PAGE_A, 1);
    const [b] = clipsOn(PAGE_B, 1);
    await putClips([a, b]);
    expect(await deleteClips([a.id, b.id], { page: 'http://gov.cn/zhengce/a.htm/?from=rss#top' })).toEqual([a]);
    expect(await all()).toEqual([b]);
  });

  it("clears one page's clips and leaves the other pages'", async () => {
    const pageA = clipsOn(PAGE_A, 3);
    await putClips([...pageA, ...clipsOn(PAGE_B, 2, 10)]);
    expect((await clearPage(`${PAGE_A}#x`)).map((c) => c.id).sort()).toEqual(pageA.map((c) => c.id).sort());
    expect(await clearPage(PAGE_A)).toEqual([]);
    const left = await all();
    expect(left).toHaveLength(2);
    expect(left.every((c) => c.url === PAGE_B)).toBe(true);
  });
});

describe('page summaries follow every write', () => {
  it('counts clips and keeps the last clip time per page, newest page first', async () => {
    const pageA = clipsOn(PAGE_A, 3, 0);
    const pageB = clipsOn(PAGE_B, 2, 10);
    await putClips([...pageA, ...pageB]);
    expect((await listPages({ limit: 10 })).pages).toEqual([
      { url: PAGE_B, title: pageB[1].title, site: 'www.stats.gov.cn', clipCount: 2, lastClippedAt: pageB[1].clippedAt },
      { url: PAGE_A, title: pageA[2].title, site: 'www.gov.cn', clipCount: 3, lastClippedAt: pageA[2].clippedAt },
    ]);
    await deleteClips([pageB[1].id]);
    await putClips([{ ...pageA[0], title: '新标题' }]);
    expect((await listPages({ limit: 10 })).pages).toEqual([
      { url: PAGE_B, title: pageB[0].title, site: 'www.stats.gov.cn', clipCount: 1, lastClippedAt: pageB[0].clippedAt },
      { url: PAGE_A, title: '新标题', site: 'www.gov.cn', clipCount: 3, lastClippedAt: pageA[2].clippedAt },
    ]);
    await clearPage(PAGE_B);
    expect((await listPages({ limit: 10 })).pages.map((p) => p.url)).toEqual([PAGE_A]);
  });
});

describe('importClips', () => {
  it('stores in chunks, reports progress and the true count', async () => {
    const clips = [...clipsOn(PAGE_A, 25), ...clipsOn(PAGE_B, 25, 30)];
    const progress: [number, number][] = [];
    await putClips(clips.slice(0, 5)); // already stored: merged, not added
    expect(await importClips([...clips, clips[0]], (done, total) => progress.push([done, total]), 20)).toEqual({ stored: 50, added: 45 });
    expect(progress).toEqual([
      [0, 50],
      [20, 50],
      [40, 50],
      [50, 50],
    ]);
    expect(await listClips({ limit: 10 })).toMatchObject({ total: 50 });
    expect((await listPages({ limit: 10 })).pages.map((p) => p.clipCount)).toEqual([25, 25]);
  });

  it('checks every entry before writing any', async () => {
    const clips = clipsOn(PAGE_A, 30);
    const failure = await failureOf(importClips([...clips, { ...clips[0], id: '' }], undefined, 10));
    expect(failure).toMatchObject({ code: 'store.invalidClip', params: { index: 31 } });
    expect(await all()).toEqual([]);
  });

  it('says how many were stored when the disk fills part way, and keeps those', async () => {
    const clips = clipsOn(PAGE_A, 30);
    const original = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'clips' && ++calls === 25) throw quotaError();
      return original.apply(this, args);
    });
    const failure = await failureOf(importClips(clips, undefined, 10));
    expect(failure).toMatchObject({ code: 'store.quota', params: { stored: 20, count: 10 } });
    vi.restoreAllMocks();
    expect(await listClips({ limit: 1 })).toMatchObject({ total: 20 });
  });
});

describe('a full disk', () => {
  it('rejects with store.quota when the write is refused, and loses nothing stored', async () => {
    const stored = clipsOn(PAGE_A, 3);
    await putClips(stored);
    const before = await listClips({ limit: 50 });
    const pagesBefore = await listPages({ limit: 50 });
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quotaError();
    });

    expect(await failureOf(putClips([sampleClip({ url: PAGE_B })]))).toMatchObject({ code: 'store.quota', params: { count: 1 } });
    // Re-clipping a stored figure must not damage it either.
    await expect(putClips([{ ...stored[0], title: 'changed' }])).rejects.toThrow(StoreError);
    await expect(updateClip(stored[0].id, { note: 'x' })).rejects.toMatchObject({ code: 'store.quota' });
    await expect(setSiteSettings({ site: 'www.gov.cn', autoHighlight: false })).rejects.toMatchObject({ code: 'store.quota' });

    vi.restoreAllMocks();
    expect(await listClips({ limit: 50 })).toEqual(before);
    expect(await listPages({ limit: 50 })).toEqual(pagesBefore);
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
    expect(await failureOf(putClips(clipsOn(PAGE_A, 5)))).toMatchObject({ code: 'store.quota', params: { count: 5 } });
    vi.restoreAllMocks();
    expect(await all()).toEqual([]);
    expect((await listPages({ limit: 5 })).pages).toEqual([]);
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
    expect(await failureOf(putClips([sampleClip({ url: PAGE_B })]))).toMatchObject({ code: 'store.quota', params: { count: 1 } });
    vi.restoreAllMocks();
    expect(await all()).toEqual([stored[1], stored[0]]);
  });
});

describe('concurrency and the connection', () => {
  it('loses no clip when many are clipped at once', async () => {
    const clips = [...clipsOn(PAGE_A, 60), ...clipsOn(PAGE_B, 60)];
    await Promise.all(clips.map((clip) => putClips([clip])));
    expect(await all()).toHaveLength(120);
    expect((await listPages({ limit: 5 })).pages.map((p) => p.clipCount)).toEqual([60, 60]);
  });

  it('loses no clip when two contexts (two connections) write at once', async () => {
    vi.resetModules();
    const other = await import('./clip-store');
    const otherDb = await import('./db');
    const mine = clipsOn(PAGE_A, 40);
    const theirs = clipsOn(PAGE_B, 40);
    const sameFigure = sampleClip({ url: PAGE_A, exact: '99%', clippedAt: '2024-01-01T00:00:00.000Z' });
    const sameLater = { ...sameFigure, clippedAt: '2024-06-01T00:00:00.000Z' };
    await Promise.all([
      ...mine.map((c) => putClips([c])),
      ...theirs.map((c) => other.putClips([c])),
      putClips([sameLater]),
      other.putClips([sameFigure]),
      other.putClips(clipsOn('https://example.gov.cn/c', 5)),
    ]);
    const clips = await all();
    expect(clips).toHaveLength(40 + 40 + 1 + 5);
    expect(clips.find((c) => c.id === sameFigure.id)?.clippedAt).toBe('2024-01-01T00:00:00.000Z');
    expect((await listPages({ limit: 5 })).pages.map((p) => p.clipCount).sort()).toEqual([40, 41, 5].sort());
    await otherDb.closeDb();
  });

  it('reopens the database after the browser closes the connection', async () => {
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    await putClips([sampleClip({ url: PAGE_A })]);
    forceCloseDatabase(spy.mock.contexts[0] as never); // its .d.ts wrongly asks for a constructor
    await putClips([sampleClip({ url: PAGE_B })]);
    expect(await all()).toHaveLength(2);
  });

  it('reopens the database when its connection was closed without notice', async () => {
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    await putClips([sampleClip({ url: PAGE_A })]);
    // close() fires no event: the store only learns of it when the next transaction is refused.
    (spy.mock.contexts[0] as IDBDatabase).close();
    await putClips([sampleClip({ url: PAGE_B })]);
    expect(await all()).toHaveLength(2);
  });

  it('steps aside when another context deletes the database, then starts afresh', async () => {
    await putClips([sampleClip({ url: PAGE_A })]);
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase('zhibiao');
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked: the store did not close its connection'));
    });
    expect(await all()).toEqual([]);
    await putClips([sampleClip({ url: PAGE_B })]);
    expect(await all()).toHaveLength(1);
    await closeDb();
  });
});
