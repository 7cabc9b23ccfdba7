// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelApp } from './PanelApp';
import {
  allByTestId,
  byTestId,
  panelPort,
  choose,
  click,
  key,
  makeFigure,
  mount,
  pageTab,
  PAGE_URL,
  reportFigures,
  reportPort,
  row,
  rowKeys,
  type,
  unmountAll,
  until,
} from './testing';

afterEach(unmountAll);

async function open(port = reportPort(), props: Partial<Parameters<typeof PanelApp>[0]> = {}) {
  const { root } = mount(<PanelApp port={port} {...props} />);
  await until(() => expect(rowKeys(root)).toHaveLength(port.tabs.get(port.tabs.keys().next().value!)!.figures.length));
  return root;
}
const cell = (root: ParentNode, rowKey: string, col: string) => row(root, rowKey).querySelector(`[data-col="${col}"]`)!.textContent;
const checkbox = (root: ParentNode, rowKey: string) => row(root, rowKey).querySelector<HTMLInputElement>('[data-testid="row-clip"]')!;

describe('the page table', () => {
  it('lists the active tab’s figures with label, figure as written, value, unit, qualifier and role', async () => {
    const root = await open();
    expect(rowKeys(root)).toEqual(['gdp23', 'jobs23', 'grain23', 'gdp24', 'jobs24', 'invest24']);
    expect(cell(root, 'jobs24', 'label')).toBe('城镇新增就业');
    expect(cell(root, 'jobs24', 'text')).toBe('1200万人');
    expect(cell(root, 'jobs24', 'value')).toBe('12,000,000');
    expect(cell(root, 'jobs24', 'unit')).toBe('人');
    expect(cell(root, 'jobs24', 'qualifier')).toBe('≥');
    expect(cell(root, 'jobs24', 'role')).toBe('目标');
    expect(byTestId(root, 'page-counts').textContent).toBe('6 个指标，已摘录 0 个，显示 6 个');
  });

  it('shows ranges and changes in their own columns', async () => {
    const port = panelPort({
      tabs: [pageTab(3, [makeFigure({ key: 'r', value: 3, valueMax: 5, unit: '年' }), makeFigure({ key: 'c', value: 95, from: 55 })])],
    });
    const root = await open(port);
    expect(cell(root, 'r', 'range')).toBe('3–5');
    expect(cell(root, 'c', 'change')).toBe('55 → 95');
  });

  it('filters to 目标, by dimension, by clipped, and by text in either script', async () => {
    const port = reportPort();
    await port.setClipped(7, ['gdp23'], true);
    const root = await open(port);
    await choose(byTestId(root, 'filter-role'), 'target');
    expect(rowKeys(root)).toEqual(['gdp24', 'jobs24', 'invest24']);
    await choose(byTestId(root, 'filter-role'), 'all');
    await choose(byTestId(root, 'filter-dimension'), 'count');
    expect(rowKeys(root)).toEqual(['jobs23', 'jobs24']);
    await choose(byTestId(root, 'filter-dimension'), 'all');
    await choose(byTestId(root, 'filter-clipped'), 'clipped');
    expect(rowKeys(root)).toEqual(['gdp23']);
    await choose(byTestId(root, 'filter-clipped'), 'all');
    await type(byTestId(root, 'filter-text'), '計劃總投資');
    expect(rowKeys(root)).toEqual(['invest24']);
  });

  it('sorts by a column header, then the other way, and says so to assistive technology', async () => {
    const root = await open();
    await click(byTestId(root, 'sort-value'));
    expect(rowKeys(root)).toEqual(['gdp24', 'gdp23', 'jobs24', 'jobs23', 'invest24', 'grain23']);
    expect(byTestId(root, 'sort-value').parentElement!.getAttribute('aria-sort')).toBe('ascending');
    await click(byTestId(root, 'sort-value'));
    expect(rowKeys(root)[0]).toBe('grain23');
    expect(byTestId(root, 'sort-value').parentElement!.getAttribute('aria-sort')).toBe('descending');
  });

  it('groups rows under their section headings', async () => {
    const root = await open();
    await click(byTestId(root, 'group-by-section'));
    const lines = [...root.querySelectorAll('[data-testid="group-row"], [data-testid="figure-row"]')].map((el) =>
      el.getAttribute('data-testid') === 'group-row' ? `# ${el.textContent}` : el.getAttribute('data-key'),
    );
    expect(lines).toEqual(['# 一、2023年工作回顾 (3)', 'gdp23', 'jobs23', 'grain23', '# 二、2024年发展主要预期目标 (3)', 'gdp24', 'jobs24', 'invest24']);
  });

  it('renders only the rows in view of a long page', async () => {
    const figures = Array.from({ length: 3000 }, (_, i) => makeFigure({ key: `k${i}`, order: i, value: i }));
    const port = panelPort({ tabs: [pageTab(1, figures)] });
    const { root } = mount(<PanelApp port={port} />);
    await until(() => expect(byTestId(root, 'page-counts').textContent).toContain('3000 个指标'));
    expect(rowKeys(root).length).toBeLessThan(60);
    expect(byTestId(root, 'figure-grid').getAttribute('aria-rowcount')).toBe('3001');
  });
});

describe('selecting and focusing', () => {
  it('a click selects the row, shows its sentence and asks the page to focus the figure', async () => {
    const port = reportPort();
    const root = await open(port);
    await click(row(root, 'jobs24'));
    expect(row(root, 'jobs24').getAttribute('aria-selected')).toBe('true');
    expect(byTestId(root, 'sentence').textContent).toBe('城镇新增就业1200万人以上。');
    expect(byTestId(root, 'sentence').querySelector('mark')!.textContent).toBe('1200万人');
    expect(port.calls.filter((c) => c.method === 'focusFigure').map((c) => c.args)).toEqual([[7, 'jobs24']]);
  });

  it('a figure focused in the page selects its row', async () => {
    const port = reportPort();
    const root = await open(port);
    port.emit({ type: 'page.focused', tabId: 7, key: 'grain23' });
    await until(() => expect(row(root, 'grain23').getAttribute('aria-selected')).toBe('true'));
    expect(byTestId(root, 'sentence').textContent).toBe('粮食产量13908亿斤。');
    // Focus pushed from another tab is not ours.
    port.emit({ type: 'page.focused', tabId: 8, key: 'gdp23' });
    await until(() => expect(row(root, 'gdp23').getAttribute('aria-selected')).toBe('false'));
  });

  it('arrow keys move the selection and the focus; space clips the active row', async () => {
    const port = reportPort();
    const root = await open(port);
    await click(row(root, 'gdp23'));
    await key(row(root, 'gdp23'), 'ArrowDown');
    await key(row(root, 'jobs23'), 'ArrowDown');
    expect(row(root, 'grain23').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(row(root, 'grain23'));
    await key(row(root, 'grain23'), 'ArrowUp');
    expect(document.activeElement).toBe(row(root, 'jobs23'));
    expect(port.calls.filter((c) => c.method === 'focusFigure').map((c) => c.args[1])).toEqual(['gdp23', 'jobs23', 'grain23', 'jobs23']);
    await key(row(root, 'jobs23'), ' ');
    await until(() => expect(checkbox(root, 'jobs23').checked).toBe(true));
    expect([...port.clips.values()].map((c) => c.indicator.label)).toEqual(['城镇新增就业']);
    await key(row(root, 'jobs23'), 'End');
    expect(document.activeElement).toBe(row(root, 'invest24'));
  });

  it('shift-click extends the selection; copy puts the selected rows on the clipboard as TSV', async () => {
    const copyText = vi.fn(async () => undefined);
    const exporter = { csv: vi.fn(), xlsx: vi.fn(), tsv: vi.fn((rows: { indicator: { label: string } }[]) => rows.map((r) => r.indicator.label).join('\n')) };
    const root = await open(reportPort(), { copyText, exporter: exporter as never });
    await click(row(root, 'jobs23'));
    await click(row(root, 'jobs24'), { shiftKey: true });
    expect(rowKeys(root).filter((k) => row(root, k).getAttribute('aria-selected') === 'true')).toEqual(['jobs23', 'grain23', 'gdp24', 'jobs24']);
    await click(byTestId(root, 'copy-selected'));
    await until(() => expect(copyText).toHaveBeenCalledWith('城镇新增就业\n粮食产量\n国内生产总值\n城镇新增就业'));
    expect(byTestId(root, 'toast-message').textContent).toBe('已复制 4 行');
  });
});

describe('clipping', () => {
  it('a checkbox clips the figure; the row shows it once the page says so', async () => {
    const port = reportPort();
    const root = await open(port);
    await click(checkbox(root, 'gdp24'));
    await until(() => expect(checkbox(root, 'gdp24').checked).toBe(true));
    expect(port.calls.find((c) => c.method === 'setClipped')!.args).toEqual([7, ['gdp24'], true]);
    expect(byTestId(root, 'page-counts').textContent).toBe('6 个指标，已摘录 1 个，显示 6 个');
  });

  it('shift-click on a checkbox clips every row from the last one checked', async () => {
    const port = reportPort();
    const root = await open(port);
    await click(checkbox(root, 'jobs23'));
    await until(() => expect(checkbox(root, 'jobs23').checked).toBe(true));
    await click(checkbox(root, 'jobs24'), { shiftKey: true });
    await until(() => expect(rowKeys(root).filter((k) => checkbox(root, k).checked)).toEqual(['jobs23', 'grain23', 'gdp24', 'jobs24']));
  });

  it('“clip all shown” clips the filtered rows only, and can be undone', async () => {
    const port = reportPort();
    const root = await open(port);
    await choose(byTestId(root, 'filter-role'), 'target');
    expect(byTestId(root, 'clip-all-shown').textContent).toBe('摘录显示的 3 个');
    await click(byTestId(root, 'clip-all-shown'));
    await until(() => expect(byTestId(root, 'toast-message').textContent).toBe('已摘录 3 个'));
    expect([...port.clips.values()].map((c) => c.anchor.prefix).sort()).toEqual(['gdp24', 'invest24', 'jobs24']);
    await click(byTestId(root, 'toast-undo'));
    await until(() => expect(port.clips.size).toBe(0));
    await until(() => expect(rowKeys(root).filter((k) => checkbox(root, k).checked)).toEqual([]));
  });

  it('unclipping deletes the clip, corrections and all, and 撤销 brings it back', async () => {
    const port = reportPort();
    await port.setClipped(7, ['invest24'], true);
    const id = [...port.clips.keys()][0];
    await port.updateClip(id, { label: '项目计划总投资', note: '重点项目' });
    const root = await open(port);
    expect(cell(root, 'invest24', 'label')).toBe('项目计划总投资*已修改');
    await click(checkbox(root, 'invest24'));
    await until(() => expect(checkbox(root, 'invest24').checked).toBe(false));
    expect(port.clips.size).toBe(0);
    expect(byTestId(root, 'toast-message').textContent).toBe('已取消摘录 1 个');
    await click(byTestId(root, 'toast-undo'));
    await until(() => expect(checkbox(root, 'invest24').checked).toBe(true));
    expect(port.clips.get(id)!.note).toBe('重点项目');
    expect(cell(root, 'invest24', 'label')).toBe('项目计划总投资*已修改');
  });

  it('clear-page can be undone', async () => {
    const port = reportPort();
    await port.setClipped(7, ['gdp23', 'gdp24'], true);
    const root = await open(port);
    await click(byTestId(root, 'clear-page'));
    await until(() => expect(byTestId(root, 'toast-message').textContent).toBe('已清除 2 条摘录'));
    await until(() => expect(rowKeys(root).filter((k) => checkbox(root, k).checked)).toEqual([]));
    await click(byTestId(root, 'toast-undo'));
    await until(() => expect(rowKeys(root).filter((k) => checkbox(root, k).checked)).toEqual(['gdp23', 'gdp24']));
  });

  it('a clip made by clicking in the page appears without a reload', async () => {
    const port = reportPort();
    const root = await open(port);
    port.clipInPage(7, 'grain23');
    await until(() => expect(checkbox(root, 'grain23').checked).toBe(true));
  });
});

describe('corrections', () => {
  it('edits label and role of a clipped figure with updateClip, marks them edited and shows the original', async () => {
    const port = reportPort();
    await port.setClipped(7, ['gdp24'], true);
    const id = [...port.clips.keys()][0];
    const root = await open(port);
    await click(row(root, 'gdp24'));
    const label = await until(() => byTestId<HTMLInputElement>(root, 'edit-label'));
    label.value = '国内生产总值增速';
    label.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => expect(byTestId(root, 'edited-label').textContent).toBe('原值：国内生产总值'));
    await choose(byTestId(root, 'edit-role'), 'actual');
    await until(() => expect(byTestId(root, 'edited-role').textContent).toBe('原值：目标'));
    const patches = port.calls.filter((c) => c.method === 'updateClip').map((c) => c.args);
    expect(patches).toEqual([
      [id, { label: '国内生产总值增速' }],
      [id, { role: 'actual' }],
    ]);
    await until(() => expect(cell(root, 'gdp24', 'role')).toBe('实际*已修改'));
    expect(port.clips.get(id)!.original!.label).toBe('国内生产总值');
  });

  it("shows the corrections of a clip kept under a frame's own page (an article in an iframe)", async () => {
    const FRAME_URL = 'https://www.gov.cn/zhengce/article.htm';
    const port = reportPort();
    await port.setClipped(7, ['gdp24'], true);
    const [id, clip] = [...port.clips.entries()][0];
    port.clips.set(id, {
      ...clip,
      url: FRAME_URL,
      indicator: { ...clip.indicator, label: '框架内的国内生产总值' },
      edited: ['label'],
      original: clip.indicator,
    });
    const figures = port.pageFigures.bind(port);
    port.pageFigures = async (tabId) => ({ ...(await figures(tabId)), pages: [FRAME_URL] });
    const root = await open(port);
    await click(row(root, 'gdp24'));
    const label = await until(() => byTestId<HTMLInputElement>(root, 'edit-label'));
    expect(label.value).toBe('框架内的国内生产总值');
    expect(byTestId(root, 'edited-label').textContent).toBe('原值：国内生产总值');
  });

  it('refuses a value that is not a number, keeps what was typed and saves nothing', async () => {
    const port = reportPort();
    await port.setClipped(7, ['jobs24'], true);
    const root = await open(port);
    await click(row(root, 'jobs24'));
    const value = await until(() => byTestId<HTMLInputElement>(root, 'edit-value'));
    await type(value, '一千二百万');
    value.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => expect(byTestId(root, 'edit-error').textContent).toContain('数值须为数字'));
    expect(byTestId<HTMLInputElement>(root, 'edit-value').value).toBe('一千二百万');
    expect(port.calls.some((c) => c.method === 'updateClip')).toBe(false);
    await type(byTestId(root, 'edit-value'), '12,500,000');
    byTestId(root, 'edit-value').dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => expect(port.calls.filter((c) => c.method === 'updateClip').map((c) => c.args[1])).toEqual([{ value: 12_500_000 }]));
  });

  it('choosing another row shows that clip in the editor at once, and an edit made then goes to it', async () => {
    const port = reportPort();
    await port.setClipped(7, ['gdp24', 'jobs24'], true);
    const idOf = (key: string) =>
      [...port.clips.values()].find((c) => c.indicator.text === port.tabs.get(7)!.figures.find((f) => f.key === key)!.indicator.text)!.id;
    const root = await open(port);
    await click(row(root, 'gdp24'));
    await until(() => expect(byTestId<HTMLInputElement>(root, 'edit-label').value).toBe('国内生产总值'));
    // Outside act(), so effects stay pending as in a browser before its next frame: in the render
    // that shows the new row, the editor must already be that row's.
    row(root, 'jobs24').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(byTestId(root, 'figure-detail').textContent).toContain('1200万人');
    const label = byTestId<HTMLInputElement>(root, 'edit-label');
    expect(label.value).toBe('城镇新增就业');
    label.value = '城镇新增就业人数';
    label.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() =>
      expect(port.calls.filter((c) => c.method === 'updateClip').map((c) => c.args)).toEqual([[idOf('jobs24'), { label: '城镇新增就业人数' }]]),
    );
  });

  it('an unclipped figure offers no editor', async () => {
    const root = await open();
    await click(row(root, 'gdp24'));
    expect(allByTestId(root, 'clip-editor')).toHaveLength(0);
  });
});

describe('following the tab', () => {
  it('follows the active tab and re-reads when the page changes', async () => {
    const port = panelPort({
      tabs: [pageTab(1, reportFigures()), pageTab(2, [makeFigure({ key: 'other', label: '森林覆盖率' })], 'https://www.gov.cn/other.htm')],
      active: 1,
    });
    const root = await open(port);
    port.activate(2);
    await until(() => expect(rowKeys(root)).toEqual(['other']));
    port.setFigures(2, [makeFigure({ key: 'other', label: '森林覆盖率' }), makeFigure({ key: 'more', label: '草原综合植被盖度' })]);
    port.emit({ type: 'page.changed', tabId: 2 });
    await until(() => expect(rowKeys(root)).toEqual(['other', 'more']));
    expect(port.calls.filter((c) => c.method === 'pageFigures').length).toBe(3);
  });

  it('reads the page again when the active tab navigates', async () => {
    const port = panelPort({ tabs: [pageTab(1, reportFigures())], active: 1 });
    const root = await open(port);
    port.tabs.get(1)!.status = { ...port.tabs.get(1)!.status!, url: 'https://www.gov.cn/next.htm', title: '下一页' };
    port.setFigures(1, [makeFigure({ key: 'n1', label: '耕地保有量' })]);
    port.activate(1);
    await until(() => expect(rowKeys(root)).toEqual(['n1']));
    expect(byTestId(root, 'page-panel').querySelector('h2')!.textContent).toBe('下一页');
  });

  it('stays on the tab it was opened for (?tabId=N)', async () => {
    const port = panelPort({ tabs: [pageTab(1, reportFigures()), pageTab(2, [makeFigure({ key: 'other' })], 'https://www.gov.cn/other.htm')], active: 2 });
    const { root } = mount(<PanelApp port={port} tabId={1} />);
    await until(() => expect(rowKeys(root)).toHaveLength(6));
    port.activate(2);
    await new Promise((r) => setTimeout(r, 30));
    expect(rowKeys(root)).toHaveLength(6);
  });

  it('says so when the tab cannot be read', async () => {
    const port = panelPort({ tabs: [{ tab: { tabId: 4 }, figures: [] }], active: 4 });
    const { root } = mount(<PanelApp port={port} />);
    await until(() => expect(byTestId(root, 'page-unavailable').textContent).toContain('无法读取此标签页'));
  });

  it('lists stored clips not found on the page as 未找到, with their sentence and when they were clipped', async () => {
    const port = reportPort();
    const stray = {
      ...port.clipOfFigure(7, 'gdp24'),
      id: 'c_gone',
      anchor: { exact: '6.5%', prefix: '', suffix: '', position: 1 },
      sentence: '增长6.5%左右。',
    };
    port.clips.set(stray.id, stray);
    const root = await open(port);
    const orphan = await until(() => byTestId(root, 'orphan'));
    expect(byTestId(root, 'orphans').querySelector('h3')!.textContent).toBe('本页未找到的摘录（1）');
    expect(orphan.textContent).toContain('未找到');
    expect(orphan.textContent).toContain('增长6.5%左右。');
    expect(orphan.textContent).toContain('摘录于 2026');
  });
});

it('the page URL used by the helpers is the report page', () => expect(PAGE_URL).toMatch(/^https:/));

describe('the full-tab view opened without ?tabId', () => {
  it('offers the open pages to choose from, then lists the chosen one’s figures', async () => {
    const port = panelPort({ tabs: [pageTab(1, reportFigures()), { tab: { tabId: 9 }, figures: [] }], active: 9, own: 9 });
    const { root } = mount(<PanelApp port={port} />);
    const choice = await until(() => byTestId(root, 'choose-tab'));
    expect(allByTestId(root, 'choose-tab').map((b) => b.textContent)).toEqual(['政府工作报告']);
    await click(choice);
    await until(() => expect(rowKeys(root)).toHaveLength(6));
  });
});

describe('a long page', () => {
  it('keeps the row chosen by the keyboard in view, and renders the rows scrolled to', async () => {
    const figures = Array.from({ length: 500 }, (_, i) => makeFigure({ key: `k${i}`, order: i, value: i }));
    const port = panelPort({ tabs: [pageTab(1, figures)] });
    const { root } = mount(<PanelApp port={port} />);
    await until(() => expect(rowKeys(root).length).toBeGreaterThan(0));
    await click(row(root, 'k0'));
    await key(row(root, 'k0'), 'End');
    expect(document.activeElement).toBe(row(root, 'k499'));
    expect(rowKeys(root)).not.toContain('k0');
    const body = byTestId(root, 'figure-grid-body');
    await act(() => {
      body.scrollTop = 250 * 32;
      body.dispatchEvent(new Event('scroll'));
    });
    expect(rowKeys(root)).toContain('k250');
    expect(rowKeys(root)).not.toContain('k499');
  });
});
