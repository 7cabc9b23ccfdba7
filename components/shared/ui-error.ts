/**
 * A failure as the UI shows it: the action that failed and one reason from the catalogue
 * (`error.<code>`), with the browser's or library's own wording kept apart as a detail for a bug
 * report. lib/ throws codes (MessageError's `info`, the store's and backups' CodedError); the
 * reason is never taken from an exception's text, so it cannot repeat the action or change language.
 */
import { hasMessage, type MessageKey, type Params, t } from '../../lib/i18n';
import { rejectAfter } from '../../lib/messages/timeout';

export interface UiError {
  /** The action that failed, as a catalogue key (e.g. 'popup.action.deleteClip'); absent when the reason says it all. */
  action?: MessageKey;
  code: string;
  params?: Params;
  /** Not translated: the original wording, shown small under the message. */
  detail?: string;
  /** A sentence the reason goes into as {reason} instead of "{action} failed: {reason}" (e.g. naming the file). */
  frame?: { key: MessageKey; params: Params };
}

interface Coded {
  code: string;
  params?: Params;
  detail?: string;
}

function isCoded(value: unknown): value is Coded {
  return typeof value === 'object' && value !== null && typeof (value as Coded).code === 'string' && /^[a-z]+(\.[A-Za-z]+)*$/.test((value as Coded).code);
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
}

/** What went wrong, as a code: MessageError (its `info`), a coded error or ErrorInfo, else 'internal'. */
export function toUiError(action: MessageKey | undefined, error: unknown): UiError {
  const info: unknown =
    typeof error === 'object' && error !== null && 'info' in error && isCoded((error as { info: unknown }).info) ? (error as { info: unknown }).info : error;
  const base = action ? { action } : {};
  if (isCoded(info)) {
    return { ...base, code: info.code, ...(info.params ? { params: info.params } : {}), ...(info.detail ? { detail: info.detail } : {}) };
  }
  const detail = messageOf(error).trim();
  return { ...base, code: 'internal', ...(detail ? { detail } : {}) };
}

/** The reason in words; a code the catalogue does not know reads as an internal error (its code goes to the detail). */
export function reasonText(error: Pick<UiError, 'code' | 'params'>): string {
  const key = `error.${error.code}`;
  return hasMessage(key) ? t(key, error.params) : t('error.internal');
}

/** The one line the user reads: "删除摘录失败：存储空间已满…". */
export function errorMessage(error: UiError): string {
  const reason = reasonText(error);
  if (error.frame) return t(error.frame.key, { ...error.frame.params, reason });
  return error.action ? t('error.failed', { action: t(error.action), reason }) : reason;
}

/** The secondary line: the original wording, and the code when the catalogue lacks it. */
export function errorDetail(error: UiError): string | undefined {
  const unknownCode = !hasMessage(`error.${error.code}`);
  const parts = [unknownCode ? error.code : undefined, error.detail].filter(Boolean);
  return parts.length ? parts.join(' — ') : undefined;
}

/** A call that does not settle in time, as the code `message.timeout`. */
export class TimeoutError extends Error {
  readonly code = 'message.timeout';
  readonly params: Params;
  constructor(readonly seconds: number) {
    super(`message.timeout: ${seconds} s`);
    this.name = 'TimeoutError';
    this.params = { seconds };
  }
}

/** Rejects when a call does not settle in time, so a silent background shows up as an error. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return rejectAfter(promise, ms, () => new TimeoutError(Math.ceil(ms / 1000)));
}
