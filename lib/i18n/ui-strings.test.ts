/**
 * No word a user can see is written outside the catalogue: every UI source file of the extension
 * pages (components/) and of the page's tooltip and toast (lib/page) is parsed and checked
 * (see ui-strings.ts for what counts as a word).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findUiStrings } from './ui-strings';

const ROOT = join(__dirname, '../..');

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, keep));
    else if (keep(path)) out.push(path);
  }
  return out;
}

/** Tests and their helpers hold sample page text, not UI. */
const isShipped = (path: string) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path) && !/(test-support|testing|fake-port|mock-port)\.tsx?$/.test(path);

const uiFiles = [
  ...filesUnder(join(ROOT, 'components'), isShipped),
  // The page's own UI: the figure tooltip and the toast, drawn in one closed shadow root.
  ...filesUnder(join(ROOT, 'lib/page'), (path) => isShipped(path) && /overlay[^/]*\.ts$/.test(path)),
];

/** Strings a UI file may still write itself (none: every one is in the catalogue). */
const PENDING_IN_LIB_PAGE = new Set<string>();

describe('UI strings', () => {
  it('finds the UI source files', () => {
    expect(uiFiles.map((f) => relative(ROOT, f))).toEqual(
      expect.arrayContaining(['components/popup/App.tsx', 'components/shared/ErrorBanner.tsx', 'lib/page/overlay.ts']),
    );
  });

  it('come from the catalogue in every UI file', () => {
    const findings = uiFiles.flatMap((file) => findUiStrings(relative(ROOT, file), readFileSync(file, 'utf8')));
    const unexpected = findings.filter((f) => !PENDING_IN_LIB_PAGE.has(`${f.file}: ${f.text}`));
    expect(unexpected.map((f) => `${f.file}:${f.line} [${f.rule}] ${f.text}`)).toEqual([]);
  });
});

describe('findUiStrings', () => {
  const check = (source: string) => findUiStrings('sample.tsx', source).map((f) => `${f.rule} ${f.text}`);

  it('flags words in JSX text, display attributes and rendered expressions', () => {
    expect(check(`export const A = () => <p title="Close">关闭</p>;`)).toEqual(['attribute Close', 'jsx-text 关闭']);
    expect(check(`export const B = (p: { on: boolean }) => <b aria-label={'Delete clip'}>{p.on ? 'yes' : t('k')}</b>;`)).toEqual([
      'attribute Delete clip',
      'jsx-expression yes',
    ]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text under test holds a template.
    expect(check('export const C = (n: number) => <input placeholder={`Search ${n}`} alt="图" />;')).toEqual(['attribute Search', 'attribute 图']);
    expect(check(`export const D = () => <p>Loading…</p>;`)).toEqual(['jsx-text Loading…']);
  });

  it('flags Chinese anywhere outside t(), in .ts files too', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text under test holds a template.
    expect(findUiStrings('x.ts', "el.textContent = `指标：${m}`; const s = '后台';").map((f) => f.text)).toEqual(['指标：', '后台']);
  });

  it('passes catalogue calls, marks, class names, data attributes and comparisons', () => {
    expect(
      check(`export const E = (p: { kind: string; busy: boolean }) => (
        <div class="banner banner-error" data-testid="error" role="alert" aria-label={t('common.dismiss')}>
          {t('popup.title', { n: 1 })} × · →
          {p.kind === 'pdf' ? <span class={p.busy ? 'busy' : 'idle'} title={p.kind} /> : null}
          {hasMessage(\`detect.\${p.kind}\`) && <Message id="popup.status.highlighted" values={{}} />}
          {header('clipped', 'panel.col.clipped')}
          {[1, 2].map((n) => <i style={{ top: \`\${n}px\` }} />)}
        </div>
      );`),
    ).toEqual([]);
  });
});
