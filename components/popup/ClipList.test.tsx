// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClipList, PAGE_SIZE } from './ClipList';
import { allByTestId, byTestId, click, makeClip, mount, unmountAll } from '../shared/test-support';

afterEach(unmountAll);

function manyClips(n: number, url = 'https://www.gov.cn/a.htm') {
  return Array.from({ length: n }, (_, i) => makeClip({ url, text: `${i}%`, value: i, position: i }));
}

describe('ClipList', () => {
  it('shows a heading with title and url per page group', () => {
    const a = makeClip({ url: 'https://www.gov.cn/a.htm', title: '甲报告' });
    const b = makeClip({ url: 'javascript:alert(1)', title: '乙报告' });
    const { root } = mount(
      <ClipList
        groups={[
          { key: a.url, clips: [a], heading: { title: a.title, url: a.url } },
          { key: b.url, clips: [b], heading: { title: b.title, url: b.url } },
        ]}
        onDelete={vi.fn()}
        emptyText="无"
      />,
    );
    const titles = [...root.querySelectorAll('.group-title')].map((h) => h.textContent);
    expect(titles).toEqual(['甲报告', '乙报告']);
    const links = [...root.querySelectorAll('a')];
    // Only web addresses become links; anything else is shown as text.
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['https://www.gov.cn/a.htm']);
    expect(root.textContent).toContain('javascript:alert(1)');
  });

  it('renders the first items only and shows more on request (1000 clips)', async () => {
    const clips = manyClips(1000);
    const { root } = mount(<ClipList groups={[{ key: 'all', clips }]} onDelete={vi.fn()} emptyText="无" />);
    expect(allByTestId(root, 'clip-item')).toHaveLength(PAGE_SIZE);
    expect(byTestId(root, 'show-more').textContent).toContain(String(1000 - PAGE_SIZE));
    await click(byTestId(root, 'show-more'));
    expect(allByTestId(root, 'clip-item')).toHaveLength(2 * PAGE_SIZE);
    for (let i = 0; i < 3; i++) await click(byTestId(root, 'show-more'));
    expect(allByTestId(root, 'clip-item')).toHaveLength(1000);
    expect(root.querySelector('[data-testid="show-more"]')).toBeNull();
    // Rendering 1000 items in happy-dom on a shared, loaded machine: a generous limit, no timing claim.
  }, 30_000);

  it('counts the limit across page groups', () => {
    const groups = [
      { key: 'a', clips: manyClips(150, 'https://a.gov.cn/'), heading: { title: 'A', url: 'https://a.gov.cn/' } },
      { key: 'b', clips: manyClips(150, 'https://b.gov.cn/'), heading: { title: 'B', url: 'https://b.gov.cn/' } },
    ];
    const { root } = mount(<ClipList groups={groups} onDelete={vi.fn()} emptyText="无" />);
    expect(allByTestId(root, 'clip-item')).toHaveLength(PAGE_SIZE);
    expect(allByTestId(root, 'clip-item').filter((li) => li.dataset.url === 'https://b.gov.cn/')).toHaveLength(PAGE_SIZE - 150);
  });

  it('says so when there is nothing to show', () => {
    const { root } = mount(<ClipList groups={[]} onDelete={vi.fn()} emptyText="还没有摘录" />);
    expect(root.textContent).toBe('还没有摘录');
  });
});
