/**
 * A JSON backup of every clip, for moving clips between browsers or keeping them safe. Reading a
 * backup checks each clip on its own: a damaged entry is rejected with its reason and the good ones
 * are kept, so one bad line never costs the user the whole file. Writing streams: the backup of
 * 100,000 clips is produced a batch at a time (from iterateClips), never as one string in memory.
 */
import { type Clip, ClipSchema } from '../model/clip';
import { CodedError, issuesOf } from './errors';

export const BACKUP_FORMAT = 'zhibiao-clips';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  clips: Clip[];
}

export interface RejectedEntry {
  /** Position of the entry in the backup's clips list, from 0. */
  index: number;
  /** The schema's issues with it (a detail for the reader; the UI says how many were rejected). */
  reason: string;
}

export interface ParsedBackup {
  clips: Clip[];
  rejected: RejectedEntry[];
}

export type BackupErrorCode = 'backup.notJson' | 'backup.notBackup' | 'backup.newerVersion' | 'backup.noVersion' | 'backup.noClips';

/** The file is not a backup this extension can read: nothing was imported. */
export class BackupError extends CodedError<BackupErrorCode> {
  override name = 'BackupError';
}

export function makeBackup(clips: Clip[], now: Date = new Date()): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), clips };
}

export function backupToJson(clips: Clip[], now: Date = new Date()): string {
  return `${JSON.stringify(makeBackup(clips, now), null, 2)}\n`;
}

/**
 * The backup's text in pieces, one per batch of clips (e.g. `backupChunks(iterateClips({}))`):
 * the same JSON document backupToJson writes, one clip a line.
 */
export async function* backupChunks(batches: AsyncIterable<readonly Clip[]>, now: Date = new Date()): AsyncGenerator<string> {
  const head = JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString() });
  yield `${head.slice(0, -1)},"clips":[`;
  let first = true;
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    const lines = batch.map((clip) => JSON.stringify(clip)).join(',\n');
    yield `${first ? '\n' : ',\n'}${lines}`;
    first = false;
  }
  yield '\n]}\n';
}

/** e.g. zhibiao-clips-2024-03-05.json */
export function backupFileName(now: Date = new Date()): string {
  return `${BACKUP_FORMAT}-${now.toISOString().slice(0, 10)}.json`;
}

/**
 * The entries of a backup file, unchecked (the background checks each one as it imports). Throws
 * BackupError when the file is not JSON or not a Zhibiao clip backup.
 */
export function backupEntries(text: string): unknown[] {
  let data: unknown;
  try {
    // Editors on Windows may save with a BOM.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new BackupError('backup.notJson', { detail: String(e), cause: e });
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupError('backup.notBackup');
  }
  const { version, clips } = data as { version?: unknown; clips?: unknown };
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new BackupError('backup.newerVersion', { params: { version } });
  }
  if (version !== BACKUP_VERSION) throw new BackupError('backup.noVersion');
  if (!Array.isArray(clips)) throw new BackupError('backup.noClips');
  return clips;
}

/**
 * Read a backup file's text. Throws BackupError when the file is not JSON or not a Zhibiao clip
 * backup; otherwise returns the valid clips and, one by one, the entries that were rejected.
 */
export function parseBackup(text: string): ParsedBackup {
  const parsed: ParsedBackup = { clips: [], rejected: [] };
  backupEntries(text).forEach((entry: unknown, index) => {
    const clip = ClipSchema.safeParse(entry);
    if (clip.success) parsed.clips.push(clip.data);
    else parsed.rejected.push({ index, reason: issuesOf(clip.error) });
  });
  return parsed;
}
