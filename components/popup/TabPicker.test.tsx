// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TabPicker } from './TabPicker';
import { byTestId, choose, click, makeStatus, mount, unmountAll } from '../shared/test-support';

afterEach(unmountAll);

const candidates = [
  { tabId: 11, status: makeStatus({ title: '政府工作报告', url: 'https://www.gov.cn/a.htm' }) },
  { tabId: 12, status: makeStatus({ title: '统计公报', url: 'https://www.stats.gov.cn/b.htm' }) },
  { tabId: 13, status: makeStatus({ title: '统计公报', url: 'https://www.stats.gov.cn/c.htm' }) },
];

describe('TabPicker', () => {
  it('lists pages by title and shows the chosen one', () => {
    const { root } = mount(<TabPicker candidates={candidates} selected={12} onSelect={vi.fn()} onRefresh={vi.fn()} />);
    const select = byTestId<HTMLSelectElement>(root, 'tab-picker');
    expect([...select.options].map((o) => o.textContent)).toEqual(['政府工作报告', '统计公报', '统计公报']);
    expect(select.selectedOptions[0].dataset.tabId).toBe('12');
  });

  it('can be chosen by title; equal titles stay distinct', async () => {
    const onSelect = vi.fn();
    const { root } = mount(<TabPicker candidates={candidates} selected={11} onSelect={onSelect} onRefresh={vi.fn()} />);
    const select = byTestId<HTMLSelectElement>(root, 'tab-picker');
    const values = [...select.options].map((o) => o.value);
    expect(new Set(values).size).toBe(3);
    expect(values[0]).toBe('政府工作报告');
    await choose(select, values[2]);
    expect(onSelect).toHaveBeenLastCalledWith(13);
  });

  it('says when no page answers, and can look again', async () => {
    const onRefresh = vi.fn();
    const { root } = mount(<TabPicker candidates={[]} onSelect={vi.fn()} onRefresh={onRefresh} />);
    expect(byTestId(root, 'tab-picker').textContent).toContain('没有可分析的网页');
    await click(byTestId(root, 'refresh-tabs'));
    expect(onRefresh).toHaveBeenCalled();
  });
});
