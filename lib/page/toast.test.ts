// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { showToast } from './toast';

describe('showToast', () => {
  it('shows one message, as text, outside the page body', () => {
    showToast(document, '第一条');
    showToast(document, '<img src=x onerror=alert(1)>存储空间已满');
    const toasts = document.querySelectorAll('zb-toast');
    expect(toasts).toHaveLength(1);
    expect(toasts[0].textContent).toContain('<img src=x onerror=alert(1)>存储空间已满');
    expect(toasts[0].querySelector('img')).toBeNull();
    expect(toasts[0].getAttribute('role')).toBe('alert');
    expect(document.body.contains(toasts[0])).toBe(false);
    toasts[0].remove();
  });
});
