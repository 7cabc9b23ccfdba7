/**
 * Reading clips, a screen at a time: every list pages through an index (newest first, a page's
 * clips in page order, page summaries newest first) and reads `limit` + 1 records, never the whole
 * store. A search scans the packed search texts (search-shards.ts), then reads the clips of one
 * screen. Everything read is checked with the schema; a record that fails is skipped and counted.
 */
import type { Clip } from '../model/clip';
import { looseKey, pageKey } from '../model/page';
import { type ClipPage, type ClipQuery, ClipQuerySchema, type PageSummary, PageSummarySchema } from '../messages/schemas';
import { clipOf } from './clip-store';
import { read } from './db';
import { StoreError, issuesOf } from './errors';
import { pageRange } from './page-summary';
import { type ClipRecord, matchesAll, searchTextOf, searchWords } from './records';
import { CLIP_COUNT_KEY } from './schema';
import { scanShards } from './search-shards';

/** A screen of clips, and how many stored records on it failed the schema and were left out. */
export type ClipList = ClipPage & { skipped: number };

type Position = [number, string];

function encodeCursor(kind: string, position: Position): string {
  return `${kind}${JSON.stringify(position)}`;
}

function decodeCursor(kind: string, cursor: string | undefined): Position | undefined {
  if (cursor === undefined) return undefined;
  try {
    if (!cursor.startsWith(kind)) throw new Error('cursor of another list');
    const position: unknown = JSON.parse(cursor.slice(kind.length));
    if (Array.isArray(position) && position.length === 2 && typeof position[0] === 'number' && typeof position[1] === 'string') {
      return position as Position;
    }
    throw new Error('not a position');
  } catch (e) {
    throw new StoreError('store.invalidQuery', { params: { field: 'cursor' }, detail: String(e) });
  }
}

function warnSkipped(skipped: number): void {
  if (skipped > 0) console.warn(`zhibiao: skipped ${skipped} corrupt clip record(s) in IndexedDB`);
}

/** The valid clips of `records`, and how many were not. */
export function validClips(records: readonly unknown[]): { clips: Clip[]; skipped: number } {
  const clips: Clip[] = [];
  for (const record of records) {
    const clip = clipOf(record);
    if (clip) clips.push(clip);
  }
  const skipped = records.length - clips.length;
  warnSkipped(skipped);
  return { clips, skipped };
}

/** One screen of `records` read `limit` + 1 at a time: the clips, and where the next screen starts. */
function screen(records: readonly ClipRecord[], limit: number, kind: string, position: (r: ClipRecord) => Position): ClipList {
  const shown = records.slice(0, limit);
  const { clips, skipped } = validClips(shown);
  const next = records.length > limit ? encodeCursor(kind, position(shown[shown.length - 1])) : undefined;
  return { clips, skipped, ...(next ? { next } : {}) };
}

const byTime = (r: ClipRecord): Position => [r.newestFirst, r.id];
const byPageOrder = (r: ClipRecord): Position => [r.pageOrder, r.id];

async function listPage(key: string, words: string[], limit: number, cursor: string | undefined): Promise<ClipList> {
  const after = decodeCursor('p', cursor);
  const range = after ? IDBKeyRange.bound([key, ...after], [key, []], true) : pageRange(key);
  return read(['clips'], async (tx) => {
    const index = tx.objectStore('clips').index('page');
    if (words.length === 0) {
      const [records, total] = await Promise.all([index.getAll(range, limit + 1), after ? undefined : index.count(range)]);
      return { ...screen(records, limit, 'p', byPageOrder), ...(total !== undefined ? { total } : {}) };
    }
    // A page holds hundreds of clips, not thousands: its search reads them all.
    const matching = (await index.getAll(range)).filter((record) => matchesAll(searchTextOf(record), words));
    return { ...screen(matching, limit, 'p', byPageOrder), ...(after ? {} : { total: matching.length }) };
  });
}

async function listNewest(limit: number, cursor: string | undefined): Promise<ClipList> {
  const after = decodeCursor('t', cursor);
  const range = after ? IDBKeyRange.lowerBound(after, true) : undefined;
  return read(['clips', 'meta'], async (tx) => {
    const store = tx.objectStore('clips');
    // The total is kept by every write (meta.clipCount): counting 100,000 records takes the browser ~0.5 s.
    const total = async () => {
      const kept = await tx.objectStore('meta').get(CLIP_COUNT_KEY);
      return typeof kept === 'number' ? kept : store.count();
    };
    const [records, count] = await Promise.all([store.index('newest').getAll(range, limit + 1), after ? undefined : total()]);
    return { ...screen(records, limit, 't', byTime), ...(count !== undefined ? { total: count } : {}) };
  });
}

async function searchAll(words: string[], limit: number, cursor: string | undefined): Promise<ClipList> {
  const after = decodeCursor('s', cursor);
  return read(['search', 'clips', 'meta'], async (tx) => {
    const scan = await scanShards(tx, words, limit + 1, after ? { newestFirst: after[0], id: after[1] } : undefined);
    const shown = scan.hits.slice(0, limit);
    const store = tx.objectStore('clips');
    const records = await Promise.all(shown.map(async (hit) => store.get(hit.id)));
    const { clips, skipped } = validClips(records.filter((record) => record !== undefined));
    const last = shown[shown.length - 1];
    return {
      clips,
      skipped,
      ...(scan.hits.length > limit ? { next: encodeCursor('s', [last.newestFirst, last.id]) } : {}),
      // Counted where the scan read every shard that may hold a hit; not when the screen was full early.
      ...(scan.total !== undefined && !after ? { total: scan.total } : {}),
    };
  });
}

/**
 * A screen of clips: every clip newest first, or one page's (`query.page`, its pageKey) in page
 * order; with `search`, those where every word occurs in the label, figure, unit, sentence, page
 * title, section, note or tags (simplified and traditional alike). `next` continues the list.
 */
export async function listClips(input: ClipQuery): Promise<ClipList> {
  const parsed = ClipQuerySchema.safeParse(input);
  if (!parsed.success) throw new StoreError('store.invalidQuery', { detail: issuesOf(parsed.error) });
  const query = parsed.data;
  const words = searchWords(query.search);
  if (query.page !== undefined) return listPage(pageKey(query.page), words, query.limit, query.cursor);
  if (words.length) return searchAll(words, query.limit, query.cursor);
  return listNewest(query.limit, query.cursor);
}

/**
 * Every clip a query matches, `batchSize` at a time (each batch its own read), for streaming an
 * export without holding the store in memory. Returns how many corrupt records were skipped.
 */
export async function* iterateClips(query: Omit<ClipQuery, 'limit' | 'cursor'>, batchSize = 1000): AsyncGenerator<Clip[], { skipped: number }> {
  let skipped = 0;
  let cursor: string | undefined;
  do {
    const screenful = await listClips({ ...query, limit: batchSize, ...(cursor ? { cursor } : {}) });
    skipped += screenful.skipped;
    cursor = screenful.next;
    if (screenful.clips.length) yield screenful.clips;
  } while (cursor);
  return { skipped };
}

/**
 * The clips a content script places on its page: those stored under its pageKey, in page order,
 * then those of the same page reached another way (looseKey: redirect, http→https, trailing slash,
 * another query), whose quotes then decide whether they belong.
 */
export async function clipsOfPage(url: string): Promise<Clip[]> {
  const key = pageKey(url);
  const records = await read(['clips'], async (tx) => {
    const store = tx.objectStore('clips');
    const [exact, loose] = await Promise.all([store.index('page').getAll(pageRange(key)), store.index('loose').getAll(looseKey(url))]);
    const ids = new Set(exact.map((record) => record.id));
    return [...exact, ...loose.filter((record) => !ids.has(record.id)).sort((a, b) => a.pageOrder - b.pageOrder)];
  });
  return validClips(records).clips;
}

/** Pages with clips, the most recently clipped first, `limit` at a time. */
export async function listPages(query: { cursor?: string; limit: number }): Promise<{ pages: PageSummary[]; next?: string }> {
  const after = decodeCursor('g', query.cursor);
  const limit = Math.max(1, Math.min(2000, Math.floor(query.limit)));
  const records = await read(['pages'], (tx) =>
    tx
      .objectStore('pages')
      .index('newest')
      .getAll(after ? IDBKeyRange.lowerBound(after, true) : undefined, limit + 1),
  );
  const shown = records.slice(0, limit);
  const pages = shown.flatMap((record) => {
    const summary = PageSummarySchema.safeParse(record);
    return summary.success ? [summary.data] : [];
  });
  const last = shown[shown.length - 1];
  return { pages, ...(records.length > limit ? { next: encodeCursor('g', [last.newestFirst, last.url]) } : {}) };
}
