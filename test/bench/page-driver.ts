/**
 * What the page benchmarks (page-bench.ts, page-heap.ts) do to a tab of Chromium with the built
 * extension: ask its content script for page.status and page.highlight (as the background would),
 * wait until the figure count settles, find the figures in view, click them (trusted input), read
 * the JS heap after a forced garbage collection.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { REPO_ROOT } from '../e2e/server';

export const TIMEOUT_MS = 240_000;
/** Longer than the content script's wait between a click and its effect (a double click must clip nothing). */
export const CLICK_SPACING_MS = 340;
/** How often page.status is asked while waiting for the figures to settle. */
const POLL_MS = 25;

type ChromeTabs = {
  chrome: { tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: unknown, o: object): Promise<unknown> } };
};

/** What the content script of the active tab says (page.status), asked from the service worker. */
export async function status(context: BrowserContext): Promise<{ highlighted: boolean; indicatorCount: number } | null> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(async () => {
    const c = (globalThis as unknown as ChromeTabs).chrome;
    const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) return null;
    const reply = (await c.tabs
      .sendMessage(tab.id, { zb: 1, direction: 'background->content', type: 'page.status', payload: {} }, { frameId: 0 })
      .catch(() => null)) as {
      ok?: boolean;
      data?: { highlighted: boolean; indicatorCount: number };
    } | null;
    return reply?.ok ? reply.data! : null;
  });
}

export async function highlightNow(context: BrowserContext): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(async () => {
    const c = (globalThis as unknown as ChromeTabs).chrome;
    const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
    await c.tabs.sendMessage(tab.id!, { zb: 1, direction: 'background->content', type: 'page.highlight', payload: { on: true } }, { frameId: 0 });
  });
}

/** Waits until the content script answers, then asks for highlights (a no-op if it already did). */
export async function forceHighlight(context: BrowserContext): Promise<void> {
  for (let i = 0; i < 600 && !(await status(context).catch(() => null)); i++) await new Promise((r) => setTimeout(r, 100));
  await highlightNow(context);
}

/** Page clock at the load event. */
export const loadTime = (page: Page) =>
  page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd || performance.now());

/** Polls page.status until the figure count has not changed for `quietMs`; returns the page-clock time of the last change. */
export async function settle(page: Page, context: BrowserContext, quietMs: number): Promise<{ figures: number; doneAt: number }> {
  const started = Date.now();
  let last = -1;
  let doneAt = 0;
  let since = Date.now();
  for (;;) {
    const s = await status(context).catch(() => null);
    const figures = s?.highlighted ? s.indicatorCount : 0;
    if (figures !== last) {
      last = figures;
      doneAt = await page.evaluate(() => performance.now());
      since = Date.now();
    } else if (figures > 0 && Date.now() - since >= quietMs) return { figures, doneAt };
    if (Date.now() - started > TIMEOUT_MS) throw new Error(`highlights did not settle within ${TIMEOUT_MS} ms (figures: ${last})`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Centres of the figures in view (at most 60): <zb-mark> elements (the baseline build) or registered ranges (now). */
export function figurePoints(page: Page): Promise<{ x: number; y: number }[]> {
  // (No named inner functions here: tsx would wrap them in a helper the page does not have.)
  return page.evaluate(() => {
    const rects: (DOMRect | undefined)[] = [];
    for (const m of Array.from(document.querySelectorAll('zb-mark'))) rects.push(m.getClientRects()[0]);
    const reg = (globalThis as unknown as { CSS: { highlights?: Map<string, Set<AbstractRange>> } }).CSS.highlights;
    for (const name of ['zb-target', 'zb-actual', 'zb-unknown']) {
      for (const r of reg?.get(name) ?? []) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        rects.push(range.getClientRects()[0]);
      }
    }
    const out: { x: number; y: number }[] = [];
    for (const rect of rects) {
      if (rect && rect.top > 0 && rect.bottom < innerHeight && rect.width > 0) out.push({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
    }
    return out.slice(0, 60);
  });
}

/** Clicks the points in turn, `count` clicks, spaced so each one acts (never a double click). */
export async function clickRound(page: Page, points: { x: number; y: number }[], count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const p = points[i % points.length];
    await page.mouse.click(p.x, p.y);
    await new Promise((r) => setTimeout(r, CLICK_SPACING_MS));
  }
}

/** The renderer's used JS heap (MB) after two forced garbage collections. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6;
}

/**
 * The click benches' page: loaded, highlighted, settled, with the figures in view to click and a
 * CDP session for the heap. Rejects when no figure is in view.
 */
export async function openClickPage(
  context: BrowserContext,
  url: string,
): Promise<{ page: Page; figures: number; points: { x: number; y: number }[]; cdp: CDPSession }> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT_MS });
  await page.bringToFront();
  await forceHighlight(context);
  const { figures } = await settle(page, context, 1000);
  const points = await figurePoints(page);
  if (points.length === 0) throw new Error('no figure in view to click');
  return { page, figures, points, cdp: await context.newCDPSession(page) };
}

/** The Chromium build of the extension at git commit `ref`, built into a temporary directory on first use (for same-run comparisons). */
export function buildOf(ref: string): string {
  const dir = join(tmpdir(), `zhibiao-baseline-${ref}`);
  const dist = join(dir, '.output/chrome-mv3');
  if (existsSync(join(dist, 'manifest.json'))) return dist;
  mkdirSync(dir, { recursive: true });
  execFileSync('bash', ['-c', `git -C "${REPO_ROOT}" archive ${ref} | tar -x -C "${dir}"`]);
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(resolve(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'));
  execFileSync('npx', ['wxt', 'build'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  return dist;
}
