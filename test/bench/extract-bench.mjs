/**
 * npm run bench — the extractor's speed, as the extension ships it (bundled by esbuild, so the
 * numbers are not those of a TypeScript loader). Prints, for each corpus file, the whole corpus
 * and 1 MB of adversarial text: characters, median milliseconds after warm-up, characters per
 * second; the peak memory; and Recognizers-Text (Microsoft's Chinese number-with-unit models,
 * the best general library) on a sample of the same text, with the ratio. Numbers only: no
 * thresholds, nothing passes or fails here.
 *
 * It also prints the COLD cost: the content script is a fresh JavaScript context on every page, so
 * the extractor runs mostly unoptimised there. Each corpus file is read paragraph by paragraph in a
 * fresh node process (this script, re-run with --cold-child), once (cold) and again (second pass);
 * the median of several processes is printed, as main-thread CPU time where Linux gives it (other
 * work on a shared machine does not count) and as wall time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

if (process.argv[2] === '--cold-child') {
  await coldChild(process.argv[3], process.argv[4]);
  process.exit(0);
}

const { build } = await import('esbuild');
const { ADVERSARIAL_SHAPES, adversarialText, shapeText } = await import('./adversarial.mjs');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = join(root, 'test/.tmp');
mkdirSync(tmp, { recursive: true });
const bundle = join(tmp, 'extract-bundle.mjs');
await build({ entryPoints: [join(root, 'lib/extract/index.ts')], bundle: true, format: 'esm', platform: 'neutral', outfile: bundle, logLevel: 'error' });
const { extractIndicators } = await import(bundle);

const corpusDir = [join(root, 'test/e2e/fixtures/corpus'), join(root, '../shared/corpus')].find(
  (d) => existsSync(d) && readdirSync(d).some((f) => f.endsWith('.txt')),
);
if (!corpusDir) {
  console.error('bench: no corpus found (test/e2e/fixtures/corpus or ../shared/corpus)');
  process.exit(2);
}
const files = readdirSync(corpusDir)
  .filter((f) => /^\d{3}_.*\.txt$/.test(f))
  .sort();

function time(text, runs) {
  for (let i = 0; i < 3; i++) extractIndicators(text); // warm-up on this text too
  const t = [];
  let found = 0;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    found = extractIndicators(text).length;
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  const ms = t[Math.floor(t.length / 2)];
  return { ms, rate: text.length / (ms / 1000), found };
}

/** CPU milliseconds of this thread (Linux), else of the process. */
function cpuMs() {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
}

/** In a fresh process: the file's paragraphs through the extractor twice, timed; prints one JSON line. */
async function coldChild(bundlePath, file) {
  const { extractIndicators: extract } = await import(bundlePath);
  const paragraphs = readFileSync(file, 'utf8').split(/\n+/);
  const pass = () => {
    const wall = performance.now();
    const cpu = cpuMs();
    let found = 0;
    for (const p of paragraphs) found += extract(p).length;
    return { wall: performance.now() - wall, cpu: cpuMs() - cpu, found };
  };
  const first = pass();
  const second = pass();
  console.log(JSON.stringify({ first, second }));
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const row = (name, chars, r) =>
  console.log(
    `${name.padEnd(28)} ${fmt(chars).padStart(10)} chars ${r.ms.toFixed(2).padStart(9)} ms ${fmt(r.rate).padStart(13)} chars/s ${String(r.found).padStart(7)} indicators`,
  );

console.log('extractIndicators, bundled; median of 15 runs (7 for the megabyte), after warm-up\n');
const texts = files.map((f) => readFileSync(join(corpusDir, f), 'utf8'));
// Warm the JIT on everything first, so no file's number pays for compiling the extractor.
for (let i = 0; i < 10; i++) extractIndicators(texts.join('\n'));
files.forEach((f, i) => {
  row(f, texts[i].length, time(texts[i], 15));
});
const corpus = texts.join('\n');
const whole = time(corpus, 15);
row('whole corpus', corpus.length, whole);
const adversarial = adversarialText(1_000_000);
const adv = time(adversarial, 7);
row('adversarial 1 MB', adversarial.length, adv);
console.log(`\nadversarial rate / corpus rate: ${(adv.rate / whole.rate).toFixed(2)} (1.00 = as fast per character; linear time keeps it far from 0)`);

// Cold: fresh processes, as the content script meets the extractor on every page.
const coldRuns = Number(process.env.ZB_COLD_RUNS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`\ncold (a fresh node process per run, paragraph by paragraph; median of ${coldRuns}; load average ${loadavg()[0].toFixed(1)})`);
console.log('file                         first CPU ms  first wall ms  second CPU ms  second wall ms  indicators');
const coldTotal = { firstCpu: 0, firstWall: 0, secondCpu: 0, secondWall: 0 };
for (const f of files) {
  const runs = [];
  for (let i = 0; i < coldRuns; i++) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--cold-child', bundle, join(corpusDir, f)], { encoding: 'utf8' });
    runs.push(JSON.parse(out));
  }
  const m = {
    firstCpu: median(runs.map((r) => r.first.cpu)),
    firstWall: median(runs.map((r) => r.first.wall)),
    secondCpu: median(runs.map((r) => r.second.cpu)),
    secondWall: median(runs.map((r) => r.second.wall)),
  };
  for (const k of Object.keys(coldTotal)) coldTotal[k] += m[k];
  const cells = [m.firstCpu, m.firstWall, m.secondCpu, m.secondWall].map((x, i) => x.toFixed(1).padStart(i === 0 ? 12 : i === 3 ? 15 : 14));
  console.log(`${f.padEnd(28)} ${cells.join('')} ${String(runs[0].first.found).padStart(11)}`);
}
const totals = [coldTotal.firstCpu, coldTotal.firstWall, coldTotal.secondCpu, coldTotal.secondWall].map((x, i) =>
  x.toFixed(1).padStart(i === 0 ? 12 : i === 3 ? 15 : 14),
);
console.log(`${'total (sum of medians)'.padEnd(28)} ${totals.join('')}`);
console.log(`load average after: ${loadavg()[0].toFixed(1)}`);

// Linear time, shape by shape: the time for 4 MB over the time for 1 MB (4 for linear). CPU time of
// this process, the best of three runs each, so that other work on a shared machine does not count.
console.log('\nshape (CPU ms, best of 3)                1 MB ms    4 MB ms   4 MB / 1 MB');
const best = (text) => {
  extractIndicators(text.slice(0, 20_000)); // warm this shape's paths
  let ms = Infinity;
  for (let i = 0; i < 3; i++) {
    const s = process.cpuUsage();
    extractIndicators(text);
    const d = process.cpuUsage(s);
    ms = Math.min(ms, (d.user + d.system) / 1000);
  }
  return ms;
};
let worst = 0;
for (const [name, unit] of Object.entries(ADVERSARIAL_SHAPES)) {
  const one = best(shapeText(unit, 1_000_000));
  const four = best(shapeText(unit, 4_000_000));
  worst = Math.max(worst, four / one);
  console.log(`${name.padEnd(40)} ${one.toFixed(0).padStart(8)} ${four.toFixed(0).padStart(10)} ${(four / one).toFixed(2).padStart(13)}`);
}
console.log(`worst 4 MB / 1 MB ratio: ${worst.toFixed(2)} (4.00 = linear)`);
console.log(`peak memory (max RSS of this process): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

// Recognizers-Text on a sample of the same corpus (it is slow: a whole-corpus run takes minutes).
try {
  const units = await import('@microsoft/recognizers-text-number-with-unit');
  const numbers = await import('@microsoft/recognizers-text-number');
  const sample = corpus.slice(0, 30_000);
  const lines = sample.split('\n');
  const culture = 'zh-cn';
  const run = () => {
    let n = 0;
    for (const line of lines) {
      n +=
        units.recognizeCurrency(line, culture).length +
        units.recognizeDimension(line, culture).length +
        numbers.recognizePercentage(line, culture).length +
        numbers.recognizeNumber(line, culture).length;
    }
    return n;
  };
  run(); // warm-up (it compiles its regular expressions on first use)
  const s = performance.now();
  const n = run();
  const ms = performance.now() - s;
  const rate = sample.length / (ms / 1000);
  console.log(
    `\nRecognizers-Text 1.3.1 (zh-cn: currency + dimension + percentage + number), ${fmt(sample.length)} chars of the corpus: ${ms.toFixed(0)} ms, ${fmt(rate)} chars/s, ${n} results`,
  );
  console.log(`zhibiao / Recognizers-Text throughput on the corpus: ${(whole.rate / rate).toFixed(0)}x`);
} catch (e) {
  console.log(`\nRecognizers-Text not measured: ${e.message}`);
}
