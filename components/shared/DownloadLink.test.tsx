// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DownloadLink } from './DownloadLink';
import { byTestId, mount, settle, unmountAll } from './test-support';

let clicks = 0;
beforeEach(() => {
  clicks = 0;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {
    clicks++;
  });
});
afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
});

describe('DownloadLink', () => {
  it('starts each new file once and keeps the link for saving again', async () => {
    const file = { href: 'blob:x/1', name: 'a.csv', serial: 1 };
    const { root } = mount(<DownloadLink file={file} label="下载 CSV…" testId="download-link" />);
    await settle();
    const link = byTestId<HTMLAnchorElement>(root, 'download-link');
    expect(link.getAttribute('download')).toBe('a.csv');
    expect(link.getAttribute('href')).toBe('blob:x/1');
    expect(clicks).toBe(1);
  });

  it('renders nothing before the first export', () => {
    const { root } = mount(<DownloadLink label="下载 CSV…" testId="download-link" />);
    expect(root.querySelector('a')).toBeNull();
  });
});
