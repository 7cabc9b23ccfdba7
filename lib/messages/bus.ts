/**
 * The one place that calls the browser's messaging and tab APIs (as Bitwarden routes every browser
 * call through one wrapper). Senders get typed, zod-checked replies; handlers get typed,
 * zod-checked requests. Anything malformed is refused with a readable error, never thrown at the
 * other side.
 */
import { browser } from 'wxt/browser';
import {
  type Direction,
  type Envelope,
  EnvelopeSchema,
  type MessageType,
  type Reply,
  ReplySchema,
  type RequestOf,
  type ResponseOf,
  specFor,
} from './protocol';

export class MessageError extends Error {}

function envelope<D extends Direction, T extends MessageType<D>>(direction: D, type: T, payload: RequestOf<D, T>): Envelope {
  const spec = specFor(direction, type);
  if (!spec) throw new MessageError(`unknown message ${direction} ${type}`);
  const checked = spec.request.safeParse(payload);
  if (!checked.success) throw new MessageError(`bad ${type} request: ${checked.error.issues[0]?.message ?? 'invalid'}`);
  return { zb: 1, direction, type, payload: checked.data };
}

function unwrap<D extends Direction, T extends MessageType<D>>(direction: D, type: T, raw: unknown): ResponseOf<D, T> {
  const reply = ReplySchema.safeParse(raw);
  if (!reply.success) throw new MessageError(`no valid reply to ${type}`);
  if (!reply.data.ok) throw new MessageError(reply.data.error);
  const checked = specFor(direction, type)!.response.safeParse(reply.data.data);
  if (!checked.success) throw new MessageError(`bad ${type} reply: ${checked.error.issues[0]?.message ?? 'invalid'}`);
  return checked.data as ResponseOf<D, T>;
}

/** Send to the background (from the content script or the popup). */
export async function sendToBackground<D extends 'content->background' | 'popup->background', T extends MessageType<D>>(
  direction: D,
  type: T,
  payload: RequestOf<D, T>,
): Promise<ResponseOf<D, T>> {
  const raw = await browser.runtime.sendMessage(envelope(direction, type, payload));
  return unwrap(direction, type, raw);
}

/** Send from the popup to the content script of a tab. */
export async function sendToTab<T extends MessageType<'popup->content'>>(
  tabId: number,
  type: T,
  payload: RequestOf<'popup->content', T>,
): Promise<ResponseOf<'popup->content', T>> {
  const raw = await browser.tabs.sendMessage(tabId, envelope('popup->content', type, payload));
  return unwrap('popup->content', type, raw);
}

/** The active tab of the current window, or undefined (e.g. the popup opened as a tab in tests). */
export async function activeTab(): Promise<{ id: number; url?: string } | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
}

export type Handlers<D extends Direction> = {
  [T in MessageType<D>]: (request: RequestOf<D, T>, sender: { tabId?: number; url?: string }) => Promise<ResponseOf<D, T>> | ResponseOf<D, T>;
};

/**
 * Listen for the messages of the given directions. Replies go back through sendResponse with
 * `return true`, which both browsers (and WXT's fake browser) honour; a returned Promise is not.
 */
export function listen(handlersByDirection: { [D in Direction]?: Handlers<D> }): () => void {
  const listener = (message: unknown, sender: { tab?: { id?: number }; url?: string }, sendResponse: (r: Reply) => void) => {
    const env = EnvelopeSchema.safeParse(message);
    if (!env.success) return false; // not ours
    const { direction, type, payload } = env.data;
    const handlers = handlersByDirection[direction] as Record<string, (req: unknown, s: unknown) => unknown> | undefined;
    if (!handlers) return false; // another context handles this direction
    const spec = specFor(direction, type);
    const handler = spec && Object.prototype.hasOwnProperty.call(handlers, type) ? handlers[type] : undefined;
    if (!spec || !handler) {
      sendResponse({ ok: false, error: `unknown message ${direction} ${type}` });
      return true; // the reply is sent; `true` so WXT's fake browser delivers it as the browsers do
    }
    const request = spec.request.safeParse(payload);
    if (!request.success) {
      sendResponse({ ok: false, error: `bad ${type} request: ${request.error.issues[0]?.message ?? 'invalid'}` });
      return true;
    }
    Promise.resolve()
      .then(() => handler(request.data, { tabId: sender.tab?.id, url: sender.url }))
      .then((data) => {
        const checked = spec.response.safeParse(data);
        sendResponse(checked.success ? { ok: true, data: checked.data } : { ok: false, error: `bad ${type} reply` });
      })
      .catch((e: unknown) => sendResponse({ ok: false, error: e instanceof Error ? e.message : String(e) }));
    return true;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

/** Every open tab, for the popup opened as a full tab, which must pick the page to work on. */
export async function allTabs(): Promise<{ id: number; title?: string; url?: string }[]> {
  const tabs = await browser.tabs.query({});
  return tabs.flatMap((tab) => (tab.id === undefined ? [] : [{ id: tab.id, title: tab.title, url: tab.url }]));
}

/** The tab this extension page runs in: set when popup.html is opened as a tab, undefined in the toolbar popup. */
export async function ownTab(): Promise<{ id: number } | undefined> {
  const tab = await browser.tabs.getCurrent();
  return tab?.id === undefined ? undefined : { id: tab.id };
}

/** This extension's own origin with a trailing slash, e.g. chrome-extension://ID/. */
export function extensionOrigin(): string {
  return browser.runtime.getURL('/');
}
