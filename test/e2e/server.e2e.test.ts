/** The fixture server serves every corpus file whole, as a page a browser reads the same way. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusPageHtml, splitCorpusText } from './corpus-page';
import { type FixtureServer, listCorpusPages, startServer } from './server';

/** The text of the page's elements, tags dropped and entities decoded, one line per element. */
function textOf(html: string): string {
  return html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

describe('fixture server', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server?.close());

  it('finds the five corpus files', () => {
    expect(server.corpus.map((p) => p.id)).toEqual(['000', '001', '002', '003', '004']);
  });

  it.each(listCorpusPages())('serves corpus $id as UTF-8 HTML holding every line of the file', async (page) => {
    const response = await fetch(`${server.url}${page.path}`);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    const text = textOf(html);
    // List bullets (•) become <li> items, as on the site.
    const lines = readFileSync(page.file, 'utf8')
      .split('\n')
      .map((l) => l.trim().replace(/^•\s*/, ''))
      .filter(Boolean);
    expect(lines.filter((line) => !text.includes(line))).toEqual([]);
    expect(html).toContain(`<title>`);
    expect(page.title.length).toBeGreaterThan(0);
  });

  it('puts the navigation in <nav> and the site footer in <footer>', () => {
    const text = readFileSync(listCorpusPages().find((p) => p.id === '002')!.file, 'utf8');
    const parts = splitCorpusText(text);
    expect(parts.header.map((h) => h.kind)).toEqual(['nav', 'meta']);
    expect(parts.title).toBe('市环境局首场作风建设专项行动专题研讨会圆满召开');
    expect(parts.footer.some((l) => l.includes('邮编'))).toBe(true);
    expect(parts.body.some((l) => l.includes('邮编'))).toBe(false);
  });

  it('escapes page text instead of letting it become markup', () => {
    const html = corpusPageHtml('标题\n<script>alert(1)</script> & "引号"\n');
    expect(html).not.toContain('<script>alert');
    expect(textOf(html)).toContain('<script>alert(1)</script> & "引号"');
  });

  it('answers 404 for anything else', async () => {
    expect((await fetch(`${server.url}/corpus/999.html`)).status).toBe(404);
    expect((await fetch(`${server.url}/pages/../server.ts`)).status).toBe(404);
  });
});
