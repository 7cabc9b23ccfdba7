import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clip } from '../model/clip';
import { putClips, updateClip } from './clip-store';
import { clipsOfPage, iterateClips, listClips, listPages } from './clip-query';
import { sampleClip } from '../model/sample-clip.test-support';
import { PAGE_A, PAGE_B, clipsOn, failureOf, freshDb, putRaw } from './testing';

beforeEach(freshDb);
afterEach(() => {
  vi.restoreAllMocks();
});

/** Every screen of a query, following `next`. */
async function screens(query: { page?: string; search?: string }, limit: number) {
  const pages: Clip[][] = [];
  let cursor: string | undefined;
  do {
    const screen = await listClips({ ...query, limit, ...(cursor ? { cursor } : {}) });
    pages.push(screen.clips);
    cursor = screen.next;
  } while (cursor);
  return pages;
}

const ids = (clips: Clip[]) => clips.map((c) => c.id);

describe('listClips pages through an index', () => {
  it('lists every clip newest first, a screen at a time, with the total on the first', async () => {
    const clips = [...clipsOn(PAGE_A, 3, 0), ...clipsOn(PAGE_B, 3, 10)];
    for (const clip of [clips[4], clips[0], clips[5], clips[2], clips[1], clips[3]]) await putClips([clip]);
    const first = await listClips({ limit: 4 });
    expect(first.total).toBe(6);
    expect(first.next).toBeDefined();
    expect((await screens({}, 4)).map(ids)).toEqual([ids(clips.slice(2).reverse()), ids(clips.slice(0, 2).reverse())]);
    expect((await screens({}, 6)).map(ids)).toEqual([ids([...clips].reverse())]);
  });

  it('orders clips of the same instant by id, so no screen repeats or drops one', async () => {
    const sameTime = Array.from({ length: 7 }, (_, i) => sampleClip({ exact: `${i}万`, clippedAt: '2024-03-05T01:00:00.000Z' }));
    await putClips(sameTime);
    const listed = (await screens({}, 3)).flat();
    expect(ids(listed)).toEqual(ids(sameTime).sort());
  });

  it("lists one page's clips in page order (PDF page, then position), ignoring the #fragment", async () => {
    const at = (position: number, pdfPage?: number) => {
      const clip = sampleClip({ url: PAGE_A, exact: `${position}/${pdfPage ?? 0}`, position });
      return pdfPage ? { ...clip, anchor: { ...clip.anchor, pdfPage } } : clip;
    };
    const clips = [at(500, 2), at(30, 1), at(900), at(10, 2), at(20, 1)];
    await putClips([...clips, ...clipsOn(PAGE_B, 3)]);
    const first = await listClips({ page: `${PAGE_A}#s2`, limit: 2 });
    expect(first.total).toBe(5);
    expect((await screens({ page: PAGE_A }, 2)).flat().map((c) => c.indicator.text)).toEqual(['900/0', '20/1', '30/1', '10/2', '500/2']);
  });

  it('refuses a cursor it did not give out, and an invalid query, with a code', async () => {
    expect(await failureOf(listClips({ limit: 5, cursor: 'x[1,2]' }))).toMatchObject({ code: 'store.invalidQuery', params: { field: 'cursor' } });
    const pageCursor = (await listClips({ page: PAGE_A, limit: 1 })).next;
    expect(pageCursor).toBeUndefined();
    expect(await failureOf(listClips({ limit: 0 }))).toMatchObject({ code: 'store.invalidQuery' });
  });
});

describe('search', () => {
  const report = sampleClip({
    url: PAGE_A,
    exact: '5%',
    label: '国内生产总值增长',
    sentence: '国内生产总值增长5%左右；城镇新增就业1200万人以上。',
    clippedAt: '2024-03-05T01:00:00.000Z',
  });
  const traditional = sampleClip({
    url: 'https://www.gov.hk/tc/about/report.htm',
    exact: '３．２％',
    value: 3.2,
    label: '本地生產總值增長',
    title: '施政報告',
    section: '經濟發展',
    sentence: '本地生產總值增長３．２％，就業人數上升。',
    clippedAt: '2024-03-06T01:00:00.000Z',
  });
  const stats = sampleClip({
    url: PAGE_B,
    exact: '1.1万亿元',
    value: 1.1e12,
    unit: '元',
    label: '社会消费品零售总额',
    title: '国民经济统计公报',
    section: '三、国内贸易',
    sentence: '全年社会消费品零售总额1.1万亿元，比上年增长7.2%。',
    clippedAt: '2024-03-07T01:00:00.000Z',
  });

  beforeEach(async () => {
    await putClips([report, traditional, stats]);
  });

  it('matches simplified and traditional, full-width and half-width, both ways', async () => {
    expect(ids((await listClips({ search: '生产总值', limit: 10 })).clips)).toEqual([traditional.id, report.id]);
    expect(ids((await listClips({ search: '生產總值', limit: 10 })).clips)).toEqual([traditional.id, report.id]);
    expect(ids((await listClips({ search: '3.2%', limit: 10 })).clips)).toEqual([traditional.id]);
    expect(ids((await listClips({ search: '経済', limit: 10 })).clips)).toEqual([]);
  });

  it('needs every word, each in any field: label, figure, unit, sentence, title, section, note, tags', async () => {
    expect(ids((await listClips({ search: '增长 统计公报', limit: 10 })).clips)).toEqual([stats.id]);
    expect(ids((await listClips({ search: '国内贸易  万亿元', limit: 10 })).clips)).toEqual([stats.id]);
    expect(ids((await listClips({ search: '经济发展', limit: 10 })).clips)).toEqual([traditional.id]);
    expect((await listClips({ search: '增长 不存在', limit: 10 })).clips).toEqual([]);
    await updateClip(report.id, { note: 'Checked against the 公报', tags: ['宏观'] });
    expect(ids((await listClips({ search: 'checked 宏观', limit: 10 })).clips)).toEqual([report.id]);
    await updateClip(report.id, { label: '经济增速' });
    expect(ids((await listClips({ search: '经济增速', limit: 10 })).clips)).toEqual([report.id]);
  });

  it('pages through the matches with a cursor, and counts them all', async () => {
    const more = Array.from({ length: 9 }, (_, i) =>
      sampleClip({ exact: `${i}千克`, sentence: `粮食产量增长${i}千克`, clippedAt: new Date(Date.UTC(2024, 5, i + 1)).toISOString() }),
    );
    await putClips(more);
    const first = await listClips({ search: '增长', limit: 4 });
    expect(first.total).toBe(12);
    const all = (await screens({ search: '增长' }, 4)).flat();
    expect(ids(all)).toEqual(ids([...[...more].reverse(), stats, traditional, report]));
    expect((await listClips({ search: '统计公报', limit: 10 })).total).toBe(1);
  });

  it("searches within one page's clips", async () => {
    await putClips(clipsOn(PAGE_A, 3, 20));
    const found = await listClips({ page: PAGE_A, search: '就业', limit: 10 });
    expect(found.total).toBe(4);
    expect(ids((await screens({ page: PAGE_A, search: '就业 1200' }, 3)).flat())).toHaveLength(4);
    expect((await listClips({ page: PAGE_A, search: '社会消费品', limit: 10 })).clips).toEqual([]);
  });
});

describe('iterateClips streams every clip in batches', () => {
  it('yields each clip once, newest first, and returns how many corrupt records it skipped', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const clips = [...clipsOn(PAGE_A, 25), ...clipsOn(PAGE_B, 20, 30)];
    await putClips(clips);
    await putRaw([{ id: 'c_broken', url: PAGE_A, title: 'x' }]);
    const batches: number[] = [];
    const seen: Clip[] = [];
    const iterator = iterateClips({}, 10);
    let step = await iterator.next();
    while (!step.done) {
      batches.push(step.value.length);
      seen.push(...step.value);
      step = await iterator.next();
    }
    expect(step.value).toEqual({ skipped: 1 });
    expect(ids(seen)).toEqual(ids([...clips].reverse()));
    expect(batches).toEqual([10, 10, 10, 10, 5]);
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
    expect(await listClips({ limit: 50 })).toEqual({ clips: [good[1], good[0]], skipped: 3, total: 5 });
    expect(await listClips({ page: PAGE_A, limit: 50 })).toMatchObject({ clips: [good[0], good[1]], skipped: 3 });
    expect(await clipsOfPage(PAGE_A)).toEqual([good[0], good[1]]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/skipped 3 corrupt/));
  });

  it('lets a new clip of the same figure replace a corrupt record', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const clip = sampleClip();
    await putRaw([{ id: clip.id, url: clip.url, clippedAt: 'garbage' }]);
    expect(await putClips([clip])).toEqual([clip]);
    expect(await listClips({ limit: 50 })).toEqual({ clips: [clip], skipped: 0, total: 1 });
  });
});

describe('clipsOfPage', () => {
  it("finds the page's clips again after a redirect (http→https, www, trailing slash, another query)", async () => {
    const before = clipsOn('http://gov.cn/zhengce/a.htm/?id=1', 2);
    const here = clipsOn(PAGE_A, 2, 10);
    const elsewhere = clipsOn('https://www.gov.cn/zhengce/b.htm', 1);
    await putClips([...before, ...here, ...elsewhere]);
    // Another query is another pageKey: every clip of the page comes by its looseKey.
    expect(ids(await clipsOfPage(`${PAGE_A}?from=rss#p2`)).sort()).toEqual(ids([...before, ...here]).sort());
    expect(ids(await clipsOfPage(PAGE_A))).toEqual(ids([...here, ...before]));
  });
});

describe('listPages', () => {
  it('pages through the page summaries, most recently clipped first', async () => {
    const urls = Array.from({ length: 7 }, (_, i) => `https://www.gov.cn/p${i}.htm`);
    for (const [i, url] of urls.entries()) await putClips(clipsOn(url, i + 1, i * 10));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const screen = await listPages({ limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...screen.pages.map((p) => `${p.url} ${p.clipCount}`));
      cursor = screen.next;
    } while (cursor);
    expect(seen).toEqual(urls.map((url, i) => `${url} ${i + 1}`).reverse());
    expect(await failureOf(listPages({ limit: 3, cursor: 't[1,"x"]' }))).toMatchObject({ code: 'store.invalidQuery' });
  });
});

describe('search texts packed in shards', () => {
  it('finds, updates and forgets clips across several shards', async () => {
    const { SHARD_SIZE } = await import('./search-shards');
    const n = SHARD_SIZE * 2 + 37;
    const clips = Array.from({ length: n }, (_, i) =>
      sampleClip({
        exact: `${i}吨`,
        sentence: `钢产量${i}吨，${i % 100 === 0 ? '创历史新高' : '保持平稳'}`,
        clippedAt: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(),
      }),
    );
    await putClips(clips.slice(0, SHARD_SIZE + 3));
    await putClips(clips.slice(SHARD_SIZE + 3));
    const record = ids(clips.filter((_, i) => i % 100 === 0).reverse());
    expect(ids((await listClips({ search: '历史新高', limit: 50 })).clips)).toEqual(record);
    await deleteClipsOf([clips[0].id, clips[SHARD_SIZE].id]);
    await updateClip(clips[SHARD_SIZE * 2 + 1].id, { note: '创历史新高' });
    const after = await listClips({ search: '历史新高', limit: 50 });
    expect(after.total).toBe(record.length - 2 + 1);
    expect(after.clips[0].id).toBe(clips[SHARD_SIZE * 2 + 1].id);
    expect(ids(after.clips)).not.toContain(clips[0].id);
    // Re-clipping keeps one entry per clip, in its shard.
    await putClips(clips.slice(1, 10));
    expect((await listClips({ search: '钢产量', limit: 2000 })).total).toBe(n - 2);
    // A common word: the first screen reads the newest shard only, so it cannot count them all…
    const firstScreen = await listClips({ search: '钢产量', limit: 10 });
    expect(firstScreen.total).toBeUndefined();
    expect(firstScreen.next).toBeDefined();
    // …and screen after screen still lists every clip once, newest first, across the shards.
    const everyOne = (await screens({ search: '钢产量' }, 300)).flat();
    const alive = clips.filter((c) => c.id !== clips[0].id && c.id !== clips[SHARD_SIZE].id);
    expect(ids(everyOne)).toEqual(ids(alive.reverse()));
  });
});

async function deleteClipsOf(idsToDelete: string[]) {
  const { deleteClips } = await import('./clip-store');
  expect(await deleteClips(idsToDelete)).toHaveLength(idsToDelete.length);
}
