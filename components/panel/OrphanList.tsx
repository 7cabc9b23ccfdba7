/** Stored clips of this page that could not be found on it now (未找到): their sentence and when they were clipped. */
import { currentLocale, t } from '../../lib/i18n';
import { formatFigure } from '../../lib/model/format';
import type { Clip } from '../../lib/model/clip';
import type { UiPort } from '../port/ui-port';
import { SentenceText } from './SentenceText';
import type { Toast } from '../shared/Toast';

export function formatTime(iso: string, locale = currentLocale()): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

export interface OrphanListProps {
  orphans: Clip[];
  port: UiPort;
  showToast: (toast: Toast) => void;
  /** After a delete or its undo has been answered. */
  onChange: () => void;
}

export function OrphanList({ orphans, port, showToast, onChange }: OrphanListProps) {
  if (orphans.length === 0) return null;
  const remove = async (clip: Clip) => {
    try {
      const deleted = await port.deleteClips([clip.id]);
      onChange();
      showToast({ message: t('panel.toast.deleted', { count: deleted.length }), undo: () => port.putClips(deleted).finally(onChange) });
    } catch {
      showToast({ message: t('panel.toast.failed', { action: t('panel.action.delete') }) });
    }
  };
  return (
    <section class="orphans" aria-labelledby="orphans-title" data-testid="orphans">
      <h3 id="orphans-title">{t('panel.orphans.title', { count: orphans.length })}</h3>
      <ul>
        {orphans.map((clip) => (
          <li key={clip.id} data-testid="orphan" data-clip-id={clip.id}>
            <span class="orphan-badge">{t('panel.orphans.notFound')}</span> <strong>{clip.indicator.label}</strong>{' '}
            {formatFigure(clip.indicator, currentLocale())}
            <span class="zb-muted"> · {t('panel.orphans.clippedAt', { time: formatTime(clip.clippedAt) })}</span>
            <button
              type="button"
              class="link-button"
              data-testid="orphan-delete"
              aria-label={t('panel.action.deleteClip', { figure: `${clip.indicator.label} ${clip.indicator.text}` })}
              onClick={() => void remove(clip)}
            >
              {t('panel.action.delete')}
            </button>
            <SentenceText sentence={clip.sentence} figure={clip.anchor.exact} />
          </li>
        ))}
      </ul>
    </section>
  );
}
