import { describe, expect, it } from 'vitest';
import { fixedTabId } from './fixed-tab';

describe('fixedTabId', () => {
  it('reads ?tabId=N and refuses anything else', () => {
    expect(fixedTabId('?tabId=42')).toBe(42);
    expect(fixedTabId('?tabId=0')).toBe(0);
    expect(fixedTabId('')).toBeUndefined();
    expect(fixedTabId('?tabId=-1')).toBeUndefined();
    expect(fixedTabId('?tabId=4x')).toBeUndefined();
    expect(fixedTabId('?tabId=99999999999')).toBeUndefined();
  });
});
