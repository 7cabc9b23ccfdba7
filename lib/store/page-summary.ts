/**
 * The `pages` store: one summary per page with clips (title, site, how many clips, the last clip's
 * time), kept right in the same transaction as every clip write, so the library grouped by page
 * pages through summaries without reading a single clip.
 */
import { ClipSchema } from '../model/clip';
import type { ClipRecord, PageRecord } from './records';
import type { Tx } from './db';

export type ClipWriteTx = Tx<('clips' | 'search' | 'pages' | 'meta')[], 'readwrite'>;

/** All index keys of one page in the `page` index ([url, pageOrder, id]). */
export function pageRange(url: string): IDBKeyRange {
  return IDBKeyRange.bound([url], [url, []]);
}

/** The pages a write touched, gathered while it runs and applied to `pages` before it commits. */
export class PageChanges {
  /** url → the clip last written to it (its title and site become the page's). */
  private readonly written = new Map<string, ClipRecord>();
  /** url → the newest time key removed from it. */
  private readonly removed = new Map<string, number>();

  wrote(record: ClipRecord): void {
    this.written.set(record.url, record);
  }

  removedRecord(record: { url?: unknown; newestFirst?: unknown }): void {
    if (typeof record.url !== 'string') return;
    const key = typeof record.newestFirst === 'number' ? record.newestFirst : Number.NEGATIVE_INFINITY;
    this.removed.set(record.url, Math.min(key, this.removed.get(record.url) ?? Number.POSITIVE_INFINITY));
  }

  get urls(): string[] {
    return [...new Set([...this.written.keys(), ...this.removed.keys()])];
  }

  async apply(tx: ClipWriteTx): Promise<void> {
    const clips = tx.objectStore('clips').index('page');
    const pages = tx.objectStore('pages');
    for (const url of this.urls) {
      const range = pageRange(url);
      const [count, previous] = await Promise.all([clips.count(range), pages.get(url)]);
      if (count === 0) {
        await pages.delete(url);
        continue;
      }
      const latest = this.written.get(url);
      const removed = this.removed.get(url);
      let summary: PageRecord | undefined;
      if (previous && (removed === undefined || removed > previous.newestFirst)) {
        summary = { ...previous, clipCount: count };
        if (latest && latest.newestFirst <= summary.newestFirst) {
          summary.newestFirst = latest.newestFirst;
          summary.lastClippedAt = latest.clippedAt;
        }
      } else {
        // The page's newest clip went (or there was no summary): find the newest left.
        summary = newestOf(url, await clips.getAll(range), count);
      }
      if (!summary) {
        await pages.delete(url); // only corrupt records left: nothing to list
        continue;
      }
      if (latest) {
        summary.title = latest.title;
        summary.site = latest.site;
      }
      await pages.put(summary);
    }
  }
}

function newestOf(url: string, records: ClipRecord[], count: number): PageRecord | undefined {
  let newest: ClipRecord | undefined;
  for (const record of records) {
    if (newest && record.newestFirst >= newest.newestFirst) continue;
    if (ClipSchema.safeParse(record).success) newest = record;
  }
  if (!newest) return undefined;
  return { url, title: newest.title, site: newest.site, clipCount: count, lastClippedAt: newest.clippedAt, newestFirst: newest.newestFirst };
}
