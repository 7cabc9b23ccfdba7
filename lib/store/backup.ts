/**
 * A JSON backup of every clip, for moving clips between browsers or keeping them safe. Reading a
 * backup checks each clip on its own: a damaged entry is rejected with its reason and the good ones
 * are kept, so one bad line never costs the user the whole file.
 */
import type * as z from 'zod/mini';
import { type Clip, ClipSchema } from '../model/clip';

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
  reason: string;
}

export interface ParsedBackup {
  clips: Clip[];
  rejected: RejectedEntry[];
}

/** The file is not a backup this extension can read; the message can be shown as it is. */
export class BackupError extends Error {
  override name = 'BackupError';
}

export function makeBackup(clips: Clip[], now: Date = new Date()): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), clips };
}

export function backupToJson(clips: Clip[], now: Date = new Date()): string {
  return `${JSON.stringify(makeBackup(clips, now), null, 2)}\n`;
}

/** e.g. zhibiao-clips-2024-03-05.json */
export function backupFileName(now: Date = new Date()): string {
  return `${BACKUP_FORMAT}-${now.toISOString().slice(0, 10)}.json`;
}

function reasonOf(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * Read a backup file's text. Throws BackupError when the file is not JSON or not a Zhibiao clip
 * backup; otherwise returns the valid clips and, one by one, the entries that were rejected.
 */
export function parseBackup(text: string): ParsedBackup {
  let data: unknown;
  try {
    // Editors on Windows may save with a BOM.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new BackupError('这不是 JSON 文件，无法导入 (this file is not JSON: nothing was imported)');
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupError('这不是指标的摘录备份文件 (this is not a Zhibiao clip backup: nothing was imported)');
  }
  const { version, clips } = data as { version?: unknown; clips?: unknown };
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new BackupError(
      `备份来自更新版本的扩展（格式版本 ${version}），请先更新扩展 (backup format version ${version} is newer than this extension: update it first)`,
    );
  }
  if (version !== BACKUP_VERSION) {
    throw new BackupError('备份的格式版本无效 (the backup has no valid format version: nothing was imported)');
  }
  if (!Array.isArray(clips)) {
    throw new BackupError('备份中没有摘录列表 (the backup has no list of clips: nothing was imported)');
  }
  const parsed: ParsedBackup = { clips: [], rejected: [] };
  clips.forEach((entry: unknown, index) => {
    const clip = ClipSchema.safeParse(entry);
    if (clip.success) parsed.clips.push(clip.data);
    else parsed.rejected.push({ index, reason: reasonOf(clip.error) });
  });
  return parsed;
}
