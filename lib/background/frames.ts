/**
 * Which frames of each tab run the content script, as their own messages show (`sender.frameId`
 * and `sender.url`, from the browser): no webNavigation permission is needed. Every
 * content→background message notes its frame. An MV3 service worker that was stopped forgets the
 * list; the next request about the tab then holds a roll call (`frame.rollCall` to every frame,
 * each answers `frame.present`). A frame that no longer answers is dropped when a send to it fails.
 *
 * Whose page a frame is: a frame with an address of its own is its own page (a same-origin frame
 * holding the article of an old CMS keeps its clips under the frame's address, as when it is opened
 * alone). An about:blank or about:srcdoc frame has no address of its own: it is part of the tab's
 * top page, whose clips it shares — provided the browser says it has the top page's origin (a
 * srcdoc frame inside a cross-origin ad does not).
 */
import { browser } from 'wxt/browser';
import { type ContentSender, sendToAllFrames } from '../messages/bus';
import { pageKey } from '../model/page';

export interface FrameEntry {
  /** The frame's address as the browser reported it. */
  url: string;
  origin?: string;
}

/** How long a roll call waits for the frames that did not answer first. */
const ROLL_CALL_SETTLE_MS = 150;
/** How long an about:blank frame waits for its top page to be known (the top's script may start later). */
const TOP_WAIT_MS = 3000;

const tabs = new Map<number, Map<number, FrameEntry>>();
const waiting = new Map<number, Set<() => void>>();

export function isAboutUrl(url: string): boolean {
  return /^about:/i.test(url);
}

function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** Notes a frame from a message it sent. */
export function noteFrame(sender: ContentSender): void {
  let frames = tabs.get(sender.tabId);
  if (!frames) {
    frames = new Map();
    tabs.set(sender.tabId, frames);
  }
  frames.set(sender.frameId, { url: sender.url, ...(sender.origin ? { origin: sender.origin } : {}) });
  if (sender.frameId === 0) {
    for (const wake of waiting.get(sender.tabId) ?? []) wake();
    waiting.delete(sender.tabId);
  }
}

export function forgetFrame(tabId: number, frameId?: number): void {
  if (frameId === undefined || frameId === 0) tabs.delete(tabId);
  else tabs.get(tabId)?.delete(frameId);
}

/** For tests: forget everything, as a restarted service worker does. */
export function forgetAllFrames(): void {
  tabs.clear();
}

/** Asks every frame of the tab to say it is there; resolves once the answers have come in. */
async function rollCall(tabId: number): Promise<void> {
  try {
    await sendToAllFrames(tabId, 'frame.rollCall', {});
  } catch {
    return; // no frame runs the content script (a browser page, a closed tab)
  }
  // The first answer came back; the other frames' frame.present are on their way.
  await new Promise((resolve) => setTimeout(resolve, ROLL_CALL_SETTLE_MS));
}

/** The tab's frames that run the content script (a roll call first when the tab is unknown). */
export async function framesOf(tabId: number): Promise<Map<number, FrameEntry>> {
  if (!tabs.has(tabId)) await rollCall(tabId);
  return tabs.get(tabId) ?? new Map();
}

/** Is this frame part of what the popup and panel show for the tab: the top page and frames of its origin? */
export function sharesTopPage(frame: FrameEntry, top: FrameEntry | undefined): boolean {
  if (!top) return true;
  const topOrigin = originOf(top.url);
  if (isAboutUrl(frame.url)) return frame.origin === undefined || frame.origin === topOrigin;
  return originOf(frame.url) === topOrigin;
}

/** The frames the popup and panel show for a tab: the top frame first, then same-origin and about: frames. */
export async function pageFramesOf(tabId: number): Promise<number[]> {
  const frames = await framesOf(tabId);
  const top = frames.get(0);
  const ids = [...frames].filter(([id, frame]) => id !== 0 && sharesTopPage(frame, top)).map(([id]) => id);
  return [0, ...ids.sort((a, b) => a - b)];
}

async function topFrameOf(tabId: number): Promise<FrameEntry | undefined> {
  const known = tabs.get(tabId)?.get(0);
  if (known) return known;
  await rollCall(tabId);
  const rolled = tabs.get(tabId)?.get(0);
  if (rolled) return rolled;
  // The top page's script has not started yet (a frame loaded first): wait for its first message.
  await new Promise<void>((resolve) => {
    const set = waiting.get(tabId) ?? new Set();
    waiting.set(tabId, set);
    const timer = setTimeout(done, TOP_WAIT_MS);
    function done() {
      clearTimeout(timer);
      set.delete(done);
      resolve();
    }
    set.add(done);
  });
  return tabs.get(tabId)?.get(0);
}

/**
 * The page (its address) whose clips a frame reads and writes: its own address, or for an
 * about:blank / srcdoc frame the top page's, if it has the top page's origin. Undefined: the frame
 * owns no page (it may not clip).
 */
export async function pageOfFrame(sender: ContentSender): Promise<string | undefined> {
  if (!isAboutUrl(sender.url)) return sender.url;
  if (sender.frameId === 0) return undefined;
  const top = await topFrameOf(sender.tabId);
  if (!top || isAboutUrl(top.url) || !sharesTopPage({ url: sender.url, origin: sender.origin }, top)) return undefined;
  return pageKey(top.url);
}

/** Once: a closed tab's frames are forgotten (tabs.onRemoved needs no permission). */
export function listenForClosedTabs(): () => void {
  const removed = (tabId: number) => forgetFrame(tabId);
  browser.tabs.onRemoved.addListener(removed);
  return () => browser.tabs.onRemoved.removeListener(removed);
}
