/** The detection verdict for the page and the actions on it: highlight, un-highlight, auto, clip all. */
import { type MessageKey, t } from '../lib/i18n';
import type { PageStatus, Reason } from '../lib/messages/schemas';

/** A detection reason in words: its catalogue entry (`detect.<code>`), or the words the page side gave. */
export function reasonText(reason: Reason): string {
  if (reason.code === 'text') return String(reason.params?.text ?? '');
  return t(`detect.${reason.code}` as MessageKey, reason.params);
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
    <section class="panel page-status" aria-label="页面识别">
      <h2 class="page-title" title={status.url}>
        {status.title || status.url}
      </h2>
      <p class={`verdict ${status.isPolicy ? 'verdict-policy' : 'verdict-other'}`} data-testid="verdict" data-policy={String(status.isPolicy)}>
        {status.isPolicy ? '政策/讲话页面' : '非政策页面'}
      </p>
      <ul class="reasons" data-testid="reasons">
        {status.reasons.map((reason, i) => (
          <li key={i}>{reasonText(reason)}</li>
        ))}
      </ul>
      <p class="counts">
        已高亮 <strong data-testid="indicator-count">{status.indicatorCount}</strong> 个指标
        {status.clippedCount > 0 && <span class="clipped-count">，已摘录 {status.clippedCount} 个</span>}
      </p>
      <div class="actions">
        {/* Stays offered once highlighted: highlighting again picks up text the page added since. */}
        <button
          type="button"
          class={status.highlighted ? '' : 'primary'}
          data-testid="highlight-page"
          disabled={busy}
          onClick={props.onHighlight}
        >
          {status.highlighted ? '重新高亮' : '高亮本页'}
        </button>
        {status.highlighted && (
          <button type="button" data-testid="remove-highlights" disabled={busy} onClick={props.onRemoveHighlights}>
            取消高亮
          </button>
        )}
        <button type="button" data-testid="clip-all" disabled={busy} onClick={props.onClipAll}>
          全部摘录
        </button>
        <label class="auto-highlight">
          <input
            type="checkbox"
            data-testid="auto-highlight"
            checked={auto}
            onChange={(e) => props.onAutoHighlight(e.currentTarget.checked)}
          />
          本站自动高亮
        </label>
      </div>
    </section>
  );
}
