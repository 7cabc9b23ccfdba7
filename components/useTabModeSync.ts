/**
 * Opened as a full tab, the popup stays open while the user clips in other tabs, so it re-reads
 * pages and clips when it gets focus again and every few seconds. The toolbar popup is reopened
 * (and so re-read) each time and needs none of this.
 */
import { useEffect, useRef } from 'preact/hooks';

export const TAB_MODE_POLL_MS = 2500;

export function useTabModeSync(active: boolean, sync: () => Promise<void>): void {
  const latest = useRef(sync);
  latest.current = sync;
  const running = useRef(false);

  useEffect(() => {
    if (!active) return;
    const run = () => {
      if (running.current || document.visibilityState === 'hidden') return;
      running.current = true;
      void latest.current().finally(() => {
        running.current = false;
      });
    };
    const timer = setInterval(run, TAB_MODE_POLL_MS);
    window.addEventListener('focus', run);
    document.addEventListener('visibilitychange', run);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', run);
      document.removeEventListener('visibilitychange', run);
    };
  }, [active]);
}
