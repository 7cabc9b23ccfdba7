/** CSV export of this page's clips or of all clips, opened in Excel/WPS (the CSV carries a BOM). */
import { t } from '../../lib/i18n';
import { clipsToCsv } from '../../lib/export/clip-csv';
import { CSV_MIME } from '../../lib/export/csv';
import type { Clip } from '../../lib/model/clip';
import { DownloadLink } from '../shared/DownloadLink';
import { clipExportOptions } from '../shared/export-options';
import { exportFileName } from '../shared/format';
import { toUiError, type UiError } from '../shared/ui-error';
import { useBlobFile } from '../shared/useBlobFile';

export interface ExportBarProps {
  /** Undefined when there is no page to work on. */
  pageClips?: Clip[];
  site?: string;
  allClips: Clip[];
  onError: (error: UiError) => void;
}

export function ExportBar({ pageClips, site, allClips, onError }: ExportBarProps) {
  const [file, offer] = useBlobFile();

  const exportCsv = (clips: Clip[], namePart: string) => {
    try {
      offer(clipsToCsv(clips, clipExportOptions()), CSV_MIME, exportFileName(namePart, 'csv'));
    } catch (e) {
      onError(toUiError('popup.action.exportCsv', e));
    }
  };

  return (
    <div class="export-bar">
      {pageClips && (
        <button type="button" data-testid="export-page" disabled={pageClips.length === 0} onClick={() => exportCsv(pageClips, site ?? 'page')}>
          {t('popup.export.page')}
        </button>
      )}
      <button type="button" data-testid="export-all" disabled={allClips.length === 0} onClick={() => exportCsv(allClips, 'all')}>
        {t('popup.export.all')}
      </button>
      <DownloadLink file={file} label={t('popup.export.download')} testId="download-link" />
    </div>
  );
}
