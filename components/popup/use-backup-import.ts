/** Importing a backup file: adds its good clips, skips broken records, never removes anything. */
import { useCallback, useState } from 'preact/hooks';
import { parseBackup } from '../../lib/store/backup';
import type { UiPort } from '../port/ui-port';
import { toUiError } from '../shared/ui-error';
import { background } from './timeouts';
import type { Feedback } from './use-feedback';

export function useBackupImport(port: UiPort, feedback: Feedback, afterChange: () => void) {
  const [importing, setImporting] = useState(false);
  const { fail, clear, tell, report } = feedback;

  const importBackup = useCallback(
    async (file: File) => {
      clear();
      setImporting(true);
      let parsed: ReturnType<typeof parseBackup>;
      try {
        parsed = parseBackup(await file.text());
      } catch (e) {
        // The file's name and the promise that nothing changed belong to the one message.
        report({ ...toUiError(undefined, e), frame: { key: 'popup.importRefused', params: { name: file.name } } });
        setImporting(false);
        return;
      }
      try {
        const stored = parsed.clips.length > 0 ? await background(port.putClips(parsed.clips)) : 0;
        tell('popup.notice.imported', { stored, rejected: parsed.rejected.length });
        afterChange();
      } catch (e) {
        fail('popup.action.importBackup', e);
      } finally {
        setImporting(false);
      }
    },
    [port, clear, fail, tell, report, afterChange],
  );

  return { importing, importBackup };
}
