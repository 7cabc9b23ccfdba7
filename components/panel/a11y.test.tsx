// @vitest-environment happy-dom
// biome-ignore-all lint/a11y: the first test plants broken markup that axe must catch
/**
 * axe-core on the rendered panel: the page table (filtered, grouped, a row selected, a clipped
 * row's editor open, orphans, a toast) and the library. happy-dom has no layout, so the rules
 * that need one (colour contrast) are judged in the real browsers by the e2e.
 */
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelApp } from './PanelApp';
import { allByTestId, byTestId, click, mount, reportPort, row, unmountAll, until } from './testing';

afterEach(unmountAll);

async function violations(root: HTMLElement) {
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// axe walks the whole DOM in happy-dom: seconds on a busy machine, so these get more than vitest's 5 s.
describe('accessibility (axe-core)', { timeout: 30_000 }, () => {
  it('the check finds a control without a name (so a clean result means something)', async () => {
    const { root } = mount(
      <div>
        <select>
          <option>x</option>
        </select>
        <div role="grid">
          <div role="row" aria-selected="true" />
        </div>
      </div>,
    );
    expect((await violations(root)).map((v) => v.split(':')[0]).sort()).toEqual(['aria-required-children', 'select-name']);
  });

  it('the page table, a selected clipped row with its editor, orphans and a toast: no violations', async () => {
    const port = reportPort();
    await port.setClipped(7, ['gdp24'], true);
    const stray = { ...port.clipOfFigure(7, 'jobs24'), id: 'c_gone', sentence: '旧句子。' };
    port.clips.set(stray.id, stray);
    const exporter = { csv: () => new Blob(), xlsx: async () => new Blob(), tsv: () => '' };
    const { root } = mount(<PanelApp port={port} exporter={exporter} />);
    await until(() => expect(allByTestId(root, 'figure-row')).toHaveLength(6));
    await click(byTestId(root, 'group-by-section'));
    await click(row(root, 'gdp24'));
    await until(() => byTestId(root, 'clip-editor'));
    await click(byTestId(root, 'orphan-delete'));
    await until(() => byTestId(root, 'toast-undo'));
    expect(await violations(document.body as HTMLElement)).toEqual([]);
  });

  it('the library with a page open and a clip being edited: no violations', async () => {
    const port = reportPort();
    await port.setClipped(7, ['gdp24', 'jobs24'], true);
    const { root } = mount(<PanelApp port={port} />);
    await click(await until(() => byTestId(root, 'view-library')));
    await click(await until(() => byTestId(root, 'library-page-toggle')));
    await click(await until(() => byTestId(root, 'library-edit')));
    await click(byTestId(root, 'clear-all'));
    expect(await violations(document.body as HTMLElement)).toEqual([]);
  });
});
