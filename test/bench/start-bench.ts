/**
 * `npm run bench:start`: the content script's first task on a page, now against the build of
 * commit BASELINE_REF (built into a temporary directory on first use), in the same run. The script
 * loads on every page the reader opens, most of them neither Chinese nor reports, so what its start
 * costs matters on all of them:
 *
 *   - the corpus page 001 (a report: detection says yes, the figures are read);
 *   - pages/news.html (a Chinese news page that is not a report);
 *   - pages/english.html (an English page: most of the web).
 *
 * Measured from a Performance trace of a new browser per run (builds interleaved): the main
 * thread's EvaluateScript of page-content.js, which holds compiling the bundle, loading its
 * modules and the controller's first synchronous step. Wall time (what the page waits) and the
 * thread's CPU time (what a busy machine does not inflate). Prints numbers and ratios only.
 * Options: --runs=N (default 5), --baseline-ref=REF. Needs `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launchChromiumContext } from '../e2e/chromium';
import { REPO_ROOT, startServer } from '../e2e/server';
import { buildOf } from './page-driver';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
/** The commit before the schemas, word tables and character map were made on first use. */
const BASELINE_REF = arg('baseline-ref', 'c5ed3b7');
const RUNS = Math.max(1, Number(arg('runs', '5')));
const PAGES = [
  ['/corpus/001.html', 'corpus page 001 (a report)'],
  ['/pages/news.html', 'Chinese news page (not a report)'],
  ['/pages/english.html', 'English page'],
] as const;
const SETTLE_MS = 1000;
/** Long enough for the script to have run (it waits for the document to be idle). */
const AFTER_LOAD_MS = 1500;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string } };
}

interface FirstTask {
  wallMs: number;
  cpuMs: number;
  compileMs: number;
}

async function firstTask(dist: string, url: string): Promise<FirstTask | null> {
  const { context, cleanup } = await launchChromiumContext({ dist });
  try {
    // The extension's background starts with the browser: let it, so the page does not share the cores with it.
    await new Promise((res) => setTimeout(res, SETTLE_MS));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const done = new Promise<void>((res) => cdp.once('Tracing.tracingComplete', () => res()));
    await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline', 'v8'] } });
    await page.goto(url, { waitUntil: 'load' });
    await new Promise((res) => setTimeout(res, AFTER_LOAD_MS));
    await cdp.send('Tracing.end');
    await done;
    const ours = (name: string) => events.find((e) => e.name === name && e.ph === 'X' && /page-content\.js/.test(String(e.args?.data?.url ?? '')));
    const evaluated = ours('EvaluateScript');
    if (!evaluated) return null;
    return { wallMs: (evaluated.dur ?? 0) / 1000, cpuMs: (evaluated.tdur ?? 0) / 1000, compileMs: (ours('v8.compile')?.dur ?? 0) / 1000 };
  } finally {
    await cleanup();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const fmt = (values: number[]) => `${median(values).toFixed(1)} ms (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;

if (!existsSync(resolve(REPO_ROOT, '.output/chrome-mv3/manifest.json'))) {
  console.error('bench:start: no built extension in .output/chrome-mv3; run `npm run build` first');
  process.exit(2);
}
const builds = [
  [`baseline ${BASELINE_REF}`, buildOf(BASELINE_REF)],
  ['now', resolve(REPO_ROOT, '.output/chrome-mv3')],
] as const;
const server = await startServer();
try {
  console.log(`Content script's first task (EvaluateScript of page-content.js): ${RUNS} new Chromium (headless) per page and build, builds interleaved`);
  console.log(
    `machine: ${cpus().length} cores, load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  for (const [path, title] of PAGES) {
    const results = builds.map(() => [] as FirstTask[]);
    for (let run = 0; run < RUNS; run++) {
      for (const [i, [, dist]] of builds.entries()) {
        const task = await firstTask(dist, `${server.url}${path}`);
        if (task) results[i].push(task);
      }
    }
    console.log(`\n${title} (${path}):`);
    for (const [i, [label]] of builds.entries()) {
      const r = results[i];
      if (r.length === 0) {
        console.log(`  ${label.padEnd(18)} the script did not run`);
        continue;
      }
      console.log(
        `  ${label.padEnd(18)} wall ${fmt(r.map((t) => t.wallMs))}; CPU ${fmt(r.map((t) => t.cpuMs))}; of the wall time, compiling ${fmt(r.map((t) => t.compileMs))}`,
      );
    }
    const [before, now] = results;
    if (before.length && now.length) {
      const wall = median(now.map((t) => t.wallMs)) / median(before.map((t) => t.wallMs));
      const cpu = median(now.map((t) => t.cpuMs)) / median(before.map((t) => t.cpuMs));
      console.log(`  ratio now/baseline (medians): wall ${wall.toFixed(2)}×, CPU ${cpu.toFixed(2)}×`);
    }
  }
} finally {
  await server.close();
}
process.exit(0);
