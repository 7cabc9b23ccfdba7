/**
 * A backup is sent to the background in parts: Chromium refuses an extension message over 64 MiB
 * (a 100,000-clip backup is about 70 MB of JSON), and one huge message would hold both ends for
 * seconds. Each part is checked and stored on its own; an entry already stored by an earlier part
 * (the same clip twice in the file) is skipped as it would be within one part, so the counts are
 * those of the whole file.
 */
import { IMPORT_PART } from '../../lib/messages/protocol';
import type { ImportResult } from './ui-port';

/** Sends one part; calls back with the part's own progress (valid clips stored of its valid ones). */
export type SendImportPart = (entries: unknown[], onProgress: (done: number, total: number) => void) => Promise<ImportResult>;

/**
 * Imports `entries` a part at a time, in order; progress is in entries of the file (handled of
 * all). A failing part stops the import: the parts before it stay stored, and the error says why.
 */
export async function importInParts(
  entries: readonly unknown[],
  sendPart: SendImportPart,
  onProgress?: (done: number, total: number) => void,
  partSize = IMPORT_PART,
): Promise<ImportResult> {
  const total = entries.length;
  const sum: ImportResult = { added: 0, skipped: 0, rejected: 0 };
  if (total === 0) {
    onProgress?.(0, 0);
    return sum;
  }
  for (let start = 0; start < total; start += partSize) {
    const part = entries.slice(start, start + partSize);
    const result = await sendPart(part, (done, partTotal) => {
      // The background counts valid clips; the reader sees how far through the file the import is.
      const handled = partTotal > 0 ? Math.floor((done / partTotal) * part.length) : part.length;
      onProgress?.(start + handled, total);
    });
    sum.added += result.added;
    sum.skipped += result.skipped;
    sum.rejected += result.rejected;
    onProgress?.(start + part.length, total);
  }
  return sum;
}
