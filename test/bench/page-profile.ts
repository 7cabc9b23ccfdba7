/**
 * `npx tsx test/bench/page-profile.ts --url=/corpus/001.html [--force] [--out=/tmp/trace.json]`:
 * loads a page with the built extension in Chromium while recording a Performance trace (with
 * the CPU profiler), then prints when the content script started (relative to DOMContentLoaded
 * and load), the main-thread tasks after load, the main thread's busy time from the script's start,
 * where the extension's time went (self and inclusive time by function, from the script's start)
 * and by part of the pipeline (with an unminified build: ZB_NO_MINIFY=1); --no-cpu leaves the
 * sampling profiler out, for tasks at their true length; ZB_TRACE_EXTRA=cat1,cat2 adds trace
 * categories (e.g. blink,cc: the steps of a rendering frame). For finding hotspots;
 * the numbers to report come from bench:page.
 */
import { writeFileSync } from 'node:fs';
import { launchChromiumContext } from '../e2e/chromium';
import { startServer } from '../e2e/server';

const arg = (name: string, fallback: string) =>
  process.argv
    .find((a) => a.startsWith(`--${name}=`))
    ?.split('=')
    .slice(1)
    .join('=') ?? fallback;
const PATH = arg('url', '/corpus/001.html');
const OUT = arg('out', '');
const WAIT_MS = Number(arg('wait', '4000'));
const FORCE = process.argv.includes('--force');

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event: what a loaded machine does not inflate, unlike dur. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown> & { data?: Record<string, unknown> };
}

const server = await startServer();
const { context, cleanup } = await launchChromiumContext(arg('dist', '') ? { dist: arg('dist', '') } : {});
try {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        // --no-cpu: without the sampling profiler, whose own cost lengthens every task (for task lengths).
        ...(process.argv.includes('--no-cpu') ? ['v8', 'disabled-by-default-v8.gc'] : ['disabled-by-default-v8.cpu_profiler']),
        'blink.user_timing',
        'toplevel',
        ...(process.env.ZB_TRACE_EXTRA ?? '').split(',').filter(Boolean),
      ],
    },
  });
  await page.goto(`${server.url}${PATH}`, { waitUntil: 'load' });
  if (FORCE) {
    const worker = context.serviceWorkers()[0];
    await new Promise((r) => setTimeout(r, 1500));
    await worker.evaluate(async () => {
      const c = (
        globalThis as unknown as {
          chrome: { tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: unknown, o: object): Promise<unknown> } };
        }
      ).chrome;
      const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
      await c.tabs.sendMessage(tab.id!, { zb: 1, direction: 'background->content', type: 'page.highlight', payload: { on: true } }, { frameId: 0 });
    });
  }
  await new Promise((r) => setTimeout(r, WAIT_MS));
  await cdp.send('Tracing.end');
  await done;
  if (OUT) writeFileSync(OUT, JSON.stringify({ traceEvents: events }));
  // The renderer main thread of the page: the thread with the load event's markers.
  const loadEv = events
    .filter((e) => e.name === 'MarkLoad' && e.args?.data?.isOutermostMainFrame)
    .sort((a, b) => a.ts - b.ts)
    .at(-1);
  const main = events.find((e) => e.name === 'CrRendererMain' || (e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === loadEv?.pid));
  const pid = loadEv?.pid ?? main?.pid;
  const threadNames = events.filter((e) => e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
  const tid = threadNames[0]?.tid;
  const loadTs = loadEv?.ts ?? 0;
  console.log(`load event at ts ${loadTs} (pid ${pid}, tid ${tid})`);
  const tasks = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.name === 'RunTask' && e.ts >= loadTs);
  const rel = (ts: number) => ((ts - loadTs) / 1000).toFixed(1);
  // When the content script ran: its evaluation (compile included), against DOMContentLoaded and load.
  const onMain = (e: TraceEvent) => e.pid === pid && e.tid === tid;
  const script = events.find((e) => onMain(e) && e.name === 'EvaluateScript' && /page-content\.js/.test(String(e.args?.data?.url ?? '')));
  const compile = events.find((e) => onMain(e) && e.name === 'v8.compile' && /page-content\.js/.test(String(e.args?.data?.url ?? '')));
  const dcl = events.filter((e) => e.name === 'MarkDOMContent' && e.pid === pid && e.args?.data?.isOutermostMainFrame).at(-1);
  const scriptTs = script?.ts ?? loadTs;
  if (script)
    console.log(
      `content script evaluated at ${rel(script.ts)} ms from load (DOMContentLoaded at ${dcl ? rel(dcl.ts) : '?'} ms): ${((script.dur ?? 0) / 1000).toFixed(1)} ms, of which compile ${((compile?.dur ?? 0) / 1000).toFixed(1)} ms`,
    );
  const fromScript = events.filter((e) => onMain(e) && e.ph === 'X' && e.name === 'RunTask' && e.ts + (e.dur ?? 0) > scriptTs);
  const lastOwn = Math.max(...fromScript.filter((t) => (t.dur ?? 0) > 1000).map((t) => t.ts + (t.dur ?? 0)));
  const ownTasks = fromScript.filter((t) => t.ts <= lastOwn);
  const sum = (list: TraceEvent[], field: 'dur' | 'tdur') => (list.reduce((a, t) => a + (t[field] ?? 0), 0) / 1000).toFixed(0);
  console.log(
    `main thread from the script's start to the last task over 1 ms (${rel(lastOwn)} ms from load): ${ownTasks.length} tasks, busy ${sum(ownTasks, 'dur')} ms wall, ${sum(ownTasks, 'tdur')} ms CPU`,
  );
  const longOnes = tasks.filter((t) => (t.dur ?? 0) > Number(arg('over', '5')) * 1000);
  console.log(`${tasks.length} tasks after load; ${longOnes.length} over 5 ms:`);
  const busy = tasks.reduce((a, t) => a + (t.dur ?? 0), 0);
  const lastEnd = Math.max(...tasks.map((t) => t.ts + (t.dur ?? 0)));
  console.log(`last task after load ends at +${rel(lastEnd)} ms`);
  const perSecond: number[] = [];
  for (const t of tasks) {
    const sec = Math.floor((t.ts - loadTs) / 1e6);
    perSecond[sec] = (perSecond[sec] ?? 0) + (t.dur ?? 0) / 1000;
  }
  console.log(`busy ms in each second after load: ${Array.from(perSecond, (v) => Math.round(v ?? 0)).join(' ')}`);
  console.log(
    `main thread busy ${(busy / 1000).toFixed(0)} ms in tasks after load; longest ${(Math.max(...tasks.map((t) => t.dur ?? 0)) / 1000).toFixed(1)} ms`,
  );
  for (const t of longOnes.slice(0, Number(arg('tasks', '15')))) {
    // Inner events of the task, by name and total duration.
    const inner = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0));
    const by = new Map<string, number>();
    for (const e of inner) if ((e.dur ?? 0) > Number(arg('inner-min', '1')) * 1000) by.set(e.name, (by.get(e.name) ?? 0) + (e.dur ?? 0));
    const top = [...by]
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(arg('inner', '5')))
      .map(([n, d]) => `${n} ${(d / 1000).toFixed(1)}`)
      .join(', ');
    console.log(`  +${rel(t.ts)} ms  ${((t.dur ?? 0) / 1000).toFixed(1)} ms  [${top}]`);
  }
  // CPU profile: self time by function (and url) after load.
  const nodes = new Map<number, { callFrame: { functionName: string; url: string; lineNumber: number }; parent?: number }>();
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let profileStart = 0;
  let last = 0;
  for (const e of events.filter((x) => x.pid === pid && (x.name === 'Profile' || x.name === 'ProfileChunk'))) {
    const data = e.args?.data as {
      startTime?: number;
      cpuProfile?: { nodes?: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; parent?: number }[]; samples?: number[] };
      timeDeltas?: number[];
    };
    if (e.name === 'Profile') {
      profileStart = data.startTime ?? 0;
      last = profileStart;
      continue;
    }
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const prev = last;
      last += deltas[i] ?? 0;
      if (last < scriptTs) continue;
      const node = nodes.get(samples[i]);
      if (!node) continue;
      const f = node.callFrame;
      const key = `${f.functionName || '(anon)'} ${(f.url ?? '').split('/').pop()}:${f.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (last - prev));
      const seen = new Set<string>();
      for (let n: typeof node | undefined = node; n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
        const name = n.callFrame.functionName || '(anon)';
        if (seen.has(name)) continue;
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + (last - prev));
      }
    }
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  // The pipeline's parts by inclusive time (names of the unminified build; a part inside another counts in both).
  const PARTS: [string, string[]][] = [
    ['extraction (lib/extract)', ['extractIndicators', 'cellIndicator', 'readTable']],
    ['scan (walk + extraction + tables)', ['scanBlocks']],
    ['DOM walk', ['iterateBlocks']],
    ['style reads', ['computedStyle', 'keepsLineBreaks']],
    ['tables', ['figureOf']],
    ['detection', ['detectPolicyPage', 'detectPolicyPageInSlices', 'evidenceLine', 'detectionSteps']],
    ['apply', ['apply']],
    ['clips', ['place', 'refresh', 'load']],
    ['yields', ['yieldToPage', 'yield']],
    ['messages', ['tellBackground', 'askBackground', 'sendMessage']],
    ['(program)', ['(program)']],
    ['(garbage collector)', ['(garbage collector)']],
  ];
  console.log(
    `pipeline parts from the script's start (inclusive ms): ${PARTS.map(([label, names]) => `${label} ${(Math.max(0, ...names.map((n) => inclusive.get(n) ?? 0)) / 1000).toFixed(1)}`).join('; ')}`,
  );
  console.log(`CPU samples from the script's start: ${(total / 1000).toFixed(0)} ms; top self time:`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(arg('top', '25')))) console.log(`  ${(v / 1000).toFixed(1).padStart(7)} ms  ${k}`);
  console.log('inclusive time:');
  for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(arg('top', '25')) * 2))
    console.log(`  ${(v / 1000).toFixed(1).padStart(7)} ms  ${k}`);
} finally {
  await cleanup();
  await server.close();
}
