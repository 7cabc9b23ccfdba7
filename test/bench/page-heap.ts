/**
 * `npx tsx test/bench/page-heap.ts [--clicks=N] [--p=500] [--top=30] [--dist=DIR]`: what stays in memory per
 * click. Loads the page of about 2,000 figures (hostile-big.html?p=500) with the built extension,
 * clicks the figures in view once each (what is made once), takes a heap snapshot, clicks N times,
 * takes another, clicks N times more, takes a third; prints the kinds of object (constructor or
 * type) whose count grew, in each half. A count that grows by about the same in both halves is
 * kept per click; one that grows in the first half only is a bounded cost. Needs a build first.
 */
import { launchChromiumContext } from '../e2e/chromium';
import { startServer } from '../e2e/server';
import { clickRound, openClickPage } from './page-driver';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const CLICKS = Number(arg('clicks', '300'));
const TOP = Number(arg('top', '30'));

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

/** Object count and self size by "type:name" (name is the constructor for objects). */
function census(raw: string): Map<string, { count: number; size: number }> {
  const snap = JSON.parse(raw) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const out = new Map<string, { count: number; size: number }>();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt]];
    // Strings by content would be one key each: counted as one kind.
    const name = type === 'string' || type === 'concatenated string' || type === 'sliced string' ? '' : snap.strings[snap.nodes[i + nameAt]].slice(0, 60);
    const key = `${type}:${name}`;
    const entry = out.get(key) ?? { count: 0, size: 0 };
    entry.count++;
    entry.size += snap.nodes[i + sizeAt];
    out.set(key, entry);
  }
  return out;
}

function growth(before: Map<string, { count: number; size: number }>, after: Map<string, { count: number; size: number }>) {
  const out = new Map<string, { count: number; size: number }>();
  for (const [key, a] of after) {
    const b = before.get(key) ?? { count: 0, size: 0 };
    if (a.count !== b.count || a.size !== b.size) out.set(key, { count: a.count - b.count, size: a.size - b.size });
  }
  for (const [key, b] of before) if (!after.has(key)) out.set(key, { count: -b.count, size: -b.size });
  return out;
}

const server = await startServer();
const { context, cleanup } = await launchChromiumContext(arg('dist', '') ? { dist: arg('dist', '') } : {});
try {
  const { page, figures, points, cdp } = await openClickPage(context, `${server.url}/pages/hostile-big.html?p=${arg('p', '500')}`);
  const snapshot = async (): Promise<{ census: Map<string, { count: number; size: number }>; usedMb: number }> => {
    await new Promise((r) => setTimeout(r, 1000));
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usedMb = (await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6;
    const chunks: string[] = [];
    const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    return { census: census(chunks.join('')), usedMb };
  };
  await clickRound(page, points, points.length);
  const s0 = await snapshot();
  await clickRound(page, points, CLICKS);
  const s1 = await snapshot();
  await clickRound(page, points, CLICKS);
  const s2 = await snapshot();
  console.log(`${figures} figures, ${points.length} in view; ${CLICKS} clicks, then ${CLICKS} more`);
  console.log(`JS heap after GC: ${s0.usedMb.toFixed(3)} MB → ${s1.usedMb.toFixed(3)} MB → ${s2.usedMb.toFixed(3)} MB`);
  const first = growth(s0.census, s1.census);
  const second = growth(s1.census, s2.census);
  const keys = new Set([...first.keys(), ...second.keys()]);
  const rows = [...keys]
    .map((key) => ({ key, a: first.get(key) ?? { count: 0, size: 0 }, b: second.get(key) ?? { count: 0, size: 0 } }))
    .sort((x, y) => Math.abs(y.a.size) + Math.abs(y.b.size) - (Math.abs(x.a.size) + Math.abs(x.b.size)))
    .slice(0, TOP);
  console.log('kind (type:name)                                                    first N: count / bytes    second N: count / bytes');
  for (const { key, a, b } of rows)
    console.log(
      `  ${key.padEnd(64)} ${String(a.count).padStart(7)} / ${String(a.size).padStart(8)}    ${String(b.count).padStart(7)} / ${String(b.size).padStart(8)}`,
    );
} finally {
  await cleanup();
  await server.close();
}
