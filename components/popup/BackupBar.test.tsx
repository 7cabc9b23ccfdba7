// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseBackup } from '../../lib/store/backup';
import { BackupBar } from './BackupBar';
import { byTestId, click, makeClip, mount, settle, unmountAll } from '../shared/test-support';

const blobs = new Map<string, Blob>();

beforeEach(() => {
  blobs.clear();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:zhibiao/${blobs.size + 1}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
});

afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
});

describe('BackupBar', () => {
  it('exports every clip as a backup that reads back whole', async () => {
    const clips = [makeClip({ text: '1%' }), makeClip({ text: '2%', label: '<script>x</script>' })];
    const { root } = mount(<BackupBar allClips={clips} busy={false} onImport={vi.fn()} onError={vi.fn()} />);
    await click(byTestId(root, 'export-backup'));
    await settle();
    const link = byTestId<HTMLAnchorElement>(root, 'backup-link');
    expect(link.getAttribute('download')).toMatch(/\.json$/);
    const text = await blobs.get(link.getAttribute('href')!)!.text();
    expect(parseBackup(text)).toEqual({ clips, rejected: [] });
  });

  it('hands the chosen file to the importer', async () => {
    const onImport = vi.fn();
    const { root } = mount(<BackupBar allClips={[]} busy={false} onImport={onImport} onError={vi.fn()} />);
    const input = byTestId<HTMLInputElement>(root, 'import-backup');
    expect(input.type).toBe('file');
    const file = new File(['{}'], 'backup.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onImport).toHaveBeenCalledWith(file);
  });
});
