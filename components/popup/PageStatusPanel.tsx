/** The detection verdict for the page and the actions on it: highlight, un-highlight, auto, clip all. */
import { hasMessage, t } from '../../lib/i18n';
import type { PageStatus, Reason } from '../../lib/messages/schemas';
import { Message } from '../shared/Message';

/** A detection reason in words: its catalogue entry (`detect.<code>`); code 'text' carries words the page side gave (until every reason has a code). */
export function reasonText(reason: Reason): string {
  if (reason.code === 'text') return String(reason.params?.text ?? '');
  const key = `detect.${reason.code}`;
  return hasMessage(key) ? t(key, reason.params) : reason.code;
}

export interface PageStatusPanelProps {
  status: PageStatus;
  autoHighlight?: boolean;
  busy: boolean;
  onHighlight: () => void;
  onRemoveHighlights: () => void;
  onAutoHighlight: (on: boolean) => void;
  onClipAll: () => void;
}

export function PageStatusPanel(props: PageStatusPanelProps) {
  const { status, busy } = props;
  const auto = props.autoHighlight ?? status.autoHighlight;
  return (
    <section class="panel page-status" aria-label={t('popup.status.label')}>
      <h2 class="page-title" title={status.url}>
        {status.title || status.url}
      </h2>
      <p class={`verdict ${status.isPolicy ? 'verdict-policy' : 'verdict-other'}`} data-testid="verdict" data-policy={String(status.isPolicy)}>
        {status.isPolicy ? t('popup.status.policy') : t('popup.status.other')}
      </p>
      <ul class="reasons" data-testid="reasons">
        {status.reasons.map((reason, i) => (
          <li key={i} data-code={reason.code}>
            {reasonText(reason)}
          </li>
        ))}
      </ul>
      <p class="counts">
        <Message id="popup.status.highlighted" values={{ count: <strong data-testid="indicator-count">{status.indicatorCount}</strong> }} />
        {status.clippedCount > 0 && <span class="clipped-count">{t('popup.status.clipped', { count: status.clippedCount })}</span>}
      </p>
      <div class="actions">
        {/* Stays offered once highlighted: highlighting again picks up text the page added since. */}
        <button type="button" class={status.highlighted ? '' : 'primary'} data-testid="highlight-page" disabled={busy} onClick={props.onHighlight}>
          {status.highlighted ? t('popup.highlightAgain') : t('popup.highlight')}
        </button>
        {status.highlighted && (
          <button type="button" data-testid="remove-highlights" disabled={busy} onClick={props.onRemoveHighlights}>
            {t('popup.removeHighlights')}
          </button>
        )}
        <button type="button" data-testid="clip-all" disabled={busy} onClick={props.onClipAll}>
          {t('popup.clipAll')}
        </button>
        <label class="auto-highlight">
          <input type="checkbox" data-testid="auto-highlight" checked={auto} onChange={(e) => props.onAutoHighlight(e.currentTarget.checked)} />
          {t('popup.autoHighlight')}
        </label>
      </div>
    </section>
  );
}
