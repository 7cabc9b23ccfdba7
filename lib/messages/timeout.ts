/**
 * A call that must settle in time: settles as `promise` does, or rejects with `timeoutError()`
 * after `ms` when it has not settled by then. Background and UI each say what a timeout is.
 */
export function rejectAfter<T>(promise: Promise<T>, ms: number, timeoutError: () => unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(timeoutError()), ms);
    promise.then(
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
