/**
 * The clip store in the built extension, as the extension's pages reach it: `ui->background`
 * messages from the popup page answered by the real background over the browser's own IndexedDB.
 * Paged lists (cursor, total), search across scripts, page summaries, corrections, undo; and a
 * database left at a newer version gives one error code through the bus, its data untouched.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clip } from '../../lib/model/clip';
import { sampleClip } from '../../lib/model/sample-clip.test-support';
import { backupToJson } from '../../lib/store/backup';
import { type BrowserName, type ExtensionBrowser, launch, type Tab, waitFor } from './driver';

const BROWSERS = (process.env.ZB_E2E_BROWSERS ?? 'chromium,firefox').split(',').filter(Boolean) as BrowserName[];

type Reply = { ok: true; data: unknown } | { ok: false; error: { code: string; params?: unknown; detail?: string } };

/** One ui->background message from the extension page, as its port sends it; the raw reply. */
function ask(tab: Tab, type: string, payload: unknown): Promise<Reply> {
  return tab.evaluate(
    async ([type, payload]) => {
      type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      const page = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
      const runtime = (page.browser ?? page.chrome).runtime;
      return (await runtime.sendMessage({ zb: 1, direction: 'ui->background', type, payload })) as Reply;
    },
    [type, payload] as const,
  );
}

async function data<T>(tab: Tab, type: string, payload: unknown): Promise<T> {
  const reply = await ask(tab, type, payload);
  if (!reply.ok) throw new Error(`${type}: ${JSON.stringify(reply.error)}`);
  return reply.data as T;
}

const PAGES = ['https://www.gov.cn/zhengce/a.htm', 'https://www.stats.gov.cn/sj/b.html', 'https://www.gov.hk/tc/c.htm'];
const clips: Clip[] = PAGES.flatMap((url, p) =>
  Array.from({ length: 40 }, (_, i) =>
    sampleClip({
      url,
      exact: `${i + 1}%`,
      value: i + 1,
      position: 100 + i * 50,
      sentence: p === 2 ? `本地生產總值增長${i + 1}%` : `国内生产总值增长${i + 1}%左右`,
      clippedAt: new Date(Date.UTC(2024, p, 1, 0, i)).toISOString(),
    }),
  ),
);

describe.each(BROWSERS)('%s: the clip store behind the message bus', (name) => {
  let browser: ExtensionBrowser;
  let popup: Tab;

  beforeAll(async () => {
    browser = await launch(name);
    popup = await browser.openPopup();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('pages every clip newest first with a cursor and a total, and one page in page order', async () => {
    expect(await data(popup, 'clips.put', { clips })).toEqual({ stored: 120 });
    const seen: string[] = [];
    let cursor: string | undefined;
    let total: number | undefined;
    do {
      const screen = await data<{ clips: Clip[]; next?: string; total?: number }>(popup, 'clips.list', { limit: 50, ...(cursor ? { cursor } : {}) });
      total ??= screen.total;
      seen.push(...screen.clips.map((c) => c.id));
      cursor = screen.next;
    } while (cursor);
    expect(total).toBe(120);
    expect(seen).toEqual([...clips].sort((a, b) => b.clippedAt.localeCompare(a.clippedAt)).map((c) => c.id));
    const page = await data<{ clips: Clip[]; total?: number }>(popup, 'clips.list', { page: `${PAGES[1]}#top`, limit: 5 });
    expect(page.total).toBe(40);
    expect(page.clips.map((c) => c.anchor.position)).toEqual([100, 150, 200, 250, 300]);
    const pages = await data<{ pages: { url: string; clipCount: number }[] }>(popup, 'clips.pages', { limit: 10 });
    expect(pages.pages.map((p) => [p.url, p.clipCount])).toEqual([...PAGES].reverse().map((url) => [url, 40]));
  });

  it('searches simplified and traditional alike, every word', async () => {
    const found = await data<{ clips: Clip[]; total?: number }>(popup, 'clips.list', { search: '生产总值 增长7%', limit: 50 });
    expect(found.total).toBe(3);
    expect(found.clips.map((c) => c.url)).toEqual([...PAGES].reverse());
  });

  it('keeps a correction, marks it, and undoes a delete with what it returned', async () => {
    const target = clips[0];
    const { clip } = await data<{ clip: Clip }>(popup, 'clips.update', { id: target.id, patch: { label: '经济增速', note: '核对' } });
    expect(clip).toMatchObject({ indicator: { label: '经济增速' }, original: target.indicator, edited: ['label'], note: '核对' });
    await data(popup, 'clips.put', { clips: [target] }); // the page clips the same figure again
    const again = await data<{ clips: Clip[] }>(popup, 'clips.list', { search: '经济增速', limit: 5 });
    expect(again.clips.map((c) => [c.id, c.indicator.label, c.note])).toEqual([[target.id, '经济增速', '核对']]);
    const { deleted } = await data<{ deleted: Clip[] }>(popup, 'clips.delete', { ids: [target.id, clips[1].id] });
    expect(deleted.map((c) => c.id).sort()).toEqual([target.id, clips[1].id].sort());
    expect((await data<{ total?: number }>(popup, 'clips.list', { limit: 1 })).total).toBe(118);
    await data(popup, 'clips.put', { clips: deleted });
    expect((await data<{ total?: number }>(popup, 'clips.list', { limit: 1 })).total).toBe(120);
  });

  it('imports a backup of thousands of clips through the popup, with progress and the true counts', async () => {
    // 3,000 new clips, 40 already stored, 2 twice in the file, and 3 broken entries.
    const fresh = Array.from({ length: 3000 }, (_, i) =>
      sampleClip({
        url: `https://www.gov.cn/zhengce/import-${i % 30}.htm`,
        exact: `${i + 1}万吨`,
        value: (i + 1) * 10_000,
        position: 10 + i,
        sentence: `粮食产量达到${i + 1}万吨`,
        clippedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
      }),
    );
    const backup = JSON.parse(backupToJson([...fresh, ...clips.slice(40, 80), fresh[0], fresh[1]]));
    backup.clips.push({ id: 'broken', url: '' }, 42, { ...fresh[2], anchor: null });
    const dir = mkdtempSync(join(tmpdir(), 'zb-import-'));
    const file = join(dir, 'zhibiao-backup.json');
    writeFileSync(file, JSON.stringify(backup));
    try {
      // The popup follows a language change pushed from elsewhere (settings.changed).
      await data(popup, 'settings.setUi', { locale: 'zh-CN' });
      await waitFor(popup, () => document.documentElement.lang === 'zh-CN', null, { what: 'the popup in simplified Chinese' });
      // What the popup shows while the import runs, as the reader would have seen it.
      await popup.evaluate(() => {
        const seen: string[] = [];
        (globalThis as unknown as { zbSeen: string[] }).zbSeen = seen;
        new MutationObserver(() => {
          const text = document.querySelector('[data-testid="import-progress"]')?.textContent;
          if (text && seen.at(-1) !== text) seen.push(text);
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      }, null);
      await popup.uploadFile('[data-testid="import-backup"]', file);
      const notice = await waitFor(popup, () => document.querySelector('[data-testid="notice"]')?.textContent, null, {
        timeout: 60_000,
        what: 'the import notice',
      });
      expect(notice).toContain('导入完成：新增 3000 条；已有而跳过 42 条；无效而拒收 3 条');
      const seen = await popup.evaluate(() => (globalThis as unknown as { zbSeen: string[] }).zbSeen, null);
      expect(seen.length, 'progress shown while importing').toBeGreaterThan(0);
      expect(
        seen.every((text) => /^正在导入：\d+ \/ 3045 条$/.test(text)),
        seen.join(' | '),
      ).toBe(true);
      expect(await popup.evaluate(() => document.querySelector('[data-testid="import-progress"]'), null)).toBeNull();
      expect((await data<{ total?: number }>(popup, 'clips.list', { limit: 1 })).total).toBe(3120);
      const onePage = await data<{ total?: number }>(popup, 'clips.list', { page: 'https://www.gov.cn/zhengce/import-7.htm', limit: 1 });
      expect(onePage.total).toBe(100);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('imports a backup of 100,000 clips (more than one browser message can carry) and keeps every one', async () => {
    // About 70 MB of JSON: Chromium refuses an extension message over 64 MiB, so the popup must send it in parts.
    const many = Array.from({ length: 100_000 }, (_, i) =>
      sampleClip({
        url: `https://www.gov.cn/zhengce/big-${i % 500}.htm`,
        exact: `${i + 1}亿元`,
        value: (i + 1) * 1e8,
        unit: '元',
        position: 10 + i,
        sentence: `全年完成固定资产投资${i + 1}亿元，比上年增长${i % 10}.5%，其中民间投资占比进一步提高，重大项目建设加快推进。`,
        clippedAt: new Date(Date.UTC(2023, 0, 1, 0, 0, i)).toISOString(),
      }),
    );
    const json = backupToJson(many);
    expect(Buffer.byteLength(json), 'the file is bigger than one message may be').toBeGreaterThan(64 * 1024 * 1024);
    const dir = mkdtempSync(join(tmpdir(), 'zb-import-big-'));
    const file = join(dir, 'zhibiao-backup.json');
    writeFileSync(file, json);
    const before = (await data<{ total?: number }>(popup, 'clips.list', { limit: 1 })).total ?? 0;
    try {
      // The notice of the last import is still shown: wait for the next one (a result or an error).
      const earlier = await popup.evaluate(() => document.querySelector('[data-testid="notice"]')?.textContent ?? '', null);
      await popup.uploadFile('[data-testid="import-backup"]', file);
      const notice = await waitFor(
        popup,
        (earlier) => {
          const text = document.querySelector('[data-testid="notice"]')?.textContent;
          return text && text !== earlier ? text : null;
        },
        earlier,
        {
          timeout: 240_000,
          what: 'the notice of the 100,000-clip import',
        },
      );
      expect(notice).toContain('导入完成：新增 100000 条；已有而跳过 0 条；无效而拒收 0 条');
      expect((await data<{ total?: number }>(popup, 'clips.list', { limit: 1 })).total).toBe(before + 100_000);
      const last = await data<{ clips: Clip[]; total?: number }>(popup, 'clips.list', { page: 'https://www.gov.cn/zhengce/big-499.htm', limit: 1 });
      expect(last.total).toBe(200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);

  it('answers store.versionNewer for a database at a newer version, and leaves its data alone', async () => {
    const stored = (await data<{ total?: number }>(popup, 'clips.list', { limit: 1 })).total;
    expect(stored, 'the clips of the tests before').toBe(103_120);
    // What a downgrade leaves: the database one version ahead of this extension.
    const before = await popup.evaluate(async () => {
      const open = (version?: number) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const request = version ? indexedDB.open('zhibiao', version) : indexedDB.open('zhibiao');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const current = await open();
      const next = current.version + 1;
      current.close();
      const newer = await open(next); // the background's connection steps aside
      const count = await new Promise<number>((resolve) => {
        const request = newer.transaction('clips').objectStore('clips').count();
        request.onsuccess = () => resolve(request.result);
      });
      newer.close();
      return { version: next, count };
    }, null);
    expect(before.count).toBe(stored);
    const reply = await ask(popup, 'clips.list', { limit: 50 });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('store.versionNewer');
    const put = await ask(popup, 'clips.put', { clips: [sampleClip({ exact: '9.9%' })] });
    expect(!put.ok && put.error.code).toBe('store.versionNewer');
    const after = await popup.evaluate(async (version) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('zhibiao', version);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const count = await new Promise<number>((resolve) => {
        const request = db.transaction('clips').objectStore('clips').count();
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      return { version: db.version, count };
    }, before.version);
    expect(after).toEqual({ version: before.version, count: stored });
  });
});
