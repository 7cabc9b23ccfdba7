// @vitest-environment happy-dom
/** The popup's actions, driven through the UI, checked by the messages they send and what the user then sees. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as bus from '../lib/messages/bus';
import { backupToJson } from '../lib/store/backup';
import { App } from './App';
import { allByTestId, type BusMock, byTestId, click, type FakeWorld, fakeBus, makeClip, makeStatus, mount, unmountAll, until } from './testing';

// The bus is replaced by mocks (see testing.tsx); the factory is loaded lazily because vi.mock is hoisted.
vi.mock('../lib/messages/bus', async () => (await import('./testing')).busModuleMock());

const mocked = bus as unknown as BusMock;
const REPORT = 'https://www.gov.cn/zhengce/report.htm';
const OTHER = 'https://www.stats.gov.cn/communique.htm';
const TAB = 7;
const status = makeStatus({ url: `${REPORT}#part2`, title: '政府工作报告', highlighted: false, indicatorCount: 0 });
const mine = makeClip({ url: REPORT, label: '国内生产总值', text: '5%', position: 1 });
const mine2 = makeClip({ url: REPORT, label: '城镇新增就业', text: '1200万人', position: 2 });
const other = makeClip({ url: OTHER, title: '统计公报', label: '粮食产量', text: '13908亿斤', position: 3 });

let world: FakeWorld;

beforeEach(() => {
  vi.clearAllMocks();
  world = { clips: [mine, mine2, other], pages: new Map([[TAB, status]]), tabs: [{ id: TAB, url: REPORT }], active: { id: TAB, url: REPORT } };
  fakeBus(mocked, world);
});
afterEach(unmountAll);

async function ready() {
  const { root } = mount(<App />);
  await until(() => {
    byTestId(root, 'verdict');
    expect(allByTestId(byTestId(root, 'all-clips'), 'clip-item')).toHaveLength(world.clips.length);
  });
  return root;
}

const tabCalls = (type: string) => mocked.sendToTab.mock.calls.filter((c) => c[1] === type);
const backgroundCalls = (type: string) => mocked.sendToBackground.mock.calls.filter((c) => c[1] === type);
const itemOf = (root: HTMLElement, section: string, id: string) =>
  allByTestId(byTestId(root, section), 'clip-item').find((li) => li.dataset.clipId === id)!;

describe('deleting and clearing', () => {
  it('deletes one clip, removes it from both lists and tells the page', async () => {
    const root = await ready();
    await click(byTestId(itemOf(root, 'page-clips', mine.id), 'clip-delete'));
    await until(() => expect(allByTestId(root, 'clip-item').some((li) => li.dataset.clipId === mine.id)).toBe(false));
    expect(backgroundCalls('deleteClip')).toEqual([['popup->background', 'deleteClip', { id: mine.id }]]);
    await until(() => expect(tabCalls('clipsChanged')).toEqual([[TAB, 'clipsChanged', {}]]));
  });

  it('clears this page only after the second click, keeping other pages', async () => {
    const root = await ready();
    const button = byTestId(root, 'clear-page');
    await click(button);
    expect(button.textContent).toBe('确认清空？');
    expect(backgroundCalls('clearPage')).toHaveLength(0);
    await click(button);
    await until(() => expect(allByTestId(byTestId(root, 'page-clips'), 'clip-item')).toHaveLength(0));
    // The page url is sent as clips are stored: without its #fragment.
    expect(backgroundCalls('clearPage')).toEqual([['popup->background', 'clearPage', { url: REPORT }]]);
    expect(allByTestId(byTestId(root, 'all-clips'), 'clip-item').map((li) => li.dataset.clipId)).toEqual([other.id]);
    expect(byTestId(root, 'notice').textContent).toContain('已清空本页 2 条摘录');
    await until(() => expect(tabCalls('clipsChanged')).toHaveLength(1));
  });

  it('keeps the clip and explains when the store refuses', async () => {
    world.background = {
      deleteClip: () => {
        throw new Error('存储空间已满，未能删除 (storage is full: nothing was deleted)');
      },
    };
    const root = await ready();
    await click(byTestId(itemOf(root, 'page-clips', mine.id), 'clip-delete'));
    const error = await until(() => byTestId(root, 'error'));
    expect(error.textContent).toContain('删除摘录失败：存储空间已满');
    expect(itemOf(root, 'page-clips', mine.id)).toBeDefined();
    expect(tabCalls('clipsChanged')).toHaveLength(0);
  });

  it('ignores a page that no longer answers after a delete', async () => {
    world.content = {
      clipsChanged: () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    };
    const root = await ready();
    await click(byTestId(itemOf(root, 'all-clips', other.id), 'clip-delete'));
    await until(() => expect(tabCalls('clipsChanged')).toHaveLength(1));
    expect(root.querySelector('[data-testid="error"]')).toBeNull();
    expect(allByTestId(root, 'clip-item').some((li) => li.dataset.clipId === other.id)).toBe(false);
  });
});

describe('page actions', () => {
  it('highlights the page and then offers to remove the highlights', async () => {
    world.content = { highlightPage: () => ({ ...status, highlighted: true, indicatorCount: 17 }) };
    const root = await ready();
    await click(byTestId(root, 'highlight-page'));
    await until(() => byTestId(root, 'remove-highlights'));
    expect(byTestId(root, 'indicator-count').textContent).toBe('17');
    expect(tabCalls('highlightPage')).toEqual([[TAB, 'highlightPage', {}]]);
  });

  it('shows why highlighting failed', async () => {
    world.content = {
      highlightPage: () => {
        throw new Error('页面结构无法读取');
      },
    };
    const root = await ready();
    await click(byTestId(root, 'highlight-page'));
    expect((await until(() => byTestId(root, 'error'))).querySelector('.banner-text')!.textContent).toBe('高亮本页失败：页面结构无法读取');
  });

  it('clips everything and lists the new clips', async () => {
    const added = makeClip({ url: REPORT, label: '赤字率', text: '3%', position: 9 });
    world.content = {
      clipAll: () => {
        world.clips.push(added);
        return { clipped: 1, status: { ...status, highlighted: true, indicatorCount: 3, clippedCount: 3 } };
      },
    };
    const root = await ready();
    await click(byTestId(root, 'clip-all'));
    await until(() => expect(itemOf(root, 'page-clips', added.id)).toBeDefined());
    expect(byTestId(root, 'notice').textContent).toContain('已摘录 1 条');
  });

  it('reads and saves the per-site auto-highlight setting', async () => {
    world.background = { getSiteSettings: () => ({ site: 'www.gov.cn', autoHighlight: true }) };
    const root = await ready();
    const box = await until(() => {
      const b = byTestId<HTMLInputElement>(root, 'auto-highlight');
      expect(b.checked).toBe(true);
      return b;
    });
    await click(box);
    await until(() => expect(backgroundCalls('setSiteSettings')).toEqual([['popup->background', 'setSiteSettings', { site: 'www.gov.cn', autoHighlight: false }]]));
    expect(box.checked).toBe(false);
  });
});

describe('importing a backup', () => {
  async function importFile(root: HTMLElement, file: File) {
    const input = byTestId<HTMLInputElement>(root, 'import-backup');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }

  it('stores the good clips, skips the broken ones and says how many', async () => {
    const fresh = makeClip({ url: OTHER, label: '外贸进出口', text: '5.0%', position: 8 });
    const backup = JSON.parse(backupToJson([fresh]));
    backup.clips.push({ id: 'broken', url: '' });
    const root = await ready();
    await importFile(root, new File([JSON.stringify(backup)], 'zhibiao.json'));
    const notice = await until(() => byTestId(root, 'notice'));
    expect(notice.textContent).toContain('已导入 1 条，跳过 1 条损坏记录');
    expect(backgroundCalls('putClips')).toEqual([['popup->background', 'putClips', { clips: [fresh] }]]);
    await until(() => expect(itemOf(root, 'all-clips', fresh.id)).toBeDefined());
    expect(allByTestId(byTestId(root, 'all-clips'), 'clip-item')).toHaveLength(4);
  });

  it('refuses a file that is not a backup, and loses nothing', async () => {
    const root = await ready();
    await importFile(root, new File(['not json {'], 'notes.txt'));
    const error = await until(() => byTestId(root, 'error'));
    expect(error.textContent).toContain('无法导入备份「notes.txt」');
    expect(error.textContent).toContain('JSON');
    expect(backgroundCalls('putClips')).toHaveLength(0);
    expect(allByTestId(byTestId(root, 'all-clips'), 'clip-item')).toHaveLength(3);
  });
});
