// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClearPageButton, CONFIRM_WINDOW_MS } from './ClearPageButton';
import { byTestId, click, mount, unmountAll } from '../shared/test-support';

afterEach(() => {
  unmountAll();
  vi.useRealTimers();
});

describe('ClearPageButton', () => {
  it('asks on the first click and clears on the second', async () => {
    const onClear = vi.fn();
    const { root } = mount(<ClearPageButton count={3} onClear={onClear} />);
    const button = byTestId(root, 'clear-page');
    expect(button.textContent).toBe('清空本页摘录');
    await click(button);
    expect(onClear).not.toHaveBeenCalled();
    expect(button.textContent).toBe('确认清空？');
    await click(button);
    expect(onClear).toHaveBeenCalledTimes(1);
    expect(button.textContent).toBe('清空本页摘录');
  });

  it('forgets the question after a while, so a later single click does not clear', async () => {
    vi.useFakeTimers();
    const onClear = vi.fn();
    const { root } = mount(<ClearPageButton count={3} onClear={onClear} />);
    const button = byTestId(root, 'clear-page');
    await click(button);
    await act(() => {
      vi.advanceTimersByTime(CONFIRM_WINDOW_MS);
    });
    expect(button.textContent).toBe('清空本页摘录');
    await click(button);
    expect(onClear).not.toHaveBeenCalled();
  });

  it('is disabled when the page has no clips', () => {
    const { root } = mount(<ClearPageButton count={0} onClear={vi.fn()} />);
    expect(byTestId<HTMLButtonElement>(root, 'clear-page').disabled).toBe(true);
  });
});
