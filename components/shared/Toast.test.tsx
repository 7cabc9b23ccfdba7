// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allByTestId, byTestId, click, mount, unmountAll } from './test-support';
import { type Toast, ToastNotice, UNDO_MS } from './Toast';

afterEach(() => {
  unmountAll();
  vi.useRealTimers();
});

function Host({ toast }: { toast: Toast }) {
  const [shown, setShown] = useState<Toast | undefined>(toast);
  return <ToastNotice toast={shown} onDismiss={() => setShown(undefined)} />;
}

describe('ToastNotice', () => {
  it('offers 撤销 for at least 10 s, then goes', async () => {
    vi.useFakeTimers();
    const { root } = mount(<Host toast={{ message: '已删除 1 条摘录', undo: async () => undefined }} />);
    expect(UNDO_MS).toBeGreaterThanOrEqual(10_000);
    await act(() => {
      vi.advanceTimersByTime(UNDO_MS - 1);
    });
    expect(byTestId(root, 'toast-undo').textContent).toBe('撤销');
    await act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(allByTestId(root, 'toast')).toHaveLength(0);
  });

  it('stays while the focus is in it', async () => {
    vi.useFakeTimers();
    const { root } = mount(<Host toast={{ message: '已删除 1 条摘录', undo: async () => undefined }} />);
    await act(() => {
      byTestId(root, 'toast').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    });
    await act(() => {
      vi.advanceTimersByTime(UNDO_MS * 3);
    });
    expect(allByTestId(root, 'toast')).toHaveLength(1);
  });

  it('says so when the undo fails, and offers it again', async () => {
    const undo = vi.fn(async () => {
      throw new Error('store closed');
    });
    const { root } = mount(<Host toast={{ message: '已删除 1 条摘录', undo }} />);
    await click(byTestId(root, 'toast-undo'));
    await act(async () => {
      await Promise.resolve();
    });
    expect(byTestId(root, 'toast-message').textContent).toBe('撤销失败。');
    expect(undo).toHaveBeenCalledTimes(1);
    await click(byTestId(root, 'toast-undo'));
    expect(undo).toHaveBeenCalledTimes(2);
  });

  it('without undo and with an endless lifetime, stays until closed (the popup’s notices)', async () => {
    vi.useFakeTimers();
    const onDismiss = vi.fn();
    const { root } = mount(
      <ToastNotice toast={{ message: '已导入 3 条，跳过 1 条损坏记录' }} onDismiss={onDismiss} lifetimeMs={Number.POSITIVE_INFINITY} testId="notice" />,
    );
    await act(() => {
      vi.advanceTimersByTime(UNDO_MS * 10);
    });
    expect(byTestId(root, 'notice-message').textContent).toBe('已导入 3 条，跳过 1 条损坏记录');
    expect(allByTestId(root, 'notice-undo')).toHaveLength(0);
    expect(onDismiss).not.toHaveBeenCalled();
    await click(byTestId(root, 'notice').querySelector('button')!);
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('keeps its live region in the page with nothing to say', () => {
    const { root } = mount(<ToastNotice toast={undefined} onDismiss={vi.fn()} />);
    expect(root.querySelector('[role="status"]')?.childElementCount).toBe(0);
  });
});
