import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { MessageError } from '../../lib/messages/bus';
import { errorDetail, errorMessage, TimeoutError, toUiError, withTimeout } from './ui-error';

afterEach(() => setLocale('zh-CN'));

/** Shaped as lib/store's CodedError: a code, params and the browser's wording. */
class FakeStoreError extends Error {
  constructor(
    readonly code: string,
    readonly detail?: string,
    readonly params?: Record<string, number>,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

describe('toUiError and errorMessage', () => {
  it('says what failed and why, keeping the browser wording apart', () => {
    const error = toUiError('popup.action.deleteClip', new FakeStoreError('store.quota', 'QuotaExceededError: The quota has been exceeded.'));
    expect(errorMessage(error)).toMatch(/^删除摘录失败：存储空间已满/);
    expect(errorMessage(error)).not.toContain('QuotaExceededError');
    expect(errorDetail(error)).toContain('QuotaExceededError');
    const unreachable = new MessageError({ code: 'message.noReceiver', detail: 'clips.list: Could not establish connection. Receiving end does not exist.' });
    expect(errorMessage(toUiError('popup.action.readClips', unreachable))).toBe('读取摘录失败：后台没有响应，请稍后重试或重新加载扩展');
  });

  it('never doubles the action, whatever the thrown text says', () => {
    const error = toUiError('popup.action.readClips', new MessageError({ code: 'store.readFailed', detail: '读取摘录失败：读取摘录失败' }));
    expect(errorMessage(error)).toBe('读取摘录失败：无法读取摘录数据库');
  });

  it('fills in the params of the code', () => {
    const error = toUiError('popup.action.importBackup', new FakeStoreError('backup.newerVersion', undefined, { version: 3 }));
    expect(errorMessage(error)).toBe('导入备份失败：备份来自更新版本的扩展（格式版本 3），请先更新扩展');
  });

  it('reads an uncoded exception as an internal error, its text only as the detail', () => {
    const error = toUiError('popup.action.exportCsv', new Error('存储空间已满，未保存 (storage is full)'));
    expect(errorMessage(error)).toBe('导出 CSV 文件失败：扩展内部错误');
    expect(errorDetail(error)).toBe('存储空间已满，未保存 (storage is full)');
  });

  it('never gives an empty reason, and names a code the catalogue lacks', () => {
    expect(errorMessage(toUiError(undefined, new Error('')))).toBe('扩展内部错误');
    const odd = toUiError(undefined, { code: 'store.somethingNew', detail: 'x' });
    expect(errorMessage(odd)).toBe('扩展内部错误');
    expect(errorDetail(odd)).toBe('store.somethingNew — x');
  });

  it('speaks the current language', () => {
    setLocale('zh-TW');
    expect(errorMessage(toUiError('popup.action.deleteClip', new FakeStoreError('store.quota')))).toBe('刪除摘錄失敗：儲存空間已滿，請先匯出並刪除部分摘錄');
    setLocale('en');
    expect(errorMessage(toUiError('popup.action.deleteClip', new FakeStoreError('store.quota')))).toBe(
      'Could not delete the clip: storage is full; export and delete some clips first',
    );
  });
});

describe('withTimeout', () => {
  it('passes the value through', async () => {
    await expect(withTimeout(Promise.resolve(3), 1000)).resolves.toBe(3);
  });

  it('rejects with a readable reason when nothing answers', async () => {
    const silence = new Promise<never>(() => {});
    const result = withTimeout(silence, 10);
    await expect(result).rejects.toBeInstanceOf(TimeoutError);
    const error = await result.catch((e: unknown) => toUiError('popup.action.readClips', e));
    expect(errorMessage(error)).toBe('读取摘录失败：1 秒内没有回应，请稍后重试');
  });
});
