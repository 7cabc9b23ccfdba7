/**
 * What is stored for a clip beside the clip itself: the keys the indexes read (newest first, page
 * order, the page across redirects), a compact search text (packed in shards: search-shards.ts),
 * and the per-page summary the library pages through.
 */
import type { Clip } from '../model/clip';
import { looseKey } from '../model/page';
import type { PageSummary } from '../messages/schemas';
import { matchingView } from '../extract/normalize';

/** A clip as stored in `clips`: the clip and the keys its indexes read. Reads strip the extra keys. */
export type ClipRecord = Clip & {
  /** −(ms of clippedAt): ascending order is newest first, so a page is one getAll. */
  newestFirst: number;
  /** Order in the page: PDF page, then position in the text. */
  pageOrder: number;
  /** looseKey of the url: the same page after a redirect. */
  loose: string;
  /** The `search` shard that holds this clip's search text (see search-shards.ts). */
  searchShard?: number;
};

/** A page with clips, in `pages`. */
export type PageRecord = PageSummary & { newestFirst: number };

const FIELD_GAP = '\u0001';

function timeOf(iso: unknown): number {
  const ms = typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(ms) ? ms : 0;
}

/** Ascending order of this key is newest first; a record without a valid time sorts last. */
export function newestFirstKey(clippedAt: unknown): number {
  // `0 - ms`, not `-ms`: -0 is a distinct IndexedDB key only in some engines' eyes.
  return 0 - timeOf(clippedAt);
}

export function pageOrderOf(anchor: { position?: unknown; pdfPage?: unknown } | undefined): number {
  const position = typeof anchor?.position === 'number' ? anchor.position : 0;
  const pdfPage = typeof anchor?.pdfPage === 'number' ? anchor.pdfPage : 0;
  return pdfPage * 2 ** 32 + position;
}

export function toRecord(clip: Clip, searchShard?: number): ClipRecord {
  return {
    ...clip,
    newestFirst: newestFirstKey(clip.clippedAt),
    pageOrder: pageOrderOf(clip.anchor),
    loose: looseKey(clip.url),
    ...(searchShard !== undefined ? { searchShard } : {}),
  };
}

/**
 * The keys of a record that may not be a valid clip (a v1 record being migrated, a corrupt one), so
 * that it is still listed — and then skipped and counted — instead of vanishing from the indexes.
 */
export function recordKeysOf(record: Record<string, unknown>): Pick<ClipRecord, 'newestFirst' | 'pageOrder' | 'loose'> & { url: string } {
  const url = typeof record.url === 'string' ? record.url : '';
  return {
    url,
    newestFirst: newestFirstKey(record.clippedAt),
    pageOrder: pageOrderOf(record.anchor as never),
    loose: looseKey(url),
  };
}

/** The form both a clip's fields and a query's words are compared in. */
export function searchForm(text: string): string {
  return matchingView(text).toLowerCase();
}

/** The words of a query, each in search form; empty when the query has none. */
export function searchWords(query: string | undefined): string[] {
  if (!query) return [];
  // Control characters separate fields and entries in the stored texts: never part of a word.
  return [
    ...new Set(
      searchForm(query)
        .replace(/[\u0000-\u001f]/g, ' ')
        .split(/\s+/)
        .filter(Boolean),
    ),
  ];
}

/**
 * The compact search text of a clip: the matching view (simplified, half-width, lower case) of every
 * searchable field, '\u0001' between them; a field already contained in the text is left out.
 */
export function searchTextOf(clip: Partial<Clip>): string {
  const indicator = clip.indicator;
  const fields = [
    clip.sentence,
    indicator?.label,
    indicator?.text,
    indicator?.unit,
    clip.title,
    clip.section,
    clip.note,
    ...(Array.isArray(clip.tags) ? clip.tags : []),
  ];
  let text = '';
  for (const field of fields) {
    if (typeof field !== 'string' || field === '') continue;
    const form = searchForm(field);
    if (!text.includes(form)) text = text ? `${text}${FIELD_GAP}${form}` : form;
  }
  return text;
}

export function matchesAll(text: string, words: readonly string[]): boolean {
  for (const word of words) if (!text.includes(word)) return false;
  return true;
}
