/**
 * `npm run bench:store`: the clip store with N realistic clips (default 100,000): import with
 * progress, first screens (50 newest, 50 of one page, 50 pages), searches (rare, common, none),
 * streaming all of them to CSV and to a JSON backup; times against the bars (first screen 500 ms,
 * search 300 ms) and peak memory. Prints numbers only; asserts nothing.
 *
 *   --env=chromium   (default) real Chromium's IndexedDB: the store code bundled (esbuild) into a page on
 *                    127.0.0.1, called directly (not through the extension's message bus)
 *   --env=node       fake-indexeddb in node: NOT a browser; a pure-JS IndexedDB, far slower
 *   --env=extension  the built extension (.output/chrome-mv3; `npx wxt build` first) in real Chromium:
 *                    from its popup page, every call is a `ui->background` message (clips.put in
 *                    chunks of 2000, clips.list, clips.pages) answered by the service worker
 *   --env=both       chromium, then node
 *   --count=N  --runs=R (timed repetitions; the first, cold, is the one compared to the bar)
 *   --profile=DIR    (chromium) keep the browser profile in DIR: a second run finds the clips
 *                    stored and skips the import (the page is then served on port 38917)
 */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const COUNT = Number(arg('count', '100000'));
const RUNS = Number(arg('runs', '3'));
const ENV = arg('env', 'chromium');
const CHROMIUM_PATH = '/usr/bin/chromium';

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

async function inNode(): Promise<void> {
  console.log(`\n== store bench: fake-indexeddb in node (NOT a browser: a pure-JS IndexedDB), ${COUNT} clips ==`);
  // @ts-expect-error: the side-effect entry of fake-indexeddb ships no types
  await import('fake-indexeddb/auto');
  const { runWorkload, formatMeasures } = await import('./store-workload');
  let peakHeap = 0;
  let peakRss = 0;
  const sampler = setInterval(() => {
    const { heapUsed, rss } = process.memoryUsage();
    peakHeap = Math.max(peakHeap, heapUsed);
    peakRss = Math.max(peakRss, rss);
  }, 50);
  const measures = await runWorkload({ count: COUNT, runs: RUNS, log: console.log });
  clearInterval(sampler);
  console.log(formatMeasures(measures).join('\n'));
  console.log(`peak memory: JS heap ${mb(peakHeap)}, RSS ${mb(peakRss)} (includes the ${COUNT} generated clips during import)`);
}

/** The workload as one script for a page: window.zbStoreBench. */
async function pageBundle(): Promise<string> {
  const entry = `import { runWorkload, formatMeasures } from ${JSON.stringify(join(HERE, 'store-workload.ts'))};
    window.zbStoreBench = { runWorkload, formatMeasures };`;
  const result = await build({
    stdin: { contents: entry, resolveDir: HERE, loader: 'ts' },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

async function inChromium(): Promise<void> {
  console.log(`\n== store bench: real Chromium IndexedDB (${CHROMIUM_PATH}, headless; store code in a page on 127.0.0.1, no message bus), ${COUNT} clips ==`);
  const script = await pageBundle();
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(script);
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><meta charset="utf-8"><title>store bench</title><script src="/bench.js"></script>');
    }
  });
  // With a kept profile the origin (and so the database) must be the same next time: a fixed port.
  await new Promise<void>((resolve) => server.listen(arg('profile', '') ? 38_917 : 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const kept = arg('profile', '');
  const profile = kept || mkdtempSync(join(tmpdir(), 'zb-store-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await context.newPage();
    page.on('console', (message) => console.log(message.text()));
    await page.goto(`http://127.0.0.1:${port}/`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    let peakHeap = 0;
    const sampler = setInterval(() => {
      cdp
        .send('Performance.getMetrics')
        .then(({ metrics }) => {
          const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
          peakHeap = Math.max(peakHeap, used);
        })
        .catch(() => undefined);
    }, 100);
    // A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
    const lines = (await page.evaluate(`(async () => {
      const bench = window.zbStoreBench;
      const measures = await bench.runWorkload({ count: ${COUNT}, runs: ${RUNS}, log: (line) => console.log(line) });
      return bench.formatMeasures(measures);
    })()`)) as string[];
    clearInterval(sampler);
    console.log(lines.join('\n'));
    const usage = (await page.evaluate('navigator.storage.estimate()')) as StorageEstimate;
    console.log(`peak memory: page JS heap ${mb(peakHeap)} (includes the ${COUNT} generated clips during import); IndexedDB on disk: ${mb(usage.usage ?? 0)}`);
  } finally {
    await context.close();
    server.close();
    if (!kept) rmSync(profile, { recursive: true, force: true });
  }
}

const EXTENSION_API = `{
  where: 'built extension over chrome.runtime.sendMessage',
  send: async (type, payload) => {
    const reply = await chrome.runtime.sendMessage({ zb: 1, direction: 'ui->background', type, payload });
    if (!reply || !reply.ok) throw new Error(type + ' failed: ' + JSON.stringify(reply && reply.error));
    return reply.data;
  },
}`;

async function inExtension(): Promise<void> {
  console.log(
    `\n== store bench: the built extension in real Chromium (${CHROMIUM_PATH}, headless), every call a ui->background message from popup.html, ${COUNT} clips ==`,
  );
  const { launchChromiumContext } = await import('../e2e/chromium');
  const script = await pageBundle();
  const { context, extensionId, cleanup } = await launchChromiumContext();
  try {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.text().startsWith('  ')) console.log(message.text());
    });
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    // Evaluated through the devtools protocol, which the extension page's CSP does not govern.
    await page.evaluate(script);
    const lines = (await page.evaluate(`(async () => {
      const bench = window.zbStoreBench;
      const bus = ${EXTENSION_API};
      const api = {
        where: bus.where,
        importClips: async (clips, onProgress) => {
          let stored = 0;
          onProgress(0, clips.length);
          for (let i = 0; i < clips.length; i += 2000) {
            stored += (await bus.send('clips.put', { clips: clips.slice(i, i + 2000) })).stored;
            onProgress(Math.min(i + 2000, clips.length), clips.length);
          }
          return { stored };
        },
        listClips: (query) => bus.send('clips.list', query),
        listPages: (query) => bus.send('clips.pages', query),
      };
      const measures = await bench.runWorkload({ count: ${COUNT}, runs: ${RUNS}, log: (line) => console.log(line), api });
      return bench.formatMeasures(measures);
    })()`)) as string[];
    console.log(lines.join('\n'));
    // The popup as a user opens it on a store that already holds them all: a fresh page, the
    // import's change notices long handled.
    await page.close();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const fresh = await context.newPage();
    await fresh.goto(`chrome-extension://${extensionId}/popup.html`);
    await fresh.evaluate(script);
    console.log(`-- a newly opened popup.html, ${COUNT} clips stored --`);
    const again = (await fresh.evaluate(`(async () => {
      const bench = window.zbStoreBench;
      const bus = ${EXTENSION_API};
      const api = { where: bus.where, importClips: async () => ({ stored: 0 }), listClips: (q) => bus.send('clips.list', q), listPages: (q) => bus.send('clips.pages', q) };
      return bench.formatMeasures(await bench.runWorkload({ count: ${COUNT}, runs: ${RUNS}, log: () => {}, api, stream: false }));
    })()`)) as string[];
    console.log(again.filter((line) => !line.startsWith('generate')).join('\n'));
  } finally {
    await cleanup();
  }
}

if (ENV === 'extension') await inExtension();
if (ENV === 'chromium' || ENV === 'both') await inChromium();
if (ENV === 'node' || ENV === 'both') await inNode();
