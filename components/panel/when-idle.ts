/**
 * Runs work the panel's first frame does not need (rows beyond the view, the search text) when
 * the main thread is idle, but within `withinMs` at the latest. Where the browser has no idle
 * callbacks (tests without them), a timer.
 */
export function whenIdle(work: () => void, withinMs: number): () => void {
  if (typeof requestIdleCallback === 'undefined') {
    const timer = setTimeout(work, 0);
    return () => clearTimeout(timer);
  }
  const id = requestIdleCallback(work, { timeout: withinMs });
  return () => cancelIdleCallback(id);
}
