/** Test pages: the shared corpus texts as HTML pages, and hand-written negative fixtures. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');

/** The corpus: $ZB_CORPUS, else the repo's own copy (the e2e fixtures'), else the shared one beside the repo. */
export function corpusDir(): string {
  const candidates = [process.env.ZB_CORPUS, join(repoRoot, 'test/e2e/fixtures/corpus'), resolve(repoRoot, '../shared/corpus')];
  for (const dir of candidates) if (dir && existsSync(dir) && readdirSync(dir).some((f) => /^\d{3}_.*\.txt$/.test(f))) return dir;
  throw new Error(`corpus texts not found (looked in ${candidates.filter(Boolean).join(', ')}); set ZB_CORPUS`);
}

export function corpusFiles(): { name: string; text: string }[] {
  const dir = corpusDir();
  return readdirSync(dir)
    .filter((f) => /^\d{3}_.*\.txt$/.test(f))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

export function fixture(name: string): string {
  return readFileSync(join(here, '../fixtures', name), 'utf8');
}

/**
 * Replaces `doc`'s content with the text as a plain page: one <p> per non-empty line, inside an
 * <article>, no title unless given (detection must not need one). Text goes in as text.
 */
export function loadTextPage(doc: Document, text: string, options: { title?: string } = {}): void {
  doc.head.replaceChildren();
  doc.body.replaceChildren();
  doc.title = options.title ?? '';
  const article = doc.createElement('article');
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const p = doc.createElement('p');
    p.textContent = line;
    article.appendChild(p);
  }
  doc.body.appendChild(article);
}

/** Replaces `doc`'s content with a fixture page's markup (our own, trusted HTML). */
export function loadHtmlPage(doc: Document, html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  doc.head.replaceChildren(...Array.from(parsed.head.childNodes).map((n) => doc.importNode(n, true)));
  doc.body.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => doc.importNode(n, true)));
  doc.title = parsed.title;
}
