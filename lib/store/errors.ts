/**
 * Failures of the store as codes (the UI renders `t('error.<code>')`), with the numbers the message
 * needs (`params`) and the browser's own wording (`detail`) for a bug report. Shaped like the
 * messages' ErrorInfo, so the bus passes them through as they are. No display text here.
 */
import type * as z from 'zod/mini';
import type { ErrorInfo } from '../messages/schemas';

export type StoreErrorCode =
  | 'store.quota'
  | 'store.readFailed'
  | 'store.writeFailed'
  | 'store.versionNewer'
  | 'store.blocked'
  | 'store.unavailable'
  | 'store.invalidClip'
  | 'store.invalidSettings'
  | 'store.invalidPatch'
  | 'store.invalidQuery'
  | 'store.notFound';

export type ErrorParams = Record<string, string | number>;

/** An error with a code, params and detail (ErrorInfo), for the store and for backups. */
export class CodedError<C extends string = string> extends Error {
  readonly code: C;
  readonly params?: ErrorParams;
  readonly detail?: string;

  constructor(code: C, options: { params?: ErrorParams; detail?: string; cause?: unknown } = {}) {
    super(options.detail ? `${code}: ${options.detail}` : code, { cause: options.cause });
    this.code = code;
    // Always own properties (even undefined): the bus passes on an error that has `code` and `params`.
    this.params = options.params;
    this.detail = options.detail?.slice(0, 2000);
  }

  /** What travels on the bus. */
  info(): ErrorInfo {
    return {
      code: this.code,
      ...(this.params ? { params: this.params } : {}),
      ...(this.detail ? { detail: this.detail } : {}),
    };
  }

  toJSON(): ErrorInfo {
    return this.info();
  }
}

export class StoreError extends CodedError<StoreErrorCode> {
  override name = 'StoreError';
}

function errorName(e: unknown): string {
  return typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
}

export function isNamed(e: unknown, name: string): boolean {
  return errorName(e) === name;
}

export function isQuotaError(e: unknown): boolean {
  const name = errorName(e);
  // NS_ERROR_DOM_QUOTA_REACHED: older Firefox; code 22: the legacy DOMException code for quota.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || (e instanceof DOMException && e.code === 22);
}

/** The browser's wording of a failure: kept as `detail`, never shown as the message. */
export function describeError(e: unknown): string {
  if (e instanceof Error || e instanceof DOMException) return e.message ? `${e.name}: ${e.message}` : e.name;
  return String(e);
}

/** The first few schema issues as one line (a detail, for the bug report). */
export function issuesOf(error: z.core.$ZodError, max = 3): string {
  if (error.issues.length === 0) return 'invalid';
  return error.issues
    .slice(0, max)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
