/**
 * Backup of every clip as JSON, and import of such a file. Import adds clips and skips broken
 * records; it never removes what is stored.
 */
import { t } from '../../lib/i18n';
import { backupFileName, backupToJson } from '../../lib/store/backup';
import type { Clip } from '../../lib/model/clip';
import { DownloadLink } from '../shared/DownloadLink';
import { toUiError, type UiError } from '../shared/ui-error';
import { useBlobFile } from '../shared/useBlobFile';

export interface BackupBarProps {
  allClips: Clip[];
  busy: boolean;
  /** An import under way: how many of its valid clips are stored so far. */
  progress?: { done: number; total: number };
  onImport: (file: File) => void;
  onError: (error: UiError) => void;
}

export function BackupBar({ allClips, busy, progress, onImport, onError }: BackupBarProps) {
  const [file, offer] = useBlobFile();

  const exportBackup = () => {
    try {
      offer(backupToJson(allClips), 'application/json;charset=utf-8', backupFileName());
    } catch (e) {
      onError(toUiError('popup.action.exportBackup', e));
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
        {t('popup.backup.export')}
      </button>
      <label class={`file-button${busy ? ' disabled' : ''}`}>
        {t('popup.backup.import')}
        <input
          type="file"
          class="visually-hidden"
          accept=".json,application/json"
          data-testid="import-backup"
          disabled={busy}
          onChange={(e) => chosen(e.currentTarget)}
        />
      </label>
      <DownloadLink file={file} label={t('popup.backup.download')} testId="backup-link" />
      {busy && progress && (
        <span class="import-progress" role="status" data-testid="import-progress">
          <progress max={Math.max(progress.total, 1)} value={progress.done} />
          {t('backup.progress', progress)}
        </span>
      )}
    </div>
  );
}
