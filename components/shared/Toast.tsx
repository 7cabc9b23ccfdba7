/**
 * The one toast of the UI (popup and panel): a short notice after an action, with 撤销 where the
 * action can be undone. It stays for `lifetimeMs` (at least UNDO_MS, 10 s, by default; Infinity:
 * until closed or replaced), and longer while the focus is in it; a new notice replaces it. Its
 * live region is always in the page, so screen readers announce each notice.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';

export const UNDO_MS = 10_000;

export interface Toast {
  message: string;
  /** Undoes the action; absent where there is nothing to undo. */
  undo?: () => Promise<unknown>;
}

export function useToast(): { toast: Toast | undefined; show: (toast: Toast) => void; dismiss: () => void } {
  const [toast, setToast] = useState<Toast>();
  const dismiss = useCallback(() => setToast(undefined), []);
  return { toast, show: setToast, dismiss };
}

export interface ToastProps {
  toast: Toast | undefined;
  onDismiss: () => void;
  lifetimeMs?: number;
  /** The notice's test id (its parts: `<testId>-message`, `<testId>-undo`). */
  testId?: string;
}

export function ToastNotice({ toast, onDismiss, lifetimeMs = UNDO_MS, testId = 'toast' }: ToastProps) {
  const [held, setHeld] = useState(false);
  const [failed, setFailed] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    setFailed(false);
    // setTimeout would run an infinite delay at once: such a notice has no timer.
    if (!toast || held || !Number.isFinite(lifetimeMs)) return;
    timer.current = setTimeout(onDismiss, lifetimeMs);
    return () => clearTimeout(timer.current);
  }, [toast, held, lifetimeMs, onDismiss]);

  return (
    <div class="zb-toast-region" role="status" aria-live="polite">
      {toast && (
        <div class="zb-toast" data-testid={testId} onFocusIn={() => setHeld(true)} onFocusOut={() => setHeld(false)}>
          <span data-testid={`${testId}-message`}>{failed ? t('common.undoFailed') : toast.message}</span>
          {toast.undo && (
            <button
              type="button"
              class="link-button"
              data-testid={`${testId}-undo`}
              onClick={() => {
                toast.undo!().then(onDismiss, () => setFailed(true));
              }}
            >
              {t('common.undo')}
            </button>
          )}
          <button type="button" class="link-button" aria-label={t('common.dismiss')} title={t('common.dismiss')} onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
