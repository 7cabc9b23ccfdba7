import { describe, expect, it } from 'vitest';
import { errorText, reasonOf, TimeoutError, withTimeout } from './error-text';

describe('errorText', () => {
  it('says what failed and why, in Chinese, keeping the browser wording', () => {
    const text = errorText('删除摘录', new Error('QuotaExceededError: The quota has been exceeded.'));
    expect(text).toMatch(/^删除摘录失败：存储空间已满/);
    expect(text).toContain('QuotaExceededError');
    expect(errorText('读取摘录', new Error('Could not establish connection. Receiving end does not exist.'))).toContain('后台没有响应');
  });

  it('passes a Chinese reason through as it is', () => {
    expect(reasonOf(new Error('存储空间已满，未保存 (storage is full)'))).toBe('存储空间已满，未保存 (storage is full)');
  });

  it('never gives an empty reason', () => {
    expect(reasonOf(new Error(''))).toBe('未知错误');
    expect(reasonOf('boom')).toBe('boom');
  });
});

describe('withTimeout', () => {
  it('passes the value through', async () => {
    await expect(withTimeout(Promise.resolve(3), 1000)).resolves.toBe(3);
  });

  it('rejects with a readable reason when nothing answers', async () => {
    const silence = new Promise<never>(() => {});
    const result = withTimeout(silence, 1, '后台');
    await expect(result).rejects.toBeInstanceOf(TimeoutError);
    await expect(result).rejects.toThrow('后台没有响应');
  });
});
