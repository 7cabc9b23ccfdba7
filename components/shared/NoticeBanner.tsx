/** The outcome of an action that worked (e.g. how many clips an import stored). */
import { t } from '../../lib/i18n';

export function NoticeBanner({ message, onDismiss }: { message?: string; onDismiss: () => void }) {
  if (!message) return null;
  return (
    <div class="banner banner-notice" role="status" data-testid="notice">
      <span class="banner-text">{message}</span>
      <button type="button" class="banner-close" aria-label={t('common.dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
