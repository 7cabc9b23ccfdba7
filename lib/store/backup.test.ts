import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { BackupError, backupChunks, backupFileName, backupToJson, parseBackup } from './backup';
import { importClips } from './clip-store';
import { iterateClips, listClips } from './clip-query';
import { sampleClip } from '../model/sample-clip.test-support';
import { PAGE_A, clipsOn, freshDb } from './testing';

const clips = [
  sampleClip({ exact: '5%', value: 5 }),
  sampleClip({ exact: '1200万人', value: 12_000_000, prefix: '城镇新增就业', suffix: '以上' }),
  sampleClip({ url: 'https://www.stats.gov.cn/x.html', label: '居民消费价格涨幅', exact: '3%', value: 3 }),
];
const now = new Date('2024-03-05T09:30:00.000Z');

async function collect(pieces: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const piece of pieces) text += piece;
  return text;
}

describe('backup', () => {
  it('writes every clip under our format, version and export time, and reads them back unchanged', () => {
    const json = backupToJson(clips, now);
    expect(JSON.parse(json)).toMatchObject({ format: 'zhibiao-clips', version: 1, exportedAt: '2024-03-05T09:30:00.000Z' });
    expect(parseBackup(json)).toEqual({ clips, rejected: [] });
    expect(backupFileName(now)).toBe('zhibiao-clips-2024-03-05.json');
  });

  it('rejects damaged entries one by one, with the reason, and keeps the good ones', () => {
    const backup = JSON.parse(backupToJson(clips, now));
    const { id: _dropped, ...withoutId } = clips[0];
    backup.clips = [withoutId, clips[1], null, { ...clips[2], indicator: { ...clips[2].indicator, value: '3' } }, clips[2]];
    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed.clips).toEqual([clips[1], clips[2]]);
    expect(parsed.rejected.map((r) => r.index)).toEqual([0, 2, 3]);
    expect(parsed.rejected[0].reason).toMatch(/^id: /);
    expect(parsed.rejected[2].reason).toMatch(/indicator\.value/);
  });

  it('reads a backup an editor saved with a byte-order mark', () => {
    expect(parseBackup(`\uFEFF${backupToJson(clips, now)}`).clips).toHaveLength(3);
  });

  it.each([
    ['not JSON', 'page title,URL\r\n', 'backup.notJson', undefined],
    ['empty', '', 'backup.notJson', undefined],
    ['a JSON array', JSON.stringify(clips), 'backup.notBackup', undefined],
    ['another format', JSON.stringify({ format: 'hypothesis', version: 1, clips: [] }), 'backup.notBackup', undefined],
    ['a newer version', JSON.stringify({ format: 'zhibiao-clips', version: 2, clips: [] }), 'backup.newerVersion', { version: 2 }],
    ['no version', JSON.stringify({ format: 'zhibiao-clips', clips: [] }), 'backup.noVersion', undefined],
    ['no clips list', JSON.stringify({ format: 'zhibiao-clips', version: 1, clips: {} }), 'backup.noClips', undefined],
  ])('refuses a file that is %s with a code', (_what, text, code, params) => {
    let thrown: unknown;
    try {
      parseBackup(text);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(BackupError);
    expect((thrown as BackupError).info()).toEqual({
      code,
      ...(params ? { params } : {}),
      ...((thrown as BackupError).detail ? { detail: expect.any(String) } : {}),
    });
  });
});

describe('streamed backup', () => {
  beforeEach(freshDb);

  it('writes the same document from the store a batch at a time, and imports back every clip', async () => {
    const stored = clipsOn(PAGE_A, 23);
    await importClips(stored);
    const text = await collect(backupChunks(iterateClips({}, 5), now));
    const parsed = parseBackup(text);
    expect(parsed).toEqual({ clips: [...stored].reverse(), rejected: [] });
    expect(JSON.parse(text).exportedAt).toBe(now.toISOString());
    await freshDb();
    expect(await importClips(parsed.clips)).toEqual({ stored: 23, added: 23 });
    expect((await listClips({ limit: 50 })).clips).toEqual([...stored].reverse());
  });

  it('writes an empty store as a valid backup', async () => {
    expect(parseBackup(await collect(backupChunks(iterateClips({}), now)))).toEqual({ clips: [], rejected: [] });
  });
});
