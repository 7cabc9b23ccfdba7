import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOG } from './catalog';
import { LOCALES } from './fragment';
import { setLocale } from './locale';
import { isPageMessage, pageT } from './page-words';

const REPO = resolve(__dirname, '../..');

/** The repository's modules a module loads at run time (relative imports, `import type` left out). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gms)) {
    // `import { type A, type B } from` loads nothing either.
    const names = match[0].match(/\{([^}]*)\}/)?.[1];
    if (names?.split(',').every((n) => !n.trim() || n.trim().startsWith('type '))) continue;
    const base = resolve(dirname(file), match[1]);
    const candidates = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base];
    const hit = candidates.find((c) => existsSync(c) && statSync(c).isFile());
    if (hit) found.push(hit);
  }
  return found;
}

describe("the content script's words", () => {
  afterEach(() => setLocale('auto'));

  it('are the catalogue’s own strings, in each language', () => {
    const keys = Object.keys(CATALOG['zh-CN']).filter(isPageMessage);
    expect(keys.length).toBeGreaterThan(20);
    expect(keys).toContain('page.tooltip.clip');
    expect(keys).toContain('common.role.target');
    for (const locale of LOCALES) {
      setLocale(locale);
      for (const key of keys) expect(pageT(key), `${locale} ${key}`).toBe(CATALOG[locale][key]);
    }
    setLocale('en');
    expect(pageT('page.tooltip.label', { label: 'GDP' })).toBe(CATALOG.en['page.tooltip.label'].replace('{label}', 'GDP'));
  });

  it('leave out the other screens', () => {
    expect(isPageMessage('page.toast.prefix')).toBe(true);
    expect(isPageMessage('panel.title')).toBe(false);
    expect(isPageMessage('error.message.unknown')).toBe(false);
  });

  it('are all the content script loads of the catalogue (it runs on every page)', () => {
    const seen = new Set<string>();
    const queue = [resolve(REPO, 'entrypoints/page-content/index.ts')];
    while (queue.length) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      queue.push(...runtimeImports(file));
    }
    const loaded = [...seen].map((f) => f.slice(REPO.length + 1));
    expect(loaded).toContain('lib/i18n/page-words.ts');
    expect(loaded).toContain('lib/page/controller.ts');
    expect(loaded.filter((f) => f.startsWith('lib/i18n/catalog/')).sort()).toEqual([
      'lib/i18n/catalog/common.ts',
      'lib/i18n/catalog/manual.ts',
      'lib/i18n/catalog/page.ts',
    ]);
  });
});
