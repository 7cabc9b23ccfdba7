// @vitest-environment happy-dom
/** The page table's export: the shown rows, offered as a file through the shared download link. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelApp } from './PanelApp';
import { byTestId, choose, click, mount, reportPort, rowKeys, unmountAll, until } from './testing';

afterEach(unmountAll);

async function open(port = reportPort(), props: Partial<Parameters<typeof PanelApp>[0]> = {}) {
  const { root } = mount(<PanelApp port={port} {...props} />);
  await until(() => expect(rowKeys(root)).toHaveLength(port.tabs.get(port.tabs.keys().next().value!)!.figures.length));
  return root;
}

describe('export', () => {
  it('offers the shown rows as a file through the shared download link, started once, kept to save again', async () => {
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.getAttribute('download') ?? '');
    });
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return `blob:test/${created.length}`;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const exported: string[][] = [];
    const exporter = {
      csv: vi.fn((rows: { indicator: { label: string } }[]) => {
        exported.push(rows.map((r) => r.indicator.label));
        return new Blob(['x'], { type: 'text/csv;charset=utf-8' });
      }),
      xlsx: vi.fn(async () => new Blob(['y'], { type: 'application/zip' })),
      tsv: vi.fn(),
    };
    try {
      const root = await open(reportPort(), { exporter: exporter as never });
      expect(root.querySelector('[data-testid="download-link"]')).toBeNull();
      await choose(byTestId(root, 'filter-role'), 'target');
      await click(byTestId(root, 'export-table-csv'));
      const link = await until(() => byTestId<HTMLAnchorElement>(root, 'download-link'));
      expect(exported).toEqual([['国内生产总值', '城镇新增就业', '计划总投资']]);
      expect(link.getAttribute('download')).toMatch(/^zhibiao-figures-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
      expect(link.getAttribute('href')).toBe('blob:test/1');
      expect(created[0].type).toBe('text/csv;charset=utf-8');
      expect(clicks).toEqual([link.getAttribute('download')]);
      await click(byTestId(root, 'export-table-xlsx'));
      await until(() => expect(clicks).toHaveLength(2));
      expect(clicks[1]).toMatch(/\.xlsx$/);
      expect(byTestId(root, 'download-link').getAttribute('href')).toBe('blob:test/2');
    } finally {
      vi.restoreAllMocks();
    }
  });
});
