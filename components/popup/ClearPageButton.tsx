/**
 * Clears this page's clips after a second click: window.confirm is blocked in some popups, so the
 * button itself asks (popup.clearPage.confirm) and forgets the question after a few seconds.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';

export const CONFIRM_WINDOW_MS = 4000;

export function ClearPageButton({ count, onClear }: { count: number; onClear: () => void }) {
  const [asking, setAsking] = useState(false);

  useEffect(() => {
    if (!asking) return;
    const timer = setTimeout(() => setAsking(false), CONFIRM_WINDOW_MS);
    return () => clearTimeout(timer);
  }, [asking]);

  const click = () => {
    if (asking) {
      setAsking(false);
      onClear();
    } else {
      setAsking(true);
    }
  };

  return (
    <button type="button" class={asking ? 'danger' : ''} data-testid="clear-page" disabled={count === 0} onClick={click}>
      {asking ? t('popup.clearPage.confirm') : t('popup.clearPage')}
    </button>
  );
}
