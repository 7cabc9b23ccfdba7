/**
 * The one place that calls the browser's messaging APIs. Senders get typed, zod-checked replies;
 * listeners get typed, zod-checked requests, and every listener checks who sent the message from
 * what the browser says (`sender`), never from the message itself:
 *   - the background takes ui→background messages only from the extension's own pages, and
 *     content→background messages only from a content script in a tab, whose page it then is;
 *   - a content script takes background→content messages only from this extension, not from a tab;
 *   - an extension page takes background→ui pushes only from this extension, not from a tab.
 * Anything else is refused with an error code, never run, never thrown at the other side.
 */
import { browser } from 'wxt/browser';
import type { ErrorInfo } from './schemas';
import { type Direction, type MessageType, type RequestOf, type ResponseOf, specFor } from './protocol';

/** A failed call, as a code for the UI to put into words (`error.<code>`). */
export class MessageError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.detail ? `${info.code}: ${info.detail}` : info.code);
    this.name = 'MessageError';
  }
}

/** The envelope on the wire. `zb` tells our messages from anything else on the runtime channel. */
interface Envelope {
  zb: 1;
  direction: Direction;
  type: string;
  payload: unknown;
}

type Reply = { ok: true; data: unknown } | { ok: false; error: ErrorInfo };

function isEnvelope(message: unknown): message is Envelope {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<Envelope>;
  return m.zb === 1 && typeof m.direction === 'string' && typeof m.type === 'string' && m.type.length <= 64;
}

function firstIssue(error: { issues: readonly { message: string; path: readonly PropertyKey[] }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}

/**
 * The envelope with the payload as given: the receiver checks it (every listener below does), and
 * answers message.unknown to a type it does not know. (Looking the type up here would build the
 * direction's schemas in the content script's first task, for a check the types already make.)
 */
function wrap<D extends Direction, T extends MessageType<D>>(direction: D, type: T, payload: RequestOf<D, T>): Envelope {
  return { zb: 1, direction, type, payload };
}

/** The envelope with the payload checked (and copied) before it leaves: a bad request fails here, with its code. */
function envelope<D extends Direction, T extends MessageType<D>>(direction: D, type: T, payload: RequestOf<D, T>): Envelope {
  const spec = specFor(direction, type);
  if (!spec) throw new MessageError({ code: 'message.unknown', detail: `${direction} ${type}` });
  const message = wrap(direction, type, payload);
  const checked = spec.request.safeParse(payload);
  if (!checked.success) throw new MessageError({ code: 'message.badRequest', detail: `${type}: ${firstIssue(checked.error)}` });
  return { ...message, payload: checked.data };
}

function unwrap<D extends Direction, T extends MessageType<D>>(direction: D, type: T, raw: unknown): ResponseOf<D, T> {
  if (typeof raw !== 'object' || raw === null || typeof (raw as Reply).ok !== 'boolean') {
    throw new MessageError({ code: 'message.noReply', detail: type });
  }
  const reply = raw as Reply;
  if (!reply.ok) {
    const error = reply.error;
    throw new MessageError(typeof error?.code === 'string' ? error : { code: 'message.noReply', detail: type });
  }
  const checked = specFor(direction, type)!.response.safeParse(reply.data);
  if (!checked.success) throw new MessageError({ code: 'message.badReply', detail: `${type}: ${firstIssue(checked.error)}` });
  return checked.data as ResponseOf<D, T>;
}

/** What the browser's own messaging errors mean, as codes. */
function transportError(e: unknown, type: string): MessageError {
  if (e instanceof MessageError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  const code = /Receiving end does not exist|Could not establish connection|No matching message handler|message port closed/i.test(detail)
    ? 'message.noReceiver'
    : /context invalidated/i.test(detail)
      ? 'message.contextInvalidated'
      : 'message.failed';
  return new MessageError({ code, detail: `${type}: ${detail}` });
}

/** From an extension page to the background. */
export async function askBackground<T extends MessageType<'ui->background'>>(
  type: T,
  payload: RequestOf<'ui->background', T>,
): Promise<ResponseOf<'ui->background', T>> {
  const message = envelope('ui->background', type, payload);
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(message);
  } catch (e) {
    throw transportError(e, type);
  }
  return unwrap('ui->background', type, raw);
}

/**
 * From a content script to the background, about its own page. Checked where it arrives, not
 * before: a scan's page.extract batches carry the page's text, and checking them here too copied
 * every batch on the page's own main thread (8.5 MB of garbage on a 7.7 MB page).
 */
export async function tellBackground<T extends MessageType<'content->background'>>(
  type: T,
  payload: RequestOf<'content->background', T>,
): Promise<ResponseOf<'content->background', T>> {
  const message = wrap('content->background', type, payload);
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(message);
  } catch (e) {
    throw transportError(e, type);
  }
  return unwrap('content->background', type, raw);
}

/** From the background to the content script of a tab (its top frame unless a frame is named). */
export async function sendToTab<T extends MessageType<'background->content'>>(
  tabId: number,
  type: T,
  payload: RequestOf<'background->content', T>,
  frameId = 0,
): Promise<ResponseOf<'background->content', T>> {
  const message = envelope('background->content', type, payload);
  let raw: unknown;
  try {
    raw = await browser.tabs.sendMessage(tabId, message, { frameId });
  } catch (e) {
    throw transportError(e, type);
  }
  return unwrap('background->content', type, raw);
}

/**
 * From the background to every frame of a tab that runs the content script. Each frame hears it;
 * the browser hands back the first answer only, so this is for messages whose answer does not
 * matter (a roll call, a change every frame looks at).
 */
export async function sendToAllFrames<T extends MessageType<'background->content'>>(
  tabId: number,
  type: T,
  payload: RequestOf<'background->content', T>,
): Promise<void> {
  const message = envelope('background->content', type, payload);
  try {
    await browser.tabs.sendMessage(tabId, message);
  } catch (e) {
    throw transportError(e, type);
  }
}

/** From the background to every open extension page. Nobody listening is not an error. */
export async function broadcastToUi<T extends MessageType<'background->ui'>>(type: T, payload: RequestOf<'background->ui', T>): Promise<void> {
  try {
    await browser.runtime.sendMessage(envelope('background->ui', type, payload));
  } catch {
    // No extension page is open: nothing to tell.
  }
}

/** This extension's own origin with a trailing slash, e.g. chrome-extension://ID/. */
export function extensionOrigin(): string {
  return browser.runtime.getURL('/');
}

/** What the browser says about a message's sender (the parts we use). */
export interface RawSender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
  /** The frame's origin, where the browser says it (about:blank and srcdoc frames inherit their creator's). */
  origin?: string;
}

/** A content script's sender: its tab, frame and page address, as the browser reports them. */
export interface ContentSender {
  tabId: number;
  frameId: number;
  url: string;
  origin?: string;
}

/** Is the sender one of this extension's own pages (popup, side panel, viewer, background)? */
export function isExtensionPage(sender: RawSender, origin = extensionOrigin(), id = browser.runtime.id): boolean {
  return sender.id === id && typeof sender.url === 'string' && sender.url.startsWith(origin);
}

/** The content script's tab and page, or undefined when the sender is not a content script in a web page. */
export function contentSenderOf(sender: RawSender, origin = extensionOrigin(), id = browser.runtime.id): ContentSender | undefined {
  const tabId = sender.tab?.id;
  const url = sender.url ?? sender.tab?.url;
  if (sender.id !== id || tabId === undefined || tabId < 0 || typeof url !== 'string' || url.startsWith(origin)) return undefined;
  return { tabId, frameId: sender.frameId ?? 0, url, ...(typeof sender.origin === 'string' ? { origin: sender.origin } : {}) };
}

/** Did this message come from the extension itself, not from a tab (the background, to a content script or a page)? */
export function isFromExtension(sender: RawSender, id = browser.runtime.id): boolean {
  return sender.id === id && sender.tab === undefined;
}

type Handler<D extends Direction, S> = {
  [T in MessageType<D>]: (request: RequestOf<D, T>, sender: S) => Promise<ResponseOf<D, T>> | ResponseOf<D, T>;
};
export type UiHandlers = Handler<'ui->background', RawSender>;
export type ContentHandlers = Handler<'content->background', ContentSender>;
export type PageHandlers = Handler<'background->content', RawSender>;
export type UiEventHandlers = { [T in MessageType<'background->ui'>]?: (event: RequestOf<'background->ui', T>) => void };

type Route = { handlers: Record<string, (request: unknown, sender: unknown) => unknown>; sender: (raw: RawSender) => unknown | undefined };

function errorInfoOf(e: unknown): ErrorInfo {
  if (e instanceof MessageError) return e.info;
  if (typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && 'params' in e) {
    const { code, params, detail } = e as ErrorInfo;
    return { code, params, detail };
  }
  return { code: 'internal', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
}

/**
 * Listens for the given directions. Replies go back through sendResponse with `return true`, which
 * both browsers (and WXT's fake browser) honour; a returned Promise is not. A message for another
 * direction is left for its own listener (false), so extension pages do not answer each other's
 * requests to the background.
 */
function listen(routes: Partial<Record<Direction, Route>>): () => void {
  const listener = (message: unknown, rawSender: RawSender, sendResponse: (reply: Reply) => void) => {
    if (!isEnvelope(message)) return false;
    const route = routes[message.direction];
    if (!route) return false;
    const { direction, type, payload } = message;
    const sender = route.sender(rawSender ?? {});
    if (sender === undefined) {
      sendResponse({ ok: false, error: { code: 'message.refused', detail: `${direction} ${type}` } });
      return true;
    }
    const spec = specFor(direction, type);
    const handler = spec && Object.hasOwn(route.handlers, type) ? route.handlers[type] : undefined;
    if (!spec || !handler) {
      sendResponse({ ok: false, error: { code: 'message.unknown', detail: `${direction} ${type}` } });
      return true;
    }
    const request = spec.request.safeParse(payload);
    if (!request.success) {
      sendResponse({ ok: false, error: { code: 'message.badRequest', detail: `${type}: ${firstIssue(request.error)}` } });
      return true;
    }
    Promise.resolve()
      .then(() => handler(request.data, sender))
      .then((data) => {
        const checked = spec.response.safeParse(data);
        sendResponse(
          checked.success
            ? { ok: true, data: checked.data }
            : { ok: false, error: { code: 'message.badReply', detail: `${type}: ${firstIssue(checked.error)}` } },
        );
      })
      .catch((e: unknown) => sendResponse({ ok: false, error: errorInfoOf(e) }));
    return true;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

/** The background: requests from extension pages and from content scripts, each from its own kind of sender only. */
export function listenAsBackground(handlers: { ui: UiHandlers; content: ContentHandlers }): () => void {
  return listen({
    'ui->background': { handlers: handlers.ui as Route['handlers'], sender: (s) => (isExtensionPage(s) ? s : undefined) },
    'content->background': { handlers: handlers.content as Route['handlers'], sender: (s) => contentSenderOf(s) },
  });
}

/** A content script: requests from the background about its page. */
export function listenAsContent(handlers: PageHandlers): () => void {
  return listen({ 'background->content': { handlers: handlers as Route['handlers'], sender: (s) => (isFromExtension(s) ? s : undefined) } });
}

/** An extension page: the background's pushes. Returns the function that stops listening. */
export function listenAsUi(handlers: UiEventHandlers): () => void {
  const listener = (message: unknown, sender: RawSender) => {
    if (!isEnvelope(message) || message.direction !== 'background->ui') return false;
    if (!isFromExtension(sender ?? {})) return false;
    const spec = specFor('background->ui', message.type);
    const handler = (handlers as Record<string, ((event: unknown) => void) | undefined>)[message.type];
    if (!spec || !handler) return false;
    const event = spec.request.safeParse(message.payload);
    if (event.success) handler(event.data);
    return false;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
