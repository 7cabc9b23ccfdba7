/** What the popup tells the user after an action: one error (a code, see ui-error.ts) or one notice. */
import { useCallback, useState } from 'preact/hooks';
import type { MessageKey, Params } from '../../lib/i18n';
import { toUiError, type UiError } from '../shared/ui-error';

/** Kept as a key, not as words, so it follows a change of language. */
export interface Notice {
  key: MessageKey;
  params?: Params;
}

export interface Feedback {
  error?: UiError;
  notice?: Notice;
  /** Shows why `action` failed. */
  fail: (action: MessageKey, error: unknown) => void;
  report: (error: UiError) => void;
  /** A new action starts: the last outcome goes away. */
  clear: () => void;
  tell: (key: MessageKey, params?: Params) => void;
  dismissError: () => void;
  dismissNotice: () => void;
}

export function useFeedback(): Feedback {
  const [error, setError] = useState<UiError | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | undefined>(undefined);
  const fail = useCallback((action: MessageKey, e: unknown) => setError(toUiError(action, e)), []);
  const report = useCallback((e: UiError) => setError(e), []);
  const clear = useCallback(() => {
    setError(undefined);
    setNotice(undefined);
  }, []);
  const tell = useCallback((key: MessageKey, params?: Params) => setNotice({ key, params }), []);
  const dismissError = useCallback(() => setError(undefined), []);
  const dismissNotice = useCallback(() => setNotice(undefined), []);
  return { error, notice, fail, report, clear, tell, dismissError, dismissNotice };
}
