/** One page of the library: its title and count; its clips read when opened, a batch at a time; cleared with undo. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { Clip } from '../../lib/model/clip';
import type { PageSummary, UiPort } from '../port/ui-port';
import { LibraryClip } from './LibraryClip';
import type { Toast } from '../shared/Toast';

const CLIPS_AT_ONCE = 50;

export interface LibraryPageProps {
  page: PageSummary;
  port: UiPort;
  /** Moves when clips change: an open page reads its clips again. */
  version: number;
  onDelete: (clip: Clip) => void;
  showToast: (toast: Toast) => void;
}

export function LibraryPage({ page, port, version, onDelete, showToast }: LibraryPageProps) {
  const [open, setOpen] = useState(false);
  const [limit, setLimit] = useState(CLIPS_AT_ONCE);
  const [clips, setClips] = useState<{ list: Clip[]; next?: string }>({ list: [] });

  useEffect(() => {
    if (!open) return;
    let live = true;
    port.listClips({ page: page.url, limit }).then(
      (answer) => live && setClips({ list: answer.clips, next: answer.next }),
      () => live && setClips({ list: [] }),
    );
    return () => {
      live = false;
    };
  }, [open, limit, version, page.url, port]);

  const clear = async () => {
    try {
      const deleted = await port.clearPage(page.url);
      showToast({ message: t('panel.toast.cleared', { count: deleted.length }), undo: () => port.putClips(deleted) });
    } catch {
      showToast({ message: t('panel.toast.failed', { action: t('panel.action.clearPage') }) });
    }
  };

  const listId = `lib-page-${encodeURIComponent(page.url)}`;
  return (
    <section class="library-page" data-testid="library-group" data-url={page.url}>
      <h2 class="library-page-title">
        <button type="button" class="link-button" aria-expanded={open} aria-controls={listId} data-testid="library-page-toggle" onClick={() => setOpen(!open)}>
          {page.title || page.url}
        </button>
        <span class="zb-muted"> {t('panel.library.pageCount', { count: page.clipCount })}</span>
        <button
          type="button"
          class="link-button"
          data-testid="library-clear-page"
          aria-label={t('panel.action.clearPageOf', { page: page.title || page.url })}
          onClick={() => void clear()}
        >
          {t('panel.action.clearPage')}
        </button>
      </h2>
      <div id={listId}>
        {open && (
          <ul class="library-clips">
            {clips.list.map((clip) => (
              <LibraryClip key={clip.id} clip={clip} port={port} onDelete={onDelete} />
            ))}
          </ul>
        )}
        {open && clips.next && (
          <button type="button" data-testid="library-page-more" onClick={() => setLimit((n) => n + CLIPS_AT_ONCE)}>
            {t('panel.library.more')}
          </button>
        )}
      </div>
    </section>
  );
}
