/**
 * A failure the user must see until they close it or the next action succeeds: one message in
 * their language, and under it, smaller, the original wording for a bug report.
 */
import { t } from '../../lib/i18n';
import { errorDetail, errorMessage, type UiError } from './ui-error';

export function ErrorBanner({ error, onDismiss }: { error?: UiError; onDismiss: () => void }) {
  if (!error) return null;
  const detail = errorDetail(error);
  return (
    <div class="banner banner-error" role="alert" data-testid="error" data-code={error.code}>
      <div class="banner-body">
        <span class="banner-text">{errorMessage(error)}</span>
        {detail && (
          <small class="banner-detail" data-testid="error-detail">
            {detail}
          </small>
        )}
      </div>
      <button type="button" class="banner-close" aria-label={t('common.dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
