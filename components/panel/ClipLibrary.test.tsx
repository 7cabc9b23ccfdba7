// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { sampleClip } from '../../lib/model/sample-clip.test-support';
import { PanelApp } from './PanelApp';
import { allByTestId, byTestId, choose, click, mount, panelPort, type, unmountAll, until } from './testing';

afterEach(unmountAll);

const A = 'https://www.gov.cn/a.htm';
const B = 'https://www.gov.cn/b.htm';
const store = () => [
  sampleClip({
    url: A,
    title: '甲页',
    exact: '5%',
    prefix: '一',
    label: '国内生产总值',
    sentence: '国内生产总值增长5%左右。',
    clippedAt: '2024-03-05T01:00:00.000Z',
  }),
  sampleClip({
    url: A,
    title: '甲页',
    exact: '3000亿元',
    prefix: '二',
    label: '计划总投资',
    value: 3e11,
    unit: '元',
    sentence: '计划总投资3000亿元。',
    clippedAt: '2024-03-05T02:00:00.000Z',
  }),
  sampleClip({
    url: B,
    title: '乙页',
    exact: '1200万人',
    prefix: '三',
    label: '城镇新增就业',
    value: 1.2e7,
    unit: '人',
    sentence: '城镇新增就业1200万人。',
    clippedAt: '2024-03-06T01:00:00.000Z',
  }),
];

async function library(clips = store()) {
  const port = panelPort({ clips });
  const { root } = mount(<PanelApp port={port} />);
  await click(await until(() => byTestId(root, 'view-library')));
  await until(() => expect(allByTestId(root, 'library-group')).toHaveLength(2));
  return { port, root };
}
const groupTitles = (root: ParentNode) => allByTestId(root, 'library-group').map((g) => g.querySelector('h2')!.textContent);
const labels = (root: ParentNode) => allByTestId(root, 'library-label').map((l) => l.textContent);

describe('the clip library', () => {
  it('groups clips by page, newest page first, a page’s clips read when it is opened', async () => {
    const { root, port } = await library();
    expect(groupTitles(root)).toEqual(['乙页 1 条清除本页摘录', '甲页 2 条清除本页摘录']);
    expect(allByTestId(root, 'library-clip')).toHaveLength(0);
    await click(allByTestId(root, 'library-page-toggle')[1]);
    await until(() => expect(labels(root)).toEqual(['计划总投资', '国内生产总值']));
    expect(port.calls.filter((c) => c.method === 'listClips').map((c) => c.args[0])).toEqual([{ page: A, limit: 50 }]);
  });

  it('searches all pages in either script and groups the matches by page', async () => {
    const { root } = await library();
    await type(byTestId(root, 'library-search'), '計劃');
    await until(() => expect(labels(root)).toEqual(['计划总投资']));
    expect(byTestId(root, 'library-found').textContent).toBe('找到 1 条摘录');
    await type(byTestId(root, 'library-search'), '增');
    await until(() => expect(labels(root)).toEqual(['城镇新增就业', '国内生产总值']));
    expect(allByTestId(root, 'library-group').map((g) => g.getAttribute('data-url'))).toEqual([B, A]);
  });

  it('edits a clip in place', async () => {
    const { root, port } = await library();
    await click(allByTestId(root, 'library-page-toggle')[0]);
    await click(await until(() => byTestId(root, 'library-edit')));
    await choose(byTestId(root, 'edit-dimension'), 'other');
    await until(() => expect(byTestId(root, 'edited-dimension').textContent).toBe('原值：百分比'));
    const id = allByTestId(root, 'library-clip')[0].getAttribute('data-clip-id')!;
    expect(port.clips.get(id)!.indicator.dimension).toBe('other');
    expect(port.clips.get(id)!.edited).toEqual(['dimension']);
  });

  it('deletes a clip, and 撤销 restores it', async () => {
    const { root, port } = await library();
    await click(allByTestId(root, 'library-page-toggle')[1]);
    await until(() => expect(labels(root)).toHaveLength(2));
    await click(allByTestId(root, 'library-delete')[0]);
    await until(() => expect(labels(root)).toEqual(['国内生产总值']));
    expect(port.clips.size).toBe(2);
    await click(byTestId(root, 'toast-undo'));
    await until(() => expect(labels(root)).toEqual(['计划总投资', '国内生产总值']));
    expect(port.clips.size).toBe(3);
  });

  it('clearing every page asks first, and can be undone', async () => {
    const { root, port } = await library();
    await click(byTestId(root, 'clear-all'));
    expect(port.clips.size).toBe(3);
    await click(byTestId(root, 'confirm-clear-no'));
    expect(allByTestId(root, 'confirm-clear')).toHaveLength(0);
    await click(byTestId(root, 'clear-all'));
    await click(byTestId(root, 'confirm-clear-yes'));
    await until(() => expect(byTestId(root, 'library-empty')).toBeTruthy());
    expect(port.clips.size).toBe(0);
    expect(byTestId(root, 'toast-message').textContent).toBe('已清除 3 条摘录');
    await click(byTestId(root, 'toast-undo'));
    await until(() => expect(allByTestId(root, 'library-group')).toHaveLength(2));
    expect(port.clips.size).toBe(3);
  });

  it('reads a large store a page at a time', async () => {
    const clips = Array.from({ length: 10_000 }, (_, i) =>
      sampleClip({ url: `https://www.gov.cn/p${i % 200}.htm`, prefix: `p${i}`, clippedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString() }),
    );
    const port = panelPort({ clips });
    const { root } = mount(<PanelApp port={port} />);
    await click(await until(() => byTestId(root, 'view-library')));
    await until(() => expect(allByTestId(root, 'library-group')).toHaveLength(50));
    expect(port.calls.filter((c) => c.method === 'listPages').map((c) => c.args[0])).toEqual([{ limit: 50 }]);
    await click(byTestId(root, 'library-more-pages'));
    await until(() => expect(allByTestId(root, 'library-group')).toHaveLength(100));
  });
});
