import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
const entry = `import { scanShards } from './lib/store/search-shards'; import { read } from './lib/store/db'; import { searchWords } from './lib/store/records'; import { listClips } from './lib/store/clip-query';
window.zb = { scanShards, read, searchWords, listClips };`;
const bundle = (await build({ stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, format: 'iife', write: false })).outputFiles[0].text;
const server = createServer((req, res) => { if (req.url === '/b.js') { res.writeHead(200, {'content-type':'text/javascript'}); res.end(bundle); } else { res.writeHead(200, {'content-type':'text/html'}); res.end('<!doctype html><meta charset=utf-8><script src="/b.js"></script>'); } });
await new Promise<void>((r) => server.listen(38917, '127.0.0.1', r));
const ctx = await chromium.launchPersistentContext('/tmp/x/prof100k', { executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu'] });
const page = await ctx.newPage();
page.on('console', (m) => console.log(m.text()));
await page.goto(`http://127.0.0.1:38917/`);
await page.evaluate(`(async () => {
  const { scanShards, read, searchWords, listClips } = window.zb;
  for (const q of ['不存在的词', '冰雪旅游', '增长', '生產總值 增長']) {
    for (let rep = 0; rep < 3; rep++) {
      let t = performance.now();
      const raw = await read(['search', 'clips'], async (tx) => { const all = await tx.objectStore('search').getAll(); return all.length; });
      const tRead = performance.now() - t;
      t = performance.now();
      const scan = await read(['search', 'clips'], (tx) => scanShards(tx, searchWords(q), 50));
      const tScan = performance.now() - t;
      t = performance.now();
      const r = await listClips({ search: q, limit: 50 });
      const tList = performance.now() - t;
      console.log(q, 'read all shards', tRead.toFixed(0), '| scanShards', tScan.toFixed(0), '| listClips', tList.toFixed(0), 'hits', scan.total, 'shards', raw);
    }
  }
})()`);
await ctx.close(); server.close();
