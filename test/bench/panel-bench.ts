/**
 * `npm run bench:panel`: the side panel's speed in Chromium, against the mock port (so the numbers
 * are the panel's own: rendering, filtering, scrolling; the store's paging is the store's bench).
 * Prints numbers and their ratio to the budgets of the issue: a table of 3,000 figures ready in
 * 300 ms, the panel over a 10,000-clip store ready in 300 ms, a filter keystroke repainted in
 * 50 ms, scrolling without dropped frames (a frame over 1.5× the median counts as dropped).
 */
import { loadavg } from 'node:os';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../e2e/chromium';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const RUNS = Number(arg('runs', '3'));

interface Result {
  table3000ReadyMs: number;
  table3000PortMs: number;
  store10kPortMs: number;
  keystrokeMs: number[];
  scrollFrameMs: number[];
  store10kPanelReadyMs: number;
  store10kKeystrokeMs: number[];
  store10kLibraryMs: number;
  error?: string;
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
  try {
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
      await page.setContent(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${css}</style></head><body></body></html>`);
      await page.addScriptTag({ content: js });
      const result = (await page
        .waitForFunction(() => (window as unknown as { __zbPanelBench?: unknown }).__zbPanelBench, null, { timeout: 120_000 })
        .then((h) => h.jsonValue())) as Result;
      if (result.error) throw new Error(result.error);
      results.push(result);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const row = (name: string, values: number[], budget?: number) =>
    console.log(
      `${name.padEnd(44)} median ${f(median(values))} ms  max ${f(max(values))} ms${budget ? `  budget ${budget} ms  ratio ${(median(values) / budget).toFixed(2)}` : ''}`,
    );
  // Other work on the machine stretches every number: the load says how much to trust them.
  console.log(
    `side panel in Chromium, ${RUNS} runs (mock port; numbers are the panel's own work); load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  row(
    'table of 3,000 figures ready',
    results.map((r) => r.table3000ReadyMs),
    300,
  );
  row(
    '  of which in the mock port',
    results.map((r) => r.table3000PortMs),
  );
  row(
    'filter keystroke repainted (3,000 figures)',
    results.flatMap((r) => r.keystrokeMs),
    50,
  );
  row(
    'panel ready, 10,000 clips in the store',
    results.map((r) => r.store10kPanelReadyMs),
    300,
  );
  row(
    '  of which in the mock port',
    results.map((r) => r.store10kPortMs),
  );
  row(
    'filter keystroke repainted (10,000 clips)',
    results.flatMap((r) => r.store10kKeystrokeMs),
    50,
  );
  row(
    'library first page, 10,000 clips',
    results.map((r) => r.store10kLibraryMs),
    300,
  );
  const frames = results.flatMap((r) => r.scrollFrameMs);
  const typical = median(frames);
  const dropped = frames.filter((g) => g > typical * 1.5).length;
  console.log(`${'scrolling 3,000 rows, frame interval'.padEnd(44)} median ${f(typical)} ms  max ${f(max(frames))} ms  dropped ${dropped}/${frames.length}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
