/**
 * Importing a backup file: the popup reads the file (a file that is no backup is refused here,
 * nothing sent); the background checks every entry, adds the good clips in chunks, pushes its
 * progress, and answers how many were added, skipped as already stored and rejected as invalid.
 * It never removes anything.
 */
import { useCallback, useState } from 'preact/hooks';
import { rejectWhenSilent } from '../../lib/messages/timeout';
import { backupEntries } from '../../lib/store/backup';
import type { UiPort } from '../port/ui-port';
import { TimeoutError, toUiError } from '../shared/ui-error';
import { BACKGROUND_TIMEOUT_MS } from './timeouts';
import type { Feedback } from './use-feedback';

export interface ImportProgress {
  done: number;
  total: number;
}

/** Runs a long call that reports progress; rejects with a timeout only when it falls silent for `ms`. */
export function whileProgressing<T>(start: (alive: () => void) => Promise<T>, ms: number): Promise<T> {
  return rejectWhenSilent(start, ms, () => new TimeoutError(Math.ceil(ms / 1000)));
}

export function useBackupImport(port: UiPort, feedback: Feedback, afterChange: () => void) {
  const [importing, setImporting] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | undefined>(undefined);
  const { fail, clear, tell, report } = feedback;

  const importBackup = useCallback(
    async (file: File) => {
      clear();
      setImporting(true);
      setProgress(undefined);
      let entries: unknown[];
      try {
        entries = backupEntries(await file.text());
      } catch (e) {
        // The file's name and the promise that nothing changed belong to the one message.
        report({ ...toUiError(undefined, e), frame: { key: 'popup.importRefused', params: { name: file.name } } });
        setImporting(false);
        return;
      }
      try {
        const result = await whileProgressing(
          (alive) =>
            port.importClips(entries, (done, total) => {
              alive();
              setProgress({ done, total });
            }),
          BACKGROUND_TIMEOUT_MS,
        );
        tell('backup.imported', result);
        afterChange();
      } catch (e) {
        fail('popup.action.importBackup', e);
      } finally {
        setImporting(false);
        setProgress(undefined);
      }
    },
    [port, clear, fail, tell, report, afterChange],
  );

  return { importing, progress, importBackup };
}
