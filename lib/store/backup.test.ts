import { describe, expect, it } from 'vitest';
import { BackupError, backupFileName, backupToJson, parseBackup } from './backup';
import { sampleClip } from './sample-clip';

const clips = [
  sampleClip({ exact: '5%', value: 5 }),
  sampleClip({ exact: '1200万人', value: 12_000_000, prefix: '城镇新增就业', suffix: '以上' }),
  sampleClip({ url: 'https://www.stats.gov.cn/x.html', label: '居民消费价格涨幅', exact: '3%', value: 3 }),
];
const now = new Date('2024-03-05T09:30:00.000Z');

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
    backup.clips = [
      withoutId,
      clips[1],
      null,
      { ...clips[2], indicator: { ...clips[2].indicator, value: '3' } },
      clips[2],
    ];
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
    ['not JSON', 'page title,URL\r\n', /不是 JSON.*not JSON/],
    ['empty', '', /not JSON/],
    ['a JSON array', JSON.stringify(clips), /not a Zhibiao clip backup/],
    ['another format', JSON.stringify({ format: 'hypothesis', version: 1, clips: [] }), /not a Zhibiao clip backup/],
    ['a newer version', JSON.stringify({ format: 'zhibiao-clips', version: 2, clips: [] }), /version 2 is newer/],
    ['no version', JSON.stringify({ format: 'zhibiao-clips', clips: [] }), /no valid format version/],
    ['no clips list', JSON.stringify({ format: 'zhibiao-clips', version: 1, clips: {} }), /no list of clips/],
  ])('refuses a file that is %s with a clear message', (_what, text, message) => {
    expect(() => parseBackup(text)).toThrow(BackupError);
    expect(() => parseBackup(text)).toThrow(message);
  });
});
