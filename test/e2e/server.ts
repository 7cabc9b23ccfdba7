/**
 * Static HTTP server for the end-to-end tests and the page benchmark, on 127.0.0.1 and an
 * ephemeral port. Routes:
 *   /corpus/NNN.html        a corpus file (by its number prefix) as a realistic page;
 *                           ?snapshot=1 adds an inline script that records the page text at parse time
 *   /pages/NAME.html        a hand-written page from fixtures/pages (news, shop, dynamic, split, formula, fraction)
 *   /pdf/NAME.pdf           a PDF the PDF tests generated into test/.tmp/pdf (application/pdf)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusPageHtml, splitCorpusText } from './corpus-page';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(HERE, '../..');
const PAGES_DIR = join(HERE, 'fixtures/pages');

/** The copies under fixtures/ first (the tests must not depend on shared/), then ../shared/corpus. */
export function corpusDir(): string {
  const candidates = [join(HERE, 'fixtures/corpus'), resolve(REPO_ROOT, '../shared/corpus')];
  const found = candidates.find((dir) => existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.txt')));
  if (!found) throw new Error(`no corpus found in ${candidates.join(' or ')}`);
  return found;
}

export interface CorpusPage {
  /** Number prefix of the file, e.g. "001". */
  id: string;
  file: string;
  path: string;
  title: string;
  bytes: number;
}

export function listCorpusPages(dir = corpusDir()): CorpusPage[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_.*\.txt$/.test(f))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const id = f.slice(0, 3);
      return { id, file: join(dir, f), path: `/corpus/${id}.html`, title: splitCorpusText(text).title, bytes: Buffer.byteLength(text) };
    });
}

export interface FixtureServer {
  url: string;
  corpus: CorpusPage[];
  close(): Promise<void>;
}

function send(res: import('node:http').ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(body);
}

export async function startServer(): Promise<FixtureServer> {
  const corpus = listCorpusPages();
  const byId = new Map(corpus.map((p) => [p.id, p]));
  const server: Server = createServer((req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const corpusMatch = /^\/corpus\/(\d{3})\.html$/.exec(url.pathname);
      if (corpusMatch && byId.has(corpusMatch[1])) {
        const text = readFileSync(byId.get(corpusMatch[1])!.file, 'utf8');
        send(res, 200, 'text/html', corpusPageHtml(text, { snapshot: url.searchParams.has('snapshot') }));
        return;
      }
      const pageMatch = /^\/pages\/([a-z0-9-]+\.html)$/.exec(url.pathname);
      if (pageMatch && existsSync(join(PAGES_DIR, pageMatch[1]))) {
        send(res, 200, 'text/html', readFileSync(join(PAGES_DIR, basename(pageMatch[1])), 'utf8'));
        return;
      }
      const pdfMatch = /^\/pdf\/([a-z0-9-]+\.pdf)$/.exec(url.pathname);
      const pdfFile = pdfMatch && join(REPO_ROOT, 'test/.tmp/pdf', pdfMatch[1]);
      if (pdfFile && existsSync(pdfFile)) {
        res.writeHead(200, { 'content-type': 'application/pdf', 'cache-control': 'no-store' });
        res.end(readFileSync(pdfFile));
        return;
      }
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204).end();
        return;
      }
      send(res, 404, 'text/plain', 'not found');
    } catch (e) {
      send(res, 500, 'text/plain', String(e));
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    corpus,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

// `npx tsx test/e2e/server.ts` serves the pages for a look in a browser.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const served = await startServer();
  console.log(`serving on ${served.url}`);
  for (const p of served.corpus) console.log(`  ${served.url}${p.path}  ${p.title}`);
  for (const f of readdirSync(PAGES_DIR)) console.log(`  ${served.url}/pages/${f}`);
}
