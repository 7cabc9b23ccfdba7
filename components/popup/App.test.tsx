// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { App } from './App';
import { allByTestId, byTestId, choose, makeClip, makeStatus, textReason, type, unmountAll, until } from '../shared/test-support';
import { EXTENSION_ORIGIN, type FakeWorld, fakePort, mountWithPort, noReceiver } from './test-support';

const REPORT = 'https://www.gov.cn/zhengce/report.htm';
const COMMUNIQUE = 'https://www.stats.gov.cn/communique.htm';
const report = makeStatus({ url: REPORT, title: '政府工作报告', highlighted: true, indicatorCount: 12, reasons: [textReason('标题含“工作报告”')] });
const communique = makeStatus({ url: COMMUNIQUE, title: '统计公报', isPolicy: false, reasons: [textReason('没有政策用语')] });

const clips = [
  makeClip({ url: REPORT, title: '政府工作报告', label: '国内生产总值', text: '5%', position: 30, clippedAt: '2024-03-05T01:00:00.000Z' }),
  makeClip({ url: COMMUNIQUE, title: '统计公报', label: '粮食产量', text: '13908亿斤', unit: '斤', position: 5, clippedAt: '2024-03-06T01:00:00.000Z' }),
  makeClip({ url: REPORT, title: '政府工作报告', label: '城镇新增就业', text: '1200万人', unit: '人', position: 10, clippedAt: '2024-03-07T01:00:00.000Z' }),
];

/** Mounts the popup against a fake background holding `world`. */
function show(world: FakeWorld) {
  const port = fakePort(world);
  return { ...mountWithPort(<App />, port), port };
}

function popupWorld(extra: Partial<FakeWorld> = {}): FakeWorld {
  return { clips: [...clips], pages: new Map([[7, report]]), tabs: [{ id: 7, url: REPORT }], active: { id: 7, url: REPORT }, ...extra };
}

const labels = (section: HTMLElement) => allByTestId(section, 'clip-label').map((l) => l.textContent);

afterEach(unmountAll);

describe('App as the toolbar popup', () => {
  it('shows the verdict, reasons and highlight count of the active page', async () => {
    const { root } = show(popupWorld());
    const verdict = await until(() => byTestId(root, 'verdict'));
    expect(verdict.textContent).toBe('政策/讲话页面');
    expect(verdict.dataset.policy).toBe('true');
    expect(byTestId(root, 'reasons').textContent).toContain('标题含“工作报告”');
    expect(byTestId(root, 'indicator-count').textContent).toBe('12');
    expect(root.querySelector('[data-testid="tab-picker"]')).toBeNull();
  });

  it("lists this page's clips in page order, and all clips grouped by page, newest first", async () => {
    const { root } = show(popupWorld());
    const page = await until(() => {
      const section = byTestId(root, 'page-clips');
      expect(allByTestId(section, 'clip-item')).toHaveLength(2);
      return section;
    });
    expect(labels(page)).toEqual(['城镇新增就业', '国内生产总值']);
    const all = byTestId(root, 'all-clips');
    expect([...all.querySelectorAll('.group-title')].map((h) => h.textContent)).toEqual(['政府工作报告', '统计公报']);
    expect(all.textContent).toContain(COMMUNIQUE);
    expect(labels(all)).toEqual(['城镇新增就业', '国内生产总值', '粮食产量']);
    expect(allByTestId(all, 'clip-item').map((li) => li.dataset.url)).toEqual([REPORT, REPORT, COMMUNIQUE]);
  });

  it('says the page cannot be analysed when it has no content script, and still lists every clip', async () => {
    const { root } = show(popupWorld({ pages: new Map(), active: { id: 7, url: 'chrome://extensions' } }));
    await until(() => expect(root.textContent).toContain('此页面无法分析'));
    expect(root.querySelector('[data-testid="verdict"]')).toBeNull();
    expect(root.querySelector('[data-testid="page-clips"]')).toBeNull();
    await until(() => expect(allByTestId(byTestId(root, 'all-clips'), 'clip-item')).toHaveLength(3));
    expect(root.querySelector('[data-testid="error"]')).toBeNull();
  });

  it('filters both lists by the search text', async () => {
    const { root } = show(popupWorld());
    await until(() => expect(allByTestId(root, 'clip-item')).toHaveLength(5));
    await type(byTestId<HTMLInputElement>(root, 'search'), '就业');
    await until(() => expect(labels(byTestId(root, 'all-clips'))).toEqual(['城镇新增就业']));
    expect(labels(byTestId(root, 'page-clips'))).toEqual(['城镇新增就业']);
    await type(byTestId<HTMLInputElement>(root, 'search'), '统计公报');
    await until(() => expect(labels(byTestId(root, 'all-clips'))).toEqual(['粮食产量']));
    expect(labels(byTestId(root, 'page-clips'))).toEqual([]);
  });

  it('renders clip text as text, never as markup', async () => {
    const evil = makeClip({ url: REPORT, text: '9%', sentence: '<img src=x onerror=alert(1)>增长9%', label: '<b>x</b>' });
    const { root } = show(popupWorld({ clips: [evil] }));
    await until(() => expect(allByTestId(root, 'clip-sentence')).toHaveLength(2));
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.clip-label b')).toBeNull();
    expect(byTestId(root, 'clip-sentence').textContent).toBe('<img src=x onerror=alert(1)>增长9%');
    expect(byTestId(root, 'clip-sentence').querySelector('mark')!.textContent).toBe('9%');
  });

  it('shows a readable error when the background does not answer', async () => {
    const { root } = show(
      popupWorld({
        override: {
          listClips: async () => {
            throw noReceiver('clips.list: Could not establish connection. Receiving end does not exist.');
          },
        },
      }),
    );
    const error = await until(() => byTestId(root, 'error'));
    expect(error.textContent).toContain('读取摘录失败：后台没有响应');
    // The page part still works.
    await until(() => byTestId(root, 'verdict'));
  });

  it('keeps a thousand clips quick: the first items, then more on request', async () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      makeClip({ url: `https://www.gov.cn/p${i % 10}.htm`, text: `${i}%`, position: i, clippedAt: new Date(Date.UTC(2024, 0, 1, 0, 0, i)).toISOString() }),
    );
    const { root } = show(popupWorld({ clips: many, pages: new Map(), active: { id: 7, url: 'about:blank' } }));
    const all = await until(() => {
      const section = byTestId(root, 'all-clips');
      expect(allByTestId(section, 'clip-item')).toHaveLength(200);
      return section;
    });
    expect(byTestId(all, 'show-more')).toBeDefined();
    expect(byTestId(root, 'all-clips').textContent).toContain('全部摘录（1000）');
  });
});

describe('App opened as a full tab', () => {
  const popupUrl = `${EXTENSION_ORIGIN}popup.html`;
  const tabWorld = (): FakeWorld => ({
    clips: [...clips],
    pages: new Map([
      [2, report],
      [3, communique],
    ]),
    tabs: [
      { id: 1, url: 'chrome://newtab' },
      { id: 2, url: REPORT },
      { id: 3, url: COMMUNIQUE },
      { id: 9, url: popupUrl },
    ],
    active: { id: 9, url: popupUrl },
    own: { id: 9 },
  });

  it('offers the answering pages by title and works on the first by default', async () => {
    const { root } = show(tabWorld());
    const picker = await until(() => byTestId<HTMLSelectElement>(root, 'tab-picker'));
    expect([...picker.options].map((o) => o.textContent)).toEqual(['政府工作报告', '统计公报']);
    await until(() => expect(byTestId(root, 'verdict').dataset.policy).toBe('true'));
    expect(picker.value).toBe('政府工作报告');
  });

  it('switches to the page chosen by title', async () => {
    const { root } = show(tabWorld());
    const picker = await until(() => byTestId<HTMLSelectElement>(root, 'tab-picker'));
    await until(() => byTestId(root, 'verdict'));
    await choose(picker, '统计公报');
    await until(() => expect(byTestId(root, 'verdict').textContent).toBe('非政策页面'));
    expect(byTestId(root, 'reasons').textContent).toContain('没有政策用语');
    expect(labels(byTestId(root, 'page-clips'))).toEqual(['粮食产量']);
  });

  it('re-reads clips made in another tab when the background says they changed', async () => {
    const world = tabWorld();
    const { root, port } = show(world);
    await until(() => expect(allByTestId(byTestId(root, 'all-clips'), 'clip-item')).toHaveLength(3));
    world.clips.push(makeClip({ url: REPORT, label: '赤字率', text: '3%', position: 50, clippedAt: '2024-03-08T00:00:00.000Z' }));
    port.emit({ type: 'clips.changed', pages: [REPORT] });
    await until(() => expect(labels(byTestId(root, 'page-clips'))).toContain('赤字率'));
  });
});
