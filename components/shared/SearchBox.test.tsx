// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_DEBOUNCE_MS, SearchBox } from './SearchBox';
import { byTestId, mount, type, unmountAll } from './test-support';

afterEach(() => {
  unmountAll();
  vi.useRealTimers();
});

describe('SearchBox', () => {
  it('reports the query once the user pauses, not on every keystroke', async () => {
    vi.useFakeTimers();
    const onSearch = vi.fn();
    const { root } = mount(<SearchBox onSearch={onSearch} placeholder="搜索" label="搜索摘录" />);
    const input = byTestId<HTMLInputElement>(root, 'search');
    await type(input, '粮');
    await type(input, '粮食');
    await type(input, '粮食产量');
    expect(onSearch).not.toHaveBeenCalled();
    await act(() => {
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    });
    expect(onSearch).toHaveBeenCalledTimes(1);
    expect(onSearch).toHaveBeenCalledWith('粮食产量');
  });

  it('reports clearing the field', async () => {
    vi.useFakeTimers();
    const onSearch = vi.fn();
    const { root } = mount(<SearchBox onSearch={onSearch} placeholder="搜索" label="搜索摘录" />);
    const input = byTestId<HTMLInputElement>(root, 'search');
    await type(input, 'CPI');
    await act(() => {
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    });
    await type(input, '');
    await act(() => {
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    });
    expect(onSearch.mock.calls.map((c) => c[0])).toEqual(['CPI', '']);
  });
});
