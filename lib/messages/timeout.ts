/**
 * A call that must settle in time: settles as `promise` does, or rejects with `timeoutError()`
 * after `ms` when it has not settled by then. Background and UI each say what a timeout is.
 */
export function rejectAfter<T>(promise: Promise<T>, ms: number, timeoutError: () => unknown): Promise<T> {
  return rejectWhenSilent(() => promise, ms, timeoutError);
}

/**
 * A long call that reports it is alive: `start` gets `alive`, which restarts the clock. Rejects
 * with `timeoutError()` only when `ms` pass without a sign of life (a big import may take longer
 * than any fixed limit, but its progress shows it is working).
 */
export function rejectWhenSilent<T>(start: (alive: () => void) => Promise<T>, ms: number, timeoutError: () => unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const alive = () => {
      clearTimeout(timer);
      timer = setTimeout(() => reject(timeoutError()), ms);
    };
    alive();
    start(alive).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
