/**
 * How much of the grid to render: the height of its scrolled body, and how many rows to render
 * beyond the view. Both are chosen so the panel's first frame lays out only the rows in view, once.
 *
 * The height is learnt without reading layout. Reading `clientHeight` while the panel first
 * rendered made the browser lay out the whole panel inside script, and the rows rendered for a
 * guessed height were laid out again (bench:panel's trace). Instead the first render guesses low,
 * half the window's height (known without a layout; the body, the window less the panel's
 * header, toolbar and actions, is taller in any panel tall enough to matter), and a
 * ResizeObserver reports the real height with the first frame's own layout, before that frame is
 * painted: the rows it adds are laid out in the same frame, and the first frame shows a full view.
 *
 * The rows beyond the view (overscan) come in idle time after the first frame is painted: not
 * with useEffect, which Preact runs early when the component renders again (as it does on the
 * observer's report), so they would be laid out in the first frame too.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { whenIdle } from './when-idle';

/** Where there is no window height (tests without a layout engine): the height assumed. */
export const FALLBACK_HEIGHT = 480;
/** The overscan waits for idle time after the first frame, but no longer than this. */
const OVERSCAN_WITHIN_MS = 200;

const firstGuess = () => (typeof window !== 'undefined' && window.innerHeight > 0 ? Math.floor(window.innerHeight / 2) : FALLBACK_HEIGHT);

export function useGridViewport(body: RefObject<HTMLElement | null>, overscanRows: number): { height: number; overscan: number } {
  const [height, setHeight] = useState(firstGuess);
  const [overscan, setOverscan] = useState(0);

  useLayoutEffect(() => {
    const el = body.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      // The observer's own numbers: reading the element's size here would be a layout read again.
      const measured = entries[entries.length - 1].contentRect.height;
      if (measured > 0) setHeight(Math.round(measured));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    // Asked for from the next frame's callbacks, so the earliest idle time is after that frame's paint.
    let cancel = () => {};
    const more = () => setOverscan(overscanRows);
    if (typeof requestAnimationFrame === 'undefined') return whenIdle(more, OVERSCAN_WITHIN_MS);
    const frame = requestAnimationFrame(() => {
      cancel = whenIdle(more, OVERSCAN_WITHIN_MS);
    });
    return () => {
      cancelAnimationFrame(frame);
      cancel();
    };
  }, [overscanRows]);

  return { height, overscan };
}
