/**
 * `npm run bench:pdf`: the built extension's PDF viewer in Chromium on a 100-page PDF of about
 * 150,000 characters (corpus page 001, printed to PDF here): time from choosing the file to the
 * first page rendered with its figures highlighted, to the whole document read and highlighted,
 * and the longest main-thread task meanwhile. Bars: first page < 2 s, whole document < 10 s; a
 * task over 50 ms is a long task (the viewer would stutter). Prints numbers and ratios only.
 * Options: --runs=N (default 3). Needs `npx wxt build` first.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { launchChromiumContext } from '../e2e/chromium';
import { corpusText, printPdfs } from '../e2e/pdf-fixtures';
import { corpusPageHtml } from '../e2e/corpus-page';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const RUNS = Number(arg('runs', '3'));
const FIRST_PAGE_BAR_MS = 2000;
const WHOLE_BAR_MS = 10_000;
const LONG_TASK_MS = 50;

if (!existsSync('.output/chrome-mv3/pdf-viewer.html')) {
  console.error('bench:pdf: no built viewer in .output/chrome-mv3: run `npx wxt build` first');
  process.exit(1);
}

// 001 is the corpus's longest page (about 152,000 characters of body text); printed at 15 px it
// fills about 100 A4 pages.
const html = corpusPageHtml(corpusText('001')).replace('body{font:16px/1.7', 'body{font:15px/1.6');
const { 'bench-001.pdf': file } = await printPdfs([{ name: 'bench-001.pdf', html }]);

/**
 * CPU seconds (user + system) used so far by each process of the Chromium whose profile is
 * `profile`: the browser process and all its descendants (renderers, GPU, utility), by pid. The
 * machine is shared; wall-clock time grows with everyone's load, the CPU time a job needs does not.
 */
function chromiumCpu(profile: string): Map<number, number> {
  const procs = new Map<number, { ppid: number; cpu: number; cmd: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      procs.set(Number(entry), { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / 100, cmd });
    } catch {
      // the process ended meanwhile
    }
  }
  const root = [...procs].find(([, p]) => p.cmd.includes(`--user-data-dir=${profile}`) && !p.cmd.includes('--type='))?.[0];
  const out = new Map<number, number>();
  if (root === undefined) return out;
  const inTree = (pid: number): boolean => {
    for (let at: number | undefined = pid, depth = 0; at && depth < 10; at = procs.get(at)?.ppid, depth++) if (at === root) return true;
    return false;
  };
  for (const [pid, p] of procs) if (inTree(pid)) out.set(pid, p.cpu);
  return out;
}

function cpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, cpu] of after) total += cpu - (before.get(pid) ?? 0);
  return total;
}

interface Run {
  pages: number;
  characters: number;
  figures: number;
  firstPageMs: number;
  wholeMs: number;
  longestTaskMs: number;
  longTasks: number;
  /** When each step towards the first page was reached, ms from the file chosen. */
  stages: string;
  cpuSeconds: number;
  firstPageCpuSeconds: number;
}

async function once(): Promise<Run> {
  const { context, extensionId, cleanup, profile } = await launchChromiumContext();
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/pdf-viewer.html`);
    await page.waitForSelector('[data-testid="pdf-file-input"]', { state: 'attached' });
    await page.evaluate(() => {
      const w = window as unknown as { __tasks: number[][]; __t0: number };
      w.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__tasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
      // The clock starts when the file is chosen (the input's change event, before the viewer sees it).
      document.querySelector('[data-testid="pdf-file-input"]')!.addEventListener('change', () => (w.__t0 = performance.now()), { capture: true });
    });
    const cpuBefore = chromiumCpu(profile);
    await page.setInputFiles('[data-testid="pdf-file-input"]', file);
    await page.waitForFunction(() => performance.getEntriesByName('zb-pdf-first-page').length > 0, null, { polling: 50, timeout: 60_000 });
    const firstPageCpuSeconds = cpuSince(cpuBefore, chromiumCpu(profile));
    await page.waitForSelector('[data-testid="pdf-status"][data-phase="done"]', { timeout: 120_000 });
    const cpuSeconds = cpuSince(cpuBefore, chromiumCpu(profile));
    const measured = await page.evaluate(() => {
      const w = window as unknown as { __tasks: number[][]; __t0: number };
      // (no named functions in here: tsx's __name helper does not exist in the page)
      const end = performance.getEntriesByName('zb-pdf-complete')[0]?.startTime ?? NaN;
      const firstPage = performance.getEntriesByName('zb-pdf-first-page')[0]?.startTime ?? NaN;
      const tasks = w.__tasks.filter(([start]) => start >= w.__t0 && start <= end);
      const text = Array.from(document.querySelectorAll('.zb-text-layer')).reduce((n, l) => n + (l.textContent ?? '').replace(/\s/g, '').length, 0);
      return {
        pages: document.querySelectorAll('.zb-pdf-page').length,
        characters: text,
        figures: new Set(Array.from(document.querySelectorAll<HTMLElement>('mark.zb-fig')).map((m) => m.dataset.fig)).size,
        firstPageMs: firstPage - w.__t0,
        wholeMs: end - w.__t0,
        longestTaskMs: Math.max(0, ...tasks.map(([, d]) => d)),
        longTasks: tasks.length,
        stages: ['zb-pdf-loaded', 'zb-pdf-opened', 'zb-pdf-first-text', 'zb-pdf-first-canvas', 'zb-pdf-first-page']
          .map((name) => `${name.slice(7)} ${((performance.getEntriesByName(name)[0]?.startTime ?? NaN) - w.__t0).toFixed(0)}`)
          .join(', '),
      };
    });
    return { ...measured, cpuSeconds, firstPageCpuSeconds };
  } finally {
    await cleanup();
  }
}

// Wall-clock numbers: on a shared machine they grow with its load, so the load is printed too.
console.log(
  `machine: ${availableParallelism()} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const runs: Run[] = [];
for (let i = 0; i < RUNS; i++) {
  const run = await once();
  runs.push(run);
  console.log(
    `run ${i + 1}: ${run.pages} pages, ${run.characters} characters, ${run.figures} figures; first page ${run.firstPageMs.toFixed(0)} ms, ` +
      `whole ${run.wholeMs.toFixed(0)} ms, longest task ${run.longestTaskMs.toFixed(0)} ms (${run.longTasks} over ${LONG_TASK_MS} ms); ` +
      `steps ${run.stages}; browser CPU time (all processes, from the file chosen) ${run.firstPageCpuSeconds.toFixed(2)} s to the first page, ${run.cpuSeconds.toFixed(2)} s to the whole document`,
  );
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const first = median(runs.map((r) => r.firstPageMs));
const whole = median(runs.map((r) => r.wholeMs));
const longest = median(runs.map((r) => r.longestTaskMs));
const cpu = median(runs.map((r) => r.cpuSeconds));
const cpuFirst = median(runs.map((r) => r.firstPageCpuSeconds));
console.log(
  `pdf viewer, median of ${RUNS}: first page ${first.toFixed(0)} ms (${(first / FIRST_PAGE_BAR_MS).toFixed(2)} of the 2 s bar), ` +
    `whole document ${whole.toFixed(0)} ms (${(whole / WHOLE_BAR_MS).toFixed(2)} of the 10 s bar), ` +
    `longest task ${longest.toFixed(0)} ms (${(longest / LONG_TASK_MS).toFixed(2)} of 50 ms); ` +
    `browser CPU time ${cpuFirst.toFixed(2)} s to the first page (${(cpuFirst / (FIRST_PAGE_BAR_MS / 1000)).toFixed(2)} of the 2 s bar), ` +
    `${cpu.toFixed(2)} s to the whole document (${(cpu / (WHOLE_BAR_MS / 1000)).toFixed(2)} of the 10 s bar)`,
);
