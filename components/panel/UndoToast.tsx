/**
 * A short notice after an action, with 撤销 where the action can be undone. It stays for at
 * least UNDO_MS (10 s), and longer while the focus is in it; a new notice replaces it.
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

export function UndoToast({ toast, onDismiss, lifetimeMs = UNDO_MS }: { toast: Toast | undefined; onDismiss: () => void; lifetimeMs?: number }) {
  const [held, setHeld] = useState(false);
  const [failed, setFailed] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    setFailed(false);
    if (!toast || held) return;
    timer.current = setTimeout(onDismiss, lifetimeMs);
    return () => clearTimeout(timer.current);
  }, [toast, held, lifetimeMs, onDismiss]);

  return (
    <div class="panel-toast-region" role="status" aria-live="polite">
      {toast && (
        <div class="panel-toast" data-testid="toast" onFocusIn={() => setHeld(true)} onFocusOut={() => setHeld(false)}>
          <span data-testid="toast-message">{failed ? t('panel.toast.undoFailed') : toast.message}</span>
          {toast.undo && (
            <button
              type="button"
              class="link-button"
              data-testid="toast-undo"
              onClick={() => {
                toast.undo!().then(onDismiss, () => setFailed(true));
              }}
            >
              {t('panel.toast.undo')}
            </button>
          )}
          <button type="button" class="link-button" aria-label={t('panel.toast.close')} title={t('panel.toast.close')} onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
