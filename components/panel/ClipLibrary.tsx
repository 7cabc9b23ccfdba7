/**
 * Every stored clip, grouped by page, searchable (simplified and traditional alike), read a page
 * of results at a time (never the whole store). Each clip can be corrected or deleted (with
 * undo); a page can be cleared (with undo); clearing everything asks first.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { Clip } from '../../lib/model/clip';
import type { PageSummary, UiPort } from '../port/ui-port';
import { DownloadLink } from '../shared/DownloadLink';
import { exportFileName } from '../shared/format';
import { useBlobFile } from '../shared/useBlobFile';
import { type Exporter, exportRowOfClip } from './exporter';
import { LibraryPage } from './LibraryPage';
import { LibraryClip } from './LibraryClip';
import type { Toast } from '../shared/Toast';

export const PAGES_AT_ONCE = 50;
export const CLIPS_AT_ONCE = 50;
const EXPORT_BATCH = 2000;

export interface ClipLibraryProps {
  port: UiPort;
  exporter?: Exporter;
  showToast: (toast: Toast) => void;
}

/** Counts every clip change: lists read again when it moves. */
function useClipsVersion(port: UiPort): number {
  const [version, setVersion] = useState(0);
  useEffect(
    () =>
      port.subscribe((event) => {
        if (event.type === 'clips.changed') setVersion((v) => v + 1);
      }),
    [port],
  );
  return version;
}

export function ClipLibrary({ port, exporter, showToast }: ClipLibraryProps) {
  const version = useClipsVersion(port);
  const [search, setSearch] = useState('');
  const [pages, setPages] = useState<{ list: PageSummary[]; next?: string }>({ list: [] });
  const [pageLimit, setPageLimit] = useState(PAGES_AT_ONCE);
  const [found, setFound] = useState<{ clips: Clip[]; next?: string; total?: number }>({ clips: [] });
  const [foundLimit, setFoundLimit] = useState(CLIPS_AT_ONCE);
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState(false);
  const [file, offer] = useBlobFile();
  const query = useRef(0);
  const words = search.trim();

  useEffect(() => {
    const mine = ++query.current;
    const done = () => mine === query.current;
    (async () => {
      if (!words) {
        const answer = await port.listPages({ limit: pageLimit });
        if (done()) setPages({ list: answer.pages, next: answer.next });
      } else {
        const answer = await port.listClips({ search: words, limit: foundLimit });
        if (done()) setFound({ clips: answer.clips, next: answer.next, total: answer.total });
      }
      if (done()) setFailed(false);
    })().catch(() => done() && setFailed(true));
  }, [port, words, pageLimit, foundLimit, version]);

  const remove = async (clip: Clip) => {
    try {
      const deleted = await port.deleteClips([clip.id]);
      showToast({ message: t('panel.toast.deleted', { count: deleted.length }), undo: () => port.putClips(deleted) });
    } catch {
      showToast({ message: t('panel.toast.failed', { action: t('panel.action.delete') }) });
    }
  };

  const clearAll = async () => {
    setConfirming(false);
    const deleted: Clip[] = [];
    try {
      for (;;) {
        const { pages: some } = await port.listPages({ limit: PAGES_AT_ONCE });
        if (some.length === 0) break;
        for (const page of some) deleted.push(...(await port.clearPage(page.url)));
      }
      showToast({ message: t('panel.toast.cleared', { count: deleted.length }), undo: () => port.putClips(deleted) });
    } catch {
      showToast({ message: t('panel.toast.failed', { action: t('panel.action.clearAll') }), undo: deleted.length ? () => port.putClips(deleted) : undefined });
    }
  };

  /** Reads every clip (or every match) in batches, for a file. */
  const exportAll = async (kind: 'csv' | 'xlsx') => {
    if (!exporter) return;
    try {
      const clips: Clip[] = [];
      let cursor: string | undefined;
      do {
        const answer = await port.listClips({ limit: EXPORT_BATCH, ...(words ? { search: words } : {}), ...(cursor ? { cursor } : {}) });
        clips.push(...answer.clips);
        cursor = answer.next;
      } while (cursor);
      const rows = clips.map(exportRowOfClip);
      const blob = kind === 'csv' ? exporter.csv(rows) : await exporter.xlsx(rows);
      offer(blob, blob.type, exportFileName('clips', kind));
    } catch {
      showToast({ message: t('panel.toast.failed', { action: t('panel.action.export') }) });
    }
  };

  // Search results, grouped by page in the order they came.
  const groups = new Map<string, Clip[]>();
  for (const clip of found.clips) {
    const list = groups.get(clip.url);
    if (list) list.push(clip);
    else groups.set(clip.url, [clip]);
  }

  return (
    <section class="clip-library" aria-label={t('panel.library.label')} data-testid="library">
      <div class="panel-filters">
        <input
          type="search"
          class="panel-search"
          data-testid="library-search"
          value={search}
          placeholder={t('panel.filter.textHint')}
          aria-label={t('panel.library.search')}
          onInput={(e) => setSearch((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <div class="panel-actions">
        {exporter && (
          <>
            <button type="button" data-testid="export-clips-csv" onClick={() => void exportAll('csv')}>
              {t('panel.action.exportCsv')}
            </button>
            <button type="button" data-testid="export-clips-xlsx" onClick={() => void exportAll('xlsx')}>
              {t('panel.action.exportXlsx')}
            </button>
            <DownloadLink file={file} label={t('panel.action.download')} testId="download-link" />
          </>
        )}
        {!words && pages.list.length > 0 && (
          <button type="button" class="danger-outline" data-testid="clear-all" onClick={() => setConfirming(true)}>
            {t('panel.action.clearAll')}
          </button>
        )}
      </div>
      {confirming && (
        <div class="panel-confirm" role="alertdialog" aria-labelledby="confirm-clear-text" data-testid="confirm-clear">
          <p id="confirm-clear-text">{t('panel.library.confirmClearAll')}</p>
          <button type="button" class="danger" data-testid="confirm-clear-yes" onClick={() => void clearAll()}>
            {t('panel.action.clearAll')}
          </button>
          <button type="button" data-testid="confirm-clear-no" onClick={() => setConfirming(false)}>
            {t('panel.action.cancel')}
          </button>
        </div>
      )}
      {failed && (
        <p class="panel-error" role="alert">
          {t('panel.library.failed')}
        </p>
      )}
      {words ? (
        <>
          <p class="zb-muted" data-testid="library-found">
            {t('panel.library.found', { count: found.total ?? found.clips.length })}
          </p>
          {[...groups].map(([url, clips]) => (
            <section class="library-page" key={url} data-testid="library-group" data-url={url}>
              <h2 class="library-page-title">{clips[0].title || url}</h2>
              <ul class="library-clips">
                {clips.map((clip) => (
                  <LibraryClip key={clip.id} clip={clip} port={port} onDelete={(c) => void remove(c)} />
                ))}
              </ul>
            </section>
          ))}
          {found.next && (
            <button type="button" data-testid="library-more" onClick={() => setFoundLimit((n) => n + CLIPS_AT_ONCE)}>
              {t('panel.library.more')}
            </button>
          )}
        </>
      ) : pages.list.length === 0 ? (
        <p class="panel-empty" data-testid="library-empty">
          {t('panel.library.empty')}
        </p>
      ) : (
        <>
          {pages.list.map((page) => (
            <LibraryPage key={page.url} page={page} port={port} version={version} onDelete={(c) => void remove(c)} showToast={showToast} />
          ))}
          {pages.next && (
            <button type="button" data-testid="library-more-pages" onClick={() => setPageLimit((n) => n + PAGES_AT_ONCE)}>
              {t('panel.library.morePages')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
