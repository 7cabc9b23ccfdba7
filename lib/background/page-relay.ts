/**
 * The UI's requests about a tab, relayed to each frame of its page that runs the content script
 * (frames.ts: the top frame, frames of its origin, its about:blank and srcdoc frames) and the
 * answers merged, so the popup and the side panel see one page. Each frame answers for itself
 * (`tabs.sendMessage` with its frameId), so answers never collide. A figure of a frame carries its
 * frameId and a key `<frameId>:<key>`, by which a row's focus or clip goes back to that frame.
 */
import type { PageCommand } from '../messages/protocol';
import { MessageError, sendToTab } from '../messages/bus';
import type { FigureRow, PageStatus } from '../messages/schemas';
import type { Clip } from '../model/clip';
import { pageKey } from '../model/page';
import { rejectAfter } from '../messages/timeout';
import { forgetFrame, framesOf, pageFramesOf } from './frames';

/** A frame that does not answer a status in this time is left out (the top frame is waited for). */
const FRAME_STATUS_TIMEOUT_MS = 3000;

/** Rejects with the bus's own timeout code when a tab's frame does not answer in time. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return rejectAfter(promise, ms, () => ({ code: 'message.timeout' }));
}

function gone(e: unknown): boolean {
  return e instanceof MessageError && e.info.code === 'message.noReceiver';
}

/**
 * Asks every frame of the tab's page. A frame that is gone is forgotten; the answer fails only
 * when the top frame fails and no frame answered (no content script: as before frames).
 */
async function askFrames<T>(tabId: number, ask: (frameId: number) => Promise<T>, subframeTimeout?: number): Promise<{ frameId: number; value: T }[]> {
  const ids = await pageFramesOf(tabId);
  const settled = await Promise.allSettled(
    ids.map((frameId) => (frameId !== 0 && subframeTimeout ? withTimeout(ask(frameId), subframeTimeout) : ask(frameId))),
  );
  const answers: { frameId: number; value: T }[] = [];
  let topError: unknown;
  settled.forEach((result, i) => {
    if (result.status === 'fulfilled') answers.push({ frameId: ids[i], value: result.value });
    else {
      if (gone(result.reason)) forgetFrame(tabId, ids[i]);
      if (ids[i] === 0) topError = result.reason;
    }
  });
  if (answers.length === 0) throw topError ?? new MessageError({ code: 'message.noReceiver', detail: `tab ${tabId}` });
  return answers;
}

/** The page a frame's clips are kept under, for telling frames that share one set of clips. */
async function clipPagesOf(tabId: number): Promise<Map<number, string>> {
  const frames = await framesOf(tabId);
  const top = frames.get(0);
  return new Map([...frames].map(([id, frame]) => [id, /^about:/i.test(frame.url) && top ? pageKey(top.url) : pageKey(frame.url)]));
}

export function frameKey(frameId: number, key: string): string {
  return frameId === 0 ? key : `${frameId}:${key}`;
}

export function splitKey(key: string): { frameId: number; key: string } {
  const match = /^(\d+):(.+)$/.exec(key);
  return match ? { frameId: Number(match[1]), key: match[2] } : { frameId: 0, key };
}

/**
 * One status for the page. Counts add up over the frames; frames that share one page's clips (an
 * about:blank or srcdoc frame and its top page) each hold all of that page's clips, so their clips
 * count once and a clip is an orphan only when none of them placed it.
 */
export function mergeStatus(answers: { frameId: number; value: PageStatus }[], clipPages: Map<number, string> = new Map()): PageStatus {
  const top = answers.find((a) => a.frameId === 0)?.value ?? answers[0].value;
  const best = answers.reduce((a, b) => (b.value.isPolicy && (!a.value.isPolicy || b.value.score > a.value.score) ? b : a)).value;
  const groups = new Map<string, PageStatus[]>();
  for (const { frameId, value } of answers) {
    const page = clipPages.get(frameId) ?? `frame:${frameId}`;
    groups.set(page, [...(groups.get(page) ?? []), value]);
  }
  let clippedCount = 0;
  let orphanCount = 0;
  for (const statuses of groups.values()) {
    const stored = Math.max(...statuses.map((s) => s.clippedCount));
    const placedSomewhere = statuses.reduce((sum, s) => sum + Math.max(0, s.clippedCount - s.orphanCount), 0);
    clippedCount += stored;
    orphanCount += Math.max(0, stored - placedSomewhere);
  }
  return {
    ...top,
    isPolicy: top.isPolicy || best.isPolicy,
    score: Math.max(top.score, best.score),
    reasons: top.isPolicy || !best.isPolicy ? top.reasons : best.reasons,
    highlighted: answers.some((a) => a.value.highlighted),
    indicatorCount: answers.reduce((sum, a) => sum + a.value.indicatorCount, 0),
    clippedCount,
    orphanCount,
  };
}

type Figures = { figures: FigureRow[]; orphans: Clip[]; pages?: string[] };

/** The figures of all frames in one table (top page first), and the clips no frame of their page placed. */
export function mergeFigures(answers: { frameId: number; value: Figures }[], clipPages: Map<number, string> = new Map()): Figures {
  const figures: FigureRow[] = [];
  for (const { frameId, value } of [...answers].sort((a, b) => a.frameId - b.frameId)) {
    for (const row of value.figures) {
      figures.push({ ...row, key: frameKey(frameId, row.key), order: figures.length + 1, ...(frameId !== 0 ? { frameId } : {}) });
    }
  }
  const byPage = new Map<string, { frames: number; seen: Map<string, { clip: Clip; count: number }> }>();
  for (const { frameId, value } of answers) {
    const page = clipPages.get(frameId) ?? `frame:${frameId}`;
    const group = byPage.get(page) ?? { frames: 0, seen: new Map() };
    group.frames++;
    for (const clip of value.orphans) {
      const entry = group.seen.get(clip.id);
      group.seen.set(clip.id, { clip, count: (entry?.count ?? 0) + 1 });
    }
    byPage.set(page, group);
  }
  const orphans = [...byPage.values()].flatMap((group) => [...group.seen.values()].filter((e) => e.count === group.frames).map((e) => e.clip));
  // The frames' own pages, so the panel reads those clips too (their corrections, notes, tags).
  const topPage = clipPages.get(0);
  const pages = [...new Set(answers.filter((a) => a.frameId !== 0 && a.value.figures.length > 0).flatMap((a) => clipPages.get(a.frameId) ?? []))].filter(
    (page) => page !== topPage,
  );
  return { figures, orphans, ...(pages.length > 0 ? { pages: pages.slice(0, 64) } : {}) };
}

export async function pageStatus(tabId: number): Promise<PageStatus> {
  const answers = await askFrames(tabId, (frameId) => sendToTab(tabId, 'page.status', {}, frameId), FRAME_STATUS_TIMEOUT_MS);
  return mergeStatus(answers, await clipPagesOf(tabId));
}

export async function highlightPage(tabId: number, on: boolean): Promise<PageStatus> {
  const answers = await askFrames(tabId, (frameId) => sendToTab(tabId, 'page.highlight', { on }, frameId));
  return mergeStatus(answers, await clipPagesOf(tabId));
}

export async function pageFigures(tabId: number): Promise<Figures> {
  const answers = await askFrames(tabId, (frameId) => sendToTab(tabId, 'page.figures', {}, frameId));
  return mergeFigures(answers, await clipPagesOf(tabId));
}

export async function setClipped(tabId: number, keys: string[], clipped: boolean): Promise<{ changed: number }> {
  const byFrame = new Map<number, string[]>();
  for (const key of keys) {
    const part = splitKey(key);
    byFrame.set(part.frameId, [...(byFrame.get(part.frameId) ?? []), part.key]);
  }
  let changed = 0;
  for (const [frameId, frameKeys] of byFrame) changed += (await sendToTab(tabId, 'page.setClipped', { keys: frameKeys, clipped }, frameId)).changed;
  return { changed };
}

export async function clipAll(tabId: number): Promise<{ clipped: number }> {
  const answers = await askFrames(tabId, (frameId) => sendToTab(tabId, 'page.clipAll', {}, frameId));
  return { clipped: answers.reduce((sum, a) => sum + a.value.clipped, 0) };
}

export async function focusFigure(tabId: number, key: string): Promise<{ ok: true }> {
  const part = splitKey(key);
  return sendToTab(tabId, 'page.focus', { key: part.key }, part.frameId);
}

/**
 * A keyboard command: highlighting goes to every frame of the page (all on, or all off); moving
 * and clipping to the frame that holds the most figures (the top page when it has any).
 */
export async function runPageCommand(tabId: number, command: PageCommand): Promise<{ ok: true }> {
  const statuses = await askFrames(tabId, (frameId) => sendToTab(tabId, 'page.status', {}, frameId), FRAME_STATUS_TIMEOUT_MS);
  if (command === 'highlight') {
    const on = !statuses.some((s) => s.value.highlighted);
    await askFrames(tabId, (frameId) => sendToTab(tabId, 'page.highlight', { on }, frameId));
    return { ok: true };
  }
  const top = statuses.find((s) => s.frameId === 0);
  const most = statuses.reduce((a, b) => (b.value.indicatorCount > a.value.indicatorCount ? b : a));
  const target = top && (top.value.indicatorCount > 0 || most.value.indicatorCount === 0) ? top : most;
  return sendToTab(tabId, 'page.command', { command }, target.frameId);
}
