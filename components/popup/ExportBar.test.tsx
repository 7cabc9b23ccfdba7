// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { errorDetail, errorMessage } from '../shared/ui-error';
import { ExportBar } from './ExportBar';
import { byTestId, click, makeClip, mount, settle, unmountAll } from '../shared/test-support';

const blobs = new Map<string, Blob>();
let clicked: string[] = [];

beforeEach(() => {
  blobs.clear();
  clicked = [];
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:zhibiao/${++n}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => {
    blobs.delete(url);
  });
  // Record the programmatic download click instead of letting the test page navigate.
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this.href);
  });
});

afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
  setLocale('zh-CN');
});

async function bytesOf(url: string): Promise<Uint8Array> {
  return new Uint8Array(await blobs.get(url)!.arrayBuffer());
}

const pageClip = makeClip({ url: 'https://www.gov.cn/a.htm', label: '粮食产量', text: '1.3万亿斤' });
const otherClip = makeClip({ url: 'https://www.stats.gov.cn/b.htm', label: 'CPI', text: '3%' });

describe('ExportBar', () => {
  it('exports this page as a CSV with a BOM, behind a link that stays and was clicked once', async () => {
    const { root } = mount(<ExportBar pageClips={[pageClip]} site="www.gov.cn" allClips={[pageClip, otherClip]} onError={vi.fn()} />);
    expect(root.querySelector('[data-testid="download-link"]')).toBeNull();
    await click(byTestId(root, 'export-page'));
    await settle();
    const link = byTestId<HTMLAnchorElement>(root, 'download-link');
    expect(link.getAttribute('href')).toMatch(/^blob:/);
    expect(link.getAttribute('download')).toMatch(/^zhibiao-www\.gov\.cn-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
    expect(link.textContent).toContain('下载 CSV');
    expect(clicked).toEqual([link.href]);
    const blob = blobs.get(link.getAttribute('href')!)!;
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = await bytesOf(link.getAttribute('href')!);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('粮食产量');
    expect(text).not.toContain('CPI');
  });

  it('exports all clips and revokes the previous file', async () => {
    const { root } = mount(<ExportBar pageClips={[pageClip]} site="www.gov.cn" allClips={[pageClip, otherClip]} onError={vi.fn()} />);
    await click(byTestId(root, 'export-page'));
    await settle();
    const first = byTestId<HTMLAnchorElement>(root, 'download-link').getAttribute('href')!;
    await click(byTestId(root, 'export-all'));
    await settle();
    const link = byTestId<HTMLAnchorElement>(root, 'download-link');
    const second = link.getAttribute('href')!;
    expect(second).not.toBe(first);
    expect(blobs.has(first)).toBe(false);
    expect(link.getAttribute('download')).toMatch(/^zhibiao-all-/);
    const text = new TextDecoder().decode(await bytesOf(second));
    expect(text).toContain('粮食产量');
    expect(text).toContain('CPI');
    expect(clicked).toHaveLength(2);
  });

  it('offers no page export without a page, and no export without clips', () => {
    const { root } = mount(<ExportBar allClips={[]} onError={vi.fn()} />);
    expect(root.querySelector('[data-testid="export-page"]')).toBeNull();
    expect(byTestId<HTMLButtonElement>(root, 'export-all').disabled).toBe(true);
  });

  it('reports a failure to make the file', async () => {
    vi.mocked(URL.createObjectURL).mockImplementation(() => {
      throw new Error('out of memory');
    });
    const onError = vi.fn();
    const { root } = mount(<ExportBar allClips={[otherClip]} onError={onError} />);
    await click(byTestId(root, 'export-all'));
    expect(onError).toHaveBeenCalledWith({ action: 'popup.action.exportCsv', code: 'internal', detail: 'out of memory' });
    const error = onError.mock.calls[0][0];
    expect(errorMessage(error)).toBe('导出 CSV 文件失败：扩展内部错误');
    expect(errorDetail(error)).toBe('out of memory');
  });

  it('writes the CSV header row and role names in the UI language', async () => {
    const csvHeader = async () => {
      const { root } = mount(<ExportBar allClips={[pageClip]} onError={vi.fn()} />);
      await click(byTestId(root, 'export-all'));
      await settle();
      const text = new TextDecoder().decode(await bytesOf(byTestId<HTMLAnchorElement>(root, 'download-link').getAttribute('href')!));
      unmountAll();
      return text.split('\r\n');
    };
    const [zhHeader, zhRow] = await csvHeader();
    expect(zhHeader).toContain('指标名称');
    expect(zhRow).toContain('目标');
    setLocale('en');
    const [enHeader, enRow] = await csvHeader();
    expect(enHeader).toContain('indicator');
    expect(enHeader).not.toContain('指标名称');
    expect(enRow.split(',')).toContain('target');
    setLocale('zh-TW');
    const [twHeader] = await csvHeader();
    expect(twHeader).toContain('指標名稱');
  });
});
