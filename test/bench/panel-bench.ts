/**
 * `npm run bench:panel`: the side panel's speed in Chromium, against the mock port (so the numbers
 * are the panel's own: rendering, filtering, scrolling; the store's paging is the store's bench).
 * Prints numbers and their ratio to the budgets of the issue: a table of 3,000 figures ready in
 * 300 ms, the panel over a 10,000-clip store ready in 300 ms, a filter keystroke repainted in
 * 50 ms, scrolling without dropped frames (a frame over 1.5× the median counts as dropped).
 *
 * Each scenario opens the panel in a fresh page, so every first render is a cold one (code not
 * yet compiled, styles and fonts not yet resolved), as when the reader opens the side panel.
 * Beside each wall time: the CPU time of the page's main thread over the same step (Chromium's
 * ThreadTime, with thread-tick timing), which other work on a shared machine stretches far less.
 * ThreadTime leaves out layout that script forces, so after the timed runs a few more cold mounts
 * run under a Chromium trace and the bench prints where their main-thread time went (script,
 * style, forced layout, the frame's own layout, paint, longest task: test/bench/panel/trace-breakdown.ts).
 *
 * Options: --runs=N timed runs (3; 0 prints the trace breakdown only), --trace-runs=N traced mounts per scenario (2),
 * --answer-ms=N the mock port answers after N ms, as the background's messages take time (0).
 */
import { cpus, loadavg } from 'node:os';
import { build } from 'esbuild';
import { type CDPSession, chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../e2e/chromium';
import { type Breakdown, breakdown, TRACE_CATEGORIES, type TraceEvent } from './panel/trace-breakdown';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const RUNS = Number(arg('runs', '3'));
/** Extra cold mounts per scenario under a Chromium trace (not timed: tracing slows them), for the breakdown. */
const TRACE_RUNS = Number(arg('trace-runs', '2'));
/** How long the mock port takes to answer (0: at once). The real panel waits for the background's messages. */
const ANSWER_MS = Number(arg('answer-ms', '0'));

interface Timed {
  ms: number;
  cpuMs: number;
}

interface Result {
  table3000: Timed;
  table3000PortMs: number;
  table3000PaintMs: number;
  table3000AfterAnswerMs: number;
  /** Rows in the DOM when the first frame is due (each a row of CJK text to lay out). */
  table3000Rows: number;
  /** Per keystroke: wall each, and CPU as the steps' total over the keystrokes. */
  keystrokeMs: number[];
  keystrokeCpuMs: number;
  scrollFrameMs: number[];
  store10k: Timed;
  store10kPortMs: number;
  store10kPaintMs: number;
  store10kAfterAnswerMs: number;
  store10kKeystrokeMs: number[];
  store10kKeystrokeCpuMs: number;
  store10kLibrary: Timed;
}

type Steps = {
  prepare(figures: number, store: number, clipped: number, answerMs: number): void;
  mount(): Promise<{ readyMs: number; portMs: number; paintMs: number; afterAnswerMs: number; firstRows: number }>;
  keystrokes(): Promise<number[]>;
  scrolling(frames: number): Promise<number[]>;
  library(): Promise<number>;
};

/** The main thread's CPU seconds so far (Performance.enable with threadTicks). */
async function threadTime(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN;
}

/** A step of the bench page, with the main thread's CPU time over it. */
async function step<R>(page: Page, cdp: CDPSession, run: (steps: Steps) => Promise<R> | R): Promise<{ value: R; cpuMs: number }> {
  const before = await threadTime(cdp);
  const value = (await page.evaluate(`(${run.toString()})(window.__zbPanelSteps)`)) as R;
  return { value, cpuMs: ((await threadTime(cdp)) - before) * 1000 };
}

async function freshPage(browser: import('playwright-core').Browser, css: string, js: string): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  await page.setContent(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${css}</style></head><body></body></html>`);
  await page.addScriptTag({ content: js });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' } as never);
  return { page, cdp };
}

/** One cold mount under a trace: where the main thread's time went. */
async function tracedMount(browser: import('playwright-core').Browser, css: string, js: string, store: number, clipped: number): Promise<Breakdown> {
  const { page } = await freshPage(browser, css, js);
  await page.evaluate(([s, c, a]) => (window as unknown as { __zbPanelSteps: Steps }).__zbPanelSteps.prepare(3000, s, c, a), [store, clipped, ANSWER_MS]);
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await page.evaluate(() => (window as unknown as { __zbPanelSteps: Steps }).__zbPanelSteps.mount());
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  await page.close();
  const parts = breakdown(trace.traceEvents);
  if (!parts) throw new Error('the trace has no renderer main thread');
  return parts;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs: number[]) => Math.max(...xs);
const f = (n: number) => n.toFixed(1).padStart(7);

async function main() {
  const bundle = await build({
    entryPoints: ['test/bench/panel/bench-page.tsx'],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    minify: true,
    outdir: 'out',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'import.meta.env.DEV': 'false' },
    logLevel: 'error',
  });
  const js = bundle.outputFiles.find((o) => o.path.endsWith('.js'))!.text;
  const css = bundle.outputFiles.find((o) => o.path.endsWith('.css'))?.text ?? '';
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const results: Result[] = [];
  const traced: { table: Breakdown[]; store: Breakdown[] } = { table: [], store: [] };
  try {
    for (let run = 0; run < RUNS; run++) {
      const a = await freshPage(browser, css, js);
      await a.page.evaluate((ms) => (window as unknown as { __zbPanelSteps: Steps }).__zbPanelSteps.prepare(3000, 0, 0, ms), ANSWER_MS);
      const table = await step(a.page, a.cdp, (s) => s.mount());
      const keys = await step(a.page, a.cdp, (s) => s.keystrokes());
      const scroll = await step(a.page, a.cdp, (s) => s.scrolling(120));
      await a.page.close();
      const b = await freshPage(browser, css, js);
      await b.page.evaluate((ms) => (window as unknown as { __zbPanelSteps: Steps }).__zbPanelSteps.prepare(3000, 10_000, 3000, ms), ANSWER_MS);
      const store = await step(b.page, b.cdp, (s) => s.mount());
      const storeKeys = await step(b.page, b.cdp, (s) => s.keystrokes());
      const lib = await step(b.page, b.cdp, (s) => s.library());
      await b.page.close();
      results.push({
        table3000: { ms: table.value.readyMs, cpuMs: table.cpuMs },
        table3000PortMs: table.value.portMs,
        table3000PaintMs: table.value.paintMs,
        table3000AfterAnswerMs: table.value.afterAnswerMs,
        table3000Rows: table.value.firstRows,
        keystrokeMs: keys.value,
        keystrokeCpuMs: keys.cpuMs / keys.value.length,
        scrollFrameMs: scroll.value,
        store10k: { ms: store.value.readyMs, cpuMs: store.cpuMs },
        store10kPortMs: store.value.portMs,
        store10kPaintMs: store.value.paintMs,
        store10kAfterAnswerMs: store.value.afterAnswerMs,
        store10kKeystrokeMs: storeKeys.value,
        store10kKeystrokeCpuMs: storeKeys.cpuMs / storeKeys.value.length,
        store10kLibrary: { ms: lib.value, cpuMs: lib.cpuMs },
      });
    }
    for (let run = 0; run < TRACE_RUNS; run++) {
      traced.table.push(await tracedMount(browser, css, js, 0, 0));
      traced.store.push(await tracedMount(browser, css, js, 10_000, 3000));
    }
  } finally {
    await browser.close();
  }
  const row = (name: string, values: number[], budget?: number, cpu?: number[]) =>
    console.log(
      `${name.padEnd(44)} median ${f(median(values))} ms  max ${f(max(values))} ms${budget ? `  budget ${budget} ms  ratio ${(median(values) / budget).toFixed(2)}` : ''}` +
        (cpu ? `  cpu ${f(median(cpu))} ms${budget ? ` (ratio ${(median(cpu) / budget).toFixed(2)})` : ''}` : ''),
    );
  // Other work on the machine stretches every wall time: the load says how much to trust them.
  console.log(
    `side panel in Chromium, ${RUNS} runs, a fresh page per scenario (mock port${ANSWER_MS ? `, answering after ${ANSWER_MS} ms` : ''}; numbers are the panel's own work); load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores; cpu = the page's main thread`,
  );
  if (results.length) {
    row(
      'table of 3,000 figures ready (cold)',
      results.map((r) => r.table3000.ms),
      300,
      results.map((r) => r.table3000.cpuMs),
    );
    row(
      '  of which in the mock port',
      results.map((r) => r.table3000PortMs),
    );
    row(
      "  from the port's last answer to rows painted",
      results.map((r) => r.table3000AfterAnswerMs),
    );
    row(
      '  of which rows in the DOM to their first frame',
      results.map((r) => r.table3000PaintMs),
    );
    console.log(`${'  rows laid out in the first frame'.padEnd(44)} ${median(results.map((r) => r.table3000Rows))}`);
    row(
      'filter keystroke repainted (3,000 figures)',
      results.flatMap((r) => r.keystrokeMs),
      50,
      results.map((r) => r.keystrokeCpuMs),
    );
    row(
      'panel ready, 10,000 clips in the store (cold)',
      results.map((r) => r.store10k.ms),
      300,
      results.map((r) => r.store10k.cpuMs),
    );
    row(
      '  of which in the mock port',
      results.map((r) => r.store10kPortMs),
    );
    row(
      "  from the port's last answer to rows painted",
      results.map((r) => r.store10kAfterAnswerMs),
    );
    row(
      '  of which rows in the DOM to their first frame',
      results.map((r) => r.store10kPaintMs),
    );
    row(
      'filter keystroke repainted (10,000 clips)',
      results.flatMap((r) => r.store10kKeystrokeMs),
      50,
      results.map((r) => r.store10kKeystrokeCpuMs),
    );
    row(
      'library first page, 10,000 clips',
      results.map((r) => r.store10kLibrary.ms),
      300,
      results.map((r) => r.store10kLibrary.cpuMs),
    );
    const frames = results.flatMap((r) => r.scrollFrameMs);
    const typical = median(frames);
    const dropped = frames.filter((g) => g > typical * 1.5).length;
    console.log(`${'scrolling 3,000 rows, frame interval'.padEnd(44)} median ${f(typical)} ms  max ${f(max(frames))} ms  dropped ${dropped}/${frames.length}`);
  }
  // The trace's sums over one cold mount, medians per part, as main-thread CPU / wall ms: what the wall time is made of.
  const parts = (name: string, list: Breakdown[]) => {
    if (!list.length) return;
    const m = (key: keyof Breakdown) =>
      `${key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)} ${median(list.map((b) => b[key].cpu)).toFixed(0)}/${median(list.map((b) => b[key].wall)).toFixed(0)}`;
    console.log(
      `${`  trace (${list.length}), ${name}, cpu/wall ms`.padEnd(44)} ${m('js')}  ${m('style')}  ${m('forcedLayout')}  ${m('frameLayout')}  ${m('paint')}  ${m('longestTask')}`,
    );
  };
  parts('3,000 figures', traced.table);
  parts('10,000 clips', traced.store);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
