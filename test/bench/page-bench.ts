/**
 * `npm run bench:page`: how long the built extension takes to highlight the largest corpus page
 * (001, 437 KB) in Chromium, and how long it blocks the page's main thread. Prints numbers only.
 * Options: --runs=N (default 3), --page=NNN (default 001). Needs `npx wxt build` first.
 */
import { existsSync } from 'node:fs';
import { launchChromiumContext } from '../e2e/chromium';
import { startServer } from '../e2e/server';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const RUNS = Number(arg('runs', '3'));
const PAGE = arg('page', '001');
const QUIET_MS = 2000;
const AUTO_WAIT_MS = 10_000;
const TIMEOUT_MS = 120_000;

/** Installed before any page script: records every long task of the page's main thread. */
const LONGTASK_OBSERVER = `
  window.__zbLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__zbLongTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { window.__zbLongTasks = null; }
`;

interface Run {
  mode: 'auto' | 'popup';
  loadMs: number;
  firstMs: number;
  doneMs: number;
  figures: number;
  marks: number;
  longestTaskMs: number | null;
  /** Longest task that started after the load event: the page's own parsing left out. */
  longestAfterLoadMs: number | null;
  longTasks: number;
  longTaskTotalMs: number;
}

type PageLike = import('playwright-core').Page;

const counts = (page: PageLike) =>
  page.evaluate(() => {
    const marks = Array.from(document.querySelectorAll('zb-mark'));
    return { figures: new Set(marks.map((m) => m.getAttribute('data-zb-id'))).size, marks: marks.length, now: performance.now() };
  });

/** Polls the highlights until their number has not changed for QUIET_MS; times are page clock. */
async function watch(page: PageLike, giveUpIfNoneAfterMs: number | null) {
  const started = Date.now();
  let last = -1;
  let first: number | null = null;
  let lastChange = 0;
  let lastChangeWall = Date.now();
  for (;;) {
    const c = await counts(page);
    if (c.figures > 0 && first === null) first = c.now;
    if (c.figures !== last) {
      last = c.figures;
      lastChange = c.now;
      lastChangeWall = Date.now();
    }
    if (c.figures > 0 && Date.now() - lastChangeWall >= QUIET_MS) return { first: first!, done: lastChange, figures: c.figures, marks: c.marks };
    if (c.figures === 0 && giveUpIfNoneAfterMs !== null && Date.now() - started > giveUpIfNoneAfterMs) return null;
    if (Date.now() - started > TIMEOUT_MS) throw new Error(`highlights did not settle within ${TIMEOUT_MS} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function forceViaPopup(context: import('playwright-core').BrowserContext, extensionId: string, title: string): Promise<void> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const picker = popup.locator('[data-testid="tab-picker"]');
  await picker.waitFor({ timeout: 20_000 });
  await popup.waitForFunction(
    (key) => Array.from(document.querySelectorAll('[data-testid="tab-picker"] option')).some((o) => (o.textContent ?? '').includes(key)),
    title.slice(0, 16),
    { timeout: 20_000 },
  );
  const value = await popup.evaluate(
    (key) => Array.from(document.querySelectorAll<HTMLOptionElement>('[data-testid="tab-picker"] option')).find((o) => (o.textContent ?? '').includes(key))!.value,
    title.slice(0, 16),
  );
  await picker.selectOption(value);
  await popup.click('[data-testid="highlight-page"]');
  await popup.close();
}

async function oneRun(url: string, title: string): Promise<Run> {
  const { context, extensionId, cleanup } = await launchChromiumContext({ initScript: LONGTASK_OBSERVER });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT_MS });
    const loadMs = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return nav?.loadEventEnd || performance.now();
    });
    let mode: Run['mode'] = 'auto';
    let result = await watch(page, AUTO_WAIT_MS);
    let clickedAt = 0;
    if (!result) {
      mode = 'popup';
      await forceViaPopup(context, extensionId, title);
      await page.bringToFront();
      clickedAt = (await counts(page)).now;
      result = await watch(page, null);
    }
    const entries = await page.evaluate(() => (window as unknown as { __zbLongTasks: [number, number][] | null }).__zbLongTasks);
    const tasks = entries?.map(([, duration]) => duration) ?? null;
    const afterLoad = entries?.filter(([start]) => start >= loadMs).map(([, duration]) => duration) ?? null;
    const base = mode === 'auto' ? 0 : clickedAt;
    return {
      mode,
      loadMs,
      firstMs: result!.first - base,
      doneMs: result!.done - base,
      figures: result!.figures,
      marks: result!.marks,
      longestTaskMs: tasks ? Math.max(0, ...tasks) : null,
      longestAfterLoadMs: afterLoad ? Math.max(0, ...afterLoad) : null,
      longTasks: tasks?.length ?? 0,
      longTaskTotalMs: tasks ? tasks.reduce((a, b) => a + b, 0) : 0,
    };
  } finally {
    await cleanup();
  }
}

const ms = (n: number | null) => (n === null ? 'n/a' : `${n.toFixed(0)} ms`);
/** Long tasks are those of 50 ms or more: none means every task was shorter. */
const longest = (n: number | null) => (n === 0 ? 'none ≥50 ms' : ms(n));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!existsSync(new URL('../../.output/chrome-mv3/manifest.json', import.meta.url))) {
  console.error('bench:page: no built extension in .output/chrome-mv3; run `npm run build` (or `npm run setup`) first');
  process.exit(2);
}
const server = await startServer();
try {
  const page = server.corpus.find((p) => p.id === PAGE);
  if (!page) throw new Error(`no corpus page ${PAGE}`);
  console.log(`page ${page.path}: ${(page.bytes / 1000).toFixed(0)} KB of text (${page.bytes} bytes), "${page.title}"`);
  console.log('Chromium (headless), built extension .output/chrome-mv3');
  const runs: Run[] = [];
  for (let i = 1; i <= RUNS; i++) {
    const run = await oneRun(`${server.url}${page.path}`, page.title);
    runs.push(run);
    const from = run.mode === 'auto' ? 'from navigation start (auto-highlight)' : 'from the highlight-page click';
    console.log(
      `run ${i}: page load ${ms(run.loadMs)}; first highlight ${ms(run.firstMs)}, all highlighted ${ms(run.doneMs)} ${from}; ` +
        `${run.figures} figures (${run.marks} zb-mark elements); longest main-thread task ${longest(run.longestTaskMs)} (page parsing included), ` +
        `after the load event ${longest(run.longestAfterLoadMs)} (${run.longTasks} long tasks ≥50 ms, ${ms(run.longTaskTotalMs)} in all)`,
    );
  }
  console.log(
    `median of ${runs.length}: all highlighted ${ms(median(runs.map((r) => r.doneMs)))}, ` +
      `longest task ${ms(median(runs.map((r) => r.longestTaskMs ?? 0)))} ` +
      `(after the load event ${longest(median(runs.map((r) => r.longestAfterLoadMs ?? 0)))}), figures ${median(runs.map((r) => r.figures))}`,
  );
} finally {
  await server.close();
}
