// @vitest-environment happy-dom
/** The popup's actions, driven through the UI, checked by what they ask of the port and what the user then sees. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MessageError } from '../../lib/messages/bus';
import { backupToJson } from '../../lib/store/backup';
import { allByTestId, byTestId, click, makeClip, makeStatus, unmountAll, until } from '../shared/test-support';
import { App } from './App';
import { type FakePort, type FakeWorld, fakePort, mountWithPort, noReceiver } from './test-support';

const REPORT = 'https://www.gov.cn/zhengce/report.htm';
const OTHER = 'https://www.stats.gov.cn/communique.htm';
const TAB = 7;
const status = makeStatus({ url: `${REPORT}#part2`, title: '政府工作报告', highlighted: false, indicatorCount: 0 });
const mine = makeClip({ url: REPORT, label: '国内生产总值', text: '5%', position: 1 });
const mine2 = makeClip({ url: REPORT, label: '城镇新增就业', text: '1200万人', position: 2 });
const other = makeClip({ url: OTHER, title: '统计公报', label: '粮食产量', text: '13908亿斤', position: 3 });

let world: FakeWorld;
let port: FakePort;

beforeEach(() => {
  world = { clips: [mine, mine2, other], pages: new Map([[TAB, status]]), tabs: [{ id: TAB, url: REPORT }], active: { id: TAB, url: REPORT } };
  port = fakePort(world);
});
afterEach(unmountAll);

async function ready() {
  const { root } = mountWithPort(<App />, port);
  await until(() => {
    byTestId(root, 'verdict');
    expect(allByTestId(byTestId(root, 'all-clips'), 'clip-item')).toHaveLength(world.clips.length);
  });
  return root;
}

const itemOf = (root: HTMLElement, section: string, id: string) => allByTestId(byTestId(root, section), 'clip-item').find((li) => li.dataset.clipId === id)!;
const statusReads = () => port.pageStatus.mock.calls.filter((c) => c[0] === TAB).length;

describe('deleting and clearing', () => {
  it('deletes one clip, removes it from both lists and shows the page its new count', async () => {
    const root = await ready();
    const readsBefore = statusReads();
    world.pages.set(TAB, { ...status, clippedCount: 1 });
    await click(byTestId(itemOf(root, 'page-clips', mine.id), 'clip-delete'));
    await until(() => expect(allByTestId(root, 'clip-item').some((li) => li.dataset.clipId === mine.id)).toBe(false));
    expect(port.deleteClips.mock.calls).toEqual([[[mine.id]]]);
    await until(() => expect(statusReads()).toBe(readsBefore + 1));
    await until(() => expect(root.querySelector('.clipped-count')?.textContent).toBe('，已摘录 1 个'));
  });

  it('clears this page only after the second click, keeping other pages', async () => {
    const root = await ready();
    const readsBefore = statusReads();
    const button = byTestId(root, 'clear-page');
    await click(button);
    expect(button.textContent).toBe('确认清空？');
    expect(port.clearPage).not.toHaveBeenCalled();
    await click(button);
    await until(() => expect(allByTestId(byTestId(root, 'page-clips'), 'clip-item')).toHaveLength(0));
    // The page url is sent as clips are stored: without its #fragment.
    expect(port.clearPage.mock.calls).toEqual([[REPORT]]);
    expect(allByTestId(byTestId(root, 'all-clips'), 'clip-item').map((li) => li.dataset.clipId)).toEqual([other.id]);
    expect(byTestId(root, 'notice').textContent).toContain('已清空本页 2 条摘录');
    await until(() => expect(statusReads()).toBe(readsBefore + 1));
  });

  it('keeps the clip and explains when the store refuses', async () => {
    world.override = {
      deleteClips: async () => {
        throw new MessageError({ code: 'store.quota', detail: 'QuotaExceededError: storage is full: nothing was deleted' });
      },
    };
    const root = await ready();
    const readsBefore = statusReads();
    await click(byTestId(itemOf(root, 'page-clips', mine.id), 'clip-delete'));
    const error = await until(() => byTestId(root, 'error'));
    expect(error.textContent).toContain('删除摘录失败：存储空间已满');
    expect(error.querySelector('.banner-text')!.textContent).toBe('删除摘录失败：存储空间已满，请先导出并删除部分摘录');
    expect(byTestId(error, 'error-detail').textContent).toContain('QuotaExceededError');
    expect(itemOf(root, 'page-clips', mine.id)).toBeDefined();
    expect(statusReads()).toBe(readsBefore);
  });

  it('ignores a page that no longer answers after a delete', async () => {
    const root = await ready();
    world.pages.delete(TAB);
    const readsBefore = statusReads();
    await click(byTestId(itemOf(root, 'all-clips', other.id), 'clip-delete'));
    await until(() => expect(statusReads()).toBe(readsBefore + 1));
    expect(root.querySelector('[data-testid="error"]')).toBeNull();
    expect(allByTestId(root, 'clip-item').some((li) => li.dataset.clipId === other.id)).toBe(false);
  });
});

describe('page actions', () => {
  it('highlights the page and then offers to remove the highlights', async () => {
    world.override = { highlight: async () => ({ ...status, highlighted: true, indicatorCount: 17 }) };
    const root = await ready();
    await click(byTestId(root, 'highlight-page'));
    await until(() => byTestId(root, 'remove-highlights'));
    expect(byTestId(root, 'indicator-count').textContent).toBe('17');
    expect(port.highlight.mock.calls).toEqual([[TAB, true]]);
  });

  it('shows why highlighting failed', async () => {
    world.override = {
      highlight: async () => {
        throw new MessageError({ code: 'page.unsupported', detail: 'page.highlight: document is not HTML' });
      },
    };
    const root = await ready();
    await click(byTestId(root, 'highlight-page'));
    expect((await until(() => byTestId(root, 'error'))).querySelector('.banner-text')!.textContent).toBe('高亮本页失败：此页面无法分析');
  });

  it('clips everything and lists the new clips', async () => {
    const added = makeClip({ url: REPORT, label: '赤字率', text: '3%', position: 9 });
    world.override = {
      clipAll: async () => {
        // The content script stores the clips through the background, which tells every screen.
        world.clips.push(added);
        world.pages.set(TAB, { ...status, highlighted: true, indicatorCount: 3, clippedCount: 3 });
        setTimeout(() => port.emit({ type: 'clips.changed', pages: [REPORT] }), 0);
        return 1;
      },
    };
    const root = await ready();
    await click(byTestId(root, 'clip-all'));
    await until(() => expect(itemOf(root, 'page-clips', added.id)).toBeDefined());
    expect(byTestId(root, 'notice').textContent).toContain('已摘录 1 条');
    expect(byTestId(root, 'indicator-count').textContent).toBe('3');
  });

  it('reads and saves the per-site auto-highlight setting', async () => {
    world.siteSettings = { 'www.gov.cn': { site: 'www.gov.cn', autoHighlight: true } };
    const root = await ready();
    const box = await until(() => {
      const b = byTestId<HTMLInputElement>(root, 'auto-highlight');
      expect(b.checked).toBe(true);
      return b;
    });
    await click(box);
    await until(() => expect(port.setSiteSettings.mock.calls).toEqual([[{ site: 'www.gov.cn', autoHighlight: false }]]));
    expect(box.checked).toBe(false);
  });

  it('puts the setting back and explains when it cannot be saved', async () => {
    world.override = {
      setSiteSettings: async () => {
        throw new MessageError({ code: 'store.writeFailed' });
      },
    };
    const root = await ready();
    const box = byTestId<HTMLInputElement>(root, 'auto-highlight');
    await click(box);
    const error = await until(() => byTestId(root, 'error'));
    expect(error.querySelector('.banner-text')!.textContent).toBe('保存本站设置失败：无法写入摘录数据库，什么也没有改动');
    expect(box.checked).toBe(false);
  });
});

describe('importing a backup', () => {
  async function importFile(root: HTMLElement, file: File) {
    const input = byTestId<HTMLInputElement>(root, 'import-backup');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }

  it('sends the entries to the background, shows its progress and says what became of each', async () => {
    const fresh = makeClip({ url: OTHER, label: '外贸进出口', text: '5.0%', position: 8 });
    const backup = JSON.parse(backupToJson([fresh, mine]));
    backup.clips.push({ id: 'broken', url: '' });
    const root = await ready();
    const seen: string[] = [];
    const watch = new MutationObserver(() => {
      const progress = root.querySelector('[data-testid="import-progress"]');
      if (progress?.textContent) seen.push(progress.textContent);
    });
    watch.observe(root, { subtree: true, childList: true, characterData: true });
    await importFile(root, new File([JSON.stringify(backup)], 'zhibiao.json'));
    const notice = await until(() => byTestId(root, 'notice'));
    watch.disconnect();
    expect(notice.textContent).toContain('导入完成：新增 1 条；已有而跳过 1 条；无效而拒收 1 条');
    expect(seen).toContain('正在导入：0 / 3 条');
    expect(port.importClips.mock.calls.map((call) => call[0])).toEqual([backup.clips]);
    expect(port.putClips).not.toHaveBeenCalled();
    expect(root.querySelector('[data-testid="import-progress"]')).toBeNull();
    await until(() => expect(itemOf(root, 'all-clips', fresh.id)).toBeDefined());
    expect(allByTestId(byTestId(root, 'all-clips'), 'clip-item')).toHaveLength(4);
  });

  it('says the background fell silent when its progress stops', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      world.override = {
        importClips: (_entries, onProgress) => {
          onProgress?.(0, 5);
          return new Promise(() => undefined); // the background stops answering part way
        },
      };
      const root = await ready();
      await importFile(root, new File([backupToJson([makeClip({ url: OTHER, text: '7%' })])], 'b.json'));
      await until(() => byTestId(root, 'import-progress'));
      await vi.advanceTimersByTimeAsync(10_500);
      const text = (await until(() => byTestId(root, 'error'))).querySelector('.banner-text')!.textContent!;
      expect(text).toMatch(/^导入备份失败：/);
      expect(root.querySelector('[data-testid="import-progress"]')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a file that is not a backup, and loses nothing', async () => {
    const root = await ready();
    await importFile(root, new File(['not json {'], 'notes.txt'));
    const error = await until(() => byTestId(root, 'error'));
    expect(error.textContent).toContain('无法导入备份「notes.txt」');
    expect(error.textContent).toContain('JSON');
    expect(error.querySelector('.banner-text')!.textContent).toMatch(/^无法导入备份「notes.txt」：[^：]+。现有摘录未改动。$/);
    expect(port.importClips).not.toHaveBeenCalled();
    expect(allByTestId(byTestId(root, 'all-clips'), 'clip-item')).toHaveLength(3);
  });

  it('says the background is silent once, not the action twice', async () => {
    world.override = {
      importClips: async () => {
        throw noReceiver();
      },
    };
    const root = await ready();
    await importFile(root, new File([backupToJson([makeClip({ url: OTHER, text: '7%' })])], 'b.json'));
    const text = (await until(() => byTestId(root, 'error'))).querySelector('.banner-text')!.textContent!;
    expect(text).toBe('导入备份失败：后台没有响应，请稍后重试或重新加载扩展');
  });
});
