/** CSV export of this page's clips or of all clips, opened in Excel/WPS (the CSV carries a BOM). */
import { clipsToCsv } from '../lib/export/clip-csv';
import { CSV_MIME } from '../lib/export/csv';
import type { Clip } from '../lib/model/clip';
import { fileSafe, isoDate } from './clip-view';
import { DownloadLink } from './DownloadLink';
import { errorText } from './error-text';
import { useBlobFile } from './useBlobFile';

export interface ExportBarProps {
  /** Undefined when there is no page to work on. */
  pageClips?: Clip[];
  site?: string;
  allClips: Clip[];
  onError: (message: string) => void;
}

export function ExportBar({ pageClips, site, allClips, onError }: ExportBarProps) {
  const [file, offer] = useBlobFile();

  const exportCsv = (clips: Clip[], namePart: string) => {
    try {
      offer(clipsToCsv(clips), CSV_MIME, `zhibiao-${fileSafe(namePart)}-${isoDate(new Date())}.csv`);
    } catch (e) {
      onError(errorText('导出 CSV', e));
    }
  };

  return (
    <div class="export-bar">
      {pageClips && (
        <button type="button" data-testid="export-page" disabled={pageClips.length === 0} onClick={() => exportCsv(pageClips, site ?? 'page')}>
          导出本页 CSV
        </button>
      )}
      <button type="button" data-testid="export-all" disabled={allClips.length === 0} onClick={() => exportCsv(allClips, 'all')}>
        导出全部 CSV
      </button>
      <DownloadLink file={file} label="下载 CSV…" testId="download-link" />
    </div>
  );
}
