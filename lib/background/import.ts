/**
 * Importing a backup's entries: each is checked on its own (a broken one is counted and left out,
 * never costing the others), the valid ones are stored in chunks with progress (store.importClips),
 * and the answer says what became of every entry.
 */
import { type Clip, ClipSchema } from '../model/clip';
import * as store from '../store';

export interface ImportOutcome {
  /** Clips that were not stored before. */
  added: number;
  /** Valid entries that added nothing: already stored (merged, keeping the user's corrections) or twice in the file. */
  skipped: number;
  /** Entries that are not valid clips. */
  rejected: number;
  /** The pages (pageKeys) the valid entries belong to. */
  pages: string[];
}

export async function importEntries(entries: readonly unknown[], onProgress?: (done: number, total: number) => void): Promise<ImportOutcome> {
  const valid: Clip[] = [];
  let rejected = 0;
  for (const entry of entries) {
    const clip = ClipSchema.safeParse(entry);
    if (clip.success) valid.push(clip.data);
    else rejected++;
  }
  const { added } = valid.length > 0 ? await store.importClips(valid, onProgress) : { added: 0 };
  if (valid.length === 0) onProgress?.(0, 0);
  return { added, skipped: valid.length - added, rejected, pages: [...new Set(valid.map((clip) => clip.url))] };
}
