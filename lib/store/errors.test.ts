import { describe, expect, it } from 'vitest';
import { StoreError, describeError, isQuotaError } from './errors';

describe('StoreError', () => {
  it('is an ErrorInfo: code, params and detail, with no display text', () => {
    const error = new StoreError('store.quota', { params: { count: 3 }, detail: 'QuotaExceededError: full' });
    expect(error.info()).toEqual({ code: 'store.quota', params: { count: 3 }, detail: 'QuotaExceededError: full' });
    expect(JSON.parse(JSON.stringify(error))).toEqual(error.info());
    expect(error).toBeInstanceOf(Error);
  });

  it('carries code and params as own properties even without params (what the bus looks for)', () => {
    const error = new StoreError('store.versionNewer');
    expect('code' in error && 'params' in error).toBe(true);
    expect(error.info()).toEqual({ code: 'store.versionNewer' });
  });

  it('keeps the browser wording short', () => {
    expect(new StoreError('store.readFailed', { detail: 'x'.repeat(5000) }).detail).toHaveLength(2000);
    expect(describeError(new DOMException('gone', 'VersionError'))).toBe('VersionError: gone');
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new DOMException('x', 'AbortError'))).toBe(false);
  });
});
