// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBanner } from './ErrorBanner';
import { byTestId, click, mount, unmountAll } from './testing';

afterEach(unmountAll);

describe('ErrorBanner', () => {
  it('shows the message as an alert and can be closed', async () => {
    const onDismiss = vi.fn();
    const { root } = mount(<ErrorBanner message="删除摘录失败：存储空间已满" onDismiss={onDismiss} />);
    const banner = byTestId(root, 'error');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain('删除摘录失败：存储空间已满');
    await click(banner.querySelector('button')!);
    expect(onDismiss).toHaveBeenCalled();
  });

  it('shows nothing without a message', () => {
    const { root } = mount(<ErrorBanner onDismiss={vi.fn()} />);
    expect(root.querySelector('[data-testid="error"]')).toBeNull();
  });
});
