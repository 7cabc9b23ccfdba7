// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { ErrorBanner } from './ErrorBanner';
import { byTestId, click, mount, unmountAll } from './test-support';

afterEach(() => {
  unmountAll();
  setLocale('zh-CN');
});

describe('ErrorBanner', () => {
  it('shows the message as an alert and can be closed', async () => {
    const onDismiss = vi.fn();
    const { root } = mount(<ErrorBanner error={{ action: 'popup.action.deleteClip', code: 'store.quota' }} onDismiss={onDismiss} />);
    const banner = byTestId(root, 'error');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain('删除摘录失败：存储空间已满');
    await click(banner.querySelector('button')!);
    expect(onDismiss).toHaveBeenCalled();
  });

  it('keeps the original wording apart, in a smaller line, and says it once', () => {
    const { root } = mount(
      <ErrorBanner
        error={{ action: 'popup.action.readClips', code: 'message.noReceiver', detail: 'clips.list: Receiving end does not exist.' }}
        onDismiss={vi.fn()}
      />,
    );
    expect(byTestId(root, 'error').querySelector('.banner-text')!.textContent).toBe('读取摘录失败：后台没有响应，请稍后重试或重新加载扩展');
    expect(byTestId(root, 'error-detail').tagName).toBe('SMALL');
    expect(byTestId(root, 'error-detail').textContent).toBe('clips.list: Receiving end does not exist.');
    expect(byTestId(root, 'error').textContent!.match(/读取摘录/g)).toHaveLength(1);
  });

  it('speaks the chosen language', () => {
    setLocale('en');
    const { root } = mount(<ErrorBanner error={{ action: 'popup.action.deleteClip', code: 'store.quota' }} onDismiss={vi.fn()} />);
    expect(byTestId(root, 'error').querySelector('.banner-text')!.textContent).toBe(
      'Could not delete the clip: storage is full; export and delete some clips first',
    );
    expect(byTestId(root, 'error').querySelector('button')!.getAttribute('aria-label')).toBe('Dismiss');
  });

  it('shows nothing without an error', () => {
    const { root } = mount(<ErrorBanner onDismiss={vi.fn()} />);
    expect(root.querySelector('[data-testid="error"]')).toBeNull();
  });
});
