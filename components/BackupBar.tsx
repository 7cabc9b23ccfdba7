/**
 * Backup of every clip as JSON, and import of such a file. Import adds clips and skips broken
 * records; it never removes what is stored.
 */
import { backupFileName, backupToJson } from '../lib/store/backup';
import type { Clip } from '../lib/model/clip';
import { DownloadLink } from './DownloadLink';
import { errorText } from './error-text';
import { useBlobFile } from './useBlobFile';

export interface BackupBarProps {
  allClips: Clip[];
  busy: boolean;
  onImport: (file: File) => void;
  onError: (message: string) => void;
}

export function BackupBar({ allClips, busy, onImport, onError }: BackupBarProps) {
  const [file, offer] = useBlobFile();

  const exportBackup = () => {
    try {
      offer(backupToJson(allClips), 'application/json;charset=utf-8', backupFileName());
    } catch (e) {
      onError(errorText('导出备份', e));
    }
  };

  const chosen = (input: HTMLInputElement) => {
    const picked = input.files?.[0];
    // Cleared so that choosing the same file again still imports it.
    input.value = '';
    if (picked) onImport(picked);
  };

  return (
    <div class="backup-bar">
      <button type="button" data-testid="export-backup" disabled={allClips.length === 0} onClick={exportBackup}>
        导出备份 JSON
      </button>
      <label class={`file-button${busy ? ' disabled' : ''}`}>
        导入备份
        <input
          type="file"
          class="visually-hidden"
          accept=".json,application/json"
          data-testid="import-backup"
          disabled={busy}
          onChange={(e) => chosen(e.currentTarget)}
        />
      </label>
      <DownloadLink file={file} label="下载备份…" testId="backup-link" />
    </div>
  );
}
