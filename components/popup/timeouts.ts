/** How long the popup waits before it says that the other side is silent. */
import { withTimeout } from '../shared/ui-error';

/** The background answers from IndexedDB; long silence means it is not running. */
export const BACKGROUND_TIMEOUT_MS = 10_000;
/** Highlighting or clipping a long report walks the whole page. */
export const PAGE_ACTION_TIMEOUT_MS = 20_000;

export const background = <T>(promise: Promise<T>): Promise<T> => withTimeout(promise, BACKGROUND_TIMEOUT_MS);
export const onPageTab = <T>(promise: Promise<T>): Promise<T> => withTimeout(promise, PAGE_ACTION_TIMEOUT_MS);
