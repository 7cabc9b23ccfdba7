/**
 * The background's trust boundary, probed from a real content-script world: code running in the
 * extension's own isolated world of a web page (reached through Chromium's devtools protocol, as a
 * compromised or confused content script would run) sends what only extension pages may send, and
 * acts on another site's clips. The background refuses it and the other site's clips stay. Also:
 * the background reads a page's text for it (page.extract) within its limits, and the built
 * extension does use it while highlighting. Chromium only: Firefox's WebDriver BiDi cannot enter
 * an extension's content-script sandbox, nor run code in its background.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchChromiumContext } from './chromium';
import { highlightCounts } from './page-actions';
import { type PackedIndicators, unpackIndicatorLists } from '../../lib/messages/packed-indicators';

const base = inject('baseUrl');
/** The extension API as the test's code sees it inside an extension page. */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
const run = (process.env.ZB_E2E_BROWSERS ?? 'chromium,firefox').includes('chromium') ? describe : describe.skip;

/** Evaluates `expression` in the content script's isolated world of the page and returns its value. */
async function inContentWorld(cdp: CDPSession, contextId: number, expression: string): Promise<unknown> {
  const result = await cdp.send('Runtime.evaluate', { contextId, expression, awaitPromise: true, returnByValue: true });
  if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
  return result.result.value;
}

run('chromium: a content script cannot reach beyond its own page', () => {
  let context: BrowserContext;
  let cleanup: () => Promise<void>;
  let extensionId: string;
  let page: Page;
  let cdp: CDPSession;
  let worldId = 0;

  const send = (message: object) =>
    inContentWorld(cdp, worldId, `chrome.runtime.sendMessage(${JSON.stringify({ zb: 1, ...message })}).catch((e) => ({ thrown: String(e) }))`);

  beforeAll(async () => {
    ({ context, extensionId, cleanup } = await launchChromiumContext());
    // Another site's clip, stored through an extension page as the user would (import).
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const other = {
      id: 'c_other0000000000001',
      url: 'http://other.gov.cn/report.htm',
      title: '其他网站',
      site: 'other.gov.cn',
      section: '',
      indicator: { text: '5%', value: 5, unit: '%', dimension: 'percent', role: 'target', label: '增长' },
      sentence: '增长5%。',
      anchor: { exact: '5%', prefix: '增长', suffix: '。', position: 2 },
      clippedAt: '2024-03-05T01:00:00.000Z',
    };
    const stored = await popup.evaluate(
      (clip) => chrome.runtime.sendMessage({ zb: 1, direction: 'ui->background', type: 'clips.put', payload: { clips: [clip] } }),
      other,
    );
    expect(stored).toEqual({ ok: true, data: { stored: 1 } });
    await popup.close();

    page = await context.newPage();
    cdp = await context.newCDPSession(page);
    const worlds: { id: number; name: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context: c }) => worlds.push(c));
    await cdp.send('Runtime.enable');
    await page.goto(`${base}/corpus/004.html`, { waitUntil: 'load' });
    const deadline = Date.now() + 10_000;
    while (!worldId && Date.now() < deadline) {
      worldId = worlds.find((w) => w.auxData?.type === 'isolated' && /Zhibiao|指标/.test(w.name))?.id ?? 0;
      if (!worldId) await new Promise((r) => setTimeout(r, 100));
    }
    expect(worldId, "the extension's content-script world of the page").toBeGreaterThan(0);
  });
  afterAll(async () => {
    await cleanup?.();
  });

  it('may read its own page, through the content direction', async () => {
    expect(await send({ direction: 'content->background', type: 'clips.ofPage', payload: {} })).toEqual({ ok: true, data: { clips: [] } });
  });

  it('is refused listing every clip and clearing another site', async () => {
    const list = await send({ direction: 'ui->background', type: 'clips.list', payload: { limit: 100 } });
    expect(list).toMatchObject({ ok: false, error: { code: 'message.refused' } });
    const clear = await send({ direction: 'ui->background', type: 'clips.clearPage', payload: { page: 'http://other.gov.cn/report.htm' } });
    expect(clear).toMatchObject({ ok: false, error: { code: 'message.refused' } });
  });

  it("cannot delete another site's clip through the content direction either", async () => {
    const deleted = await send({ direction: 'content->background', type: 'clips.delete', payload: { ids: ['c_other0000000000001'] } });
    expect(deleted).toEqual({ ok: true, data: { deleted: 0 } });
  });

  it('has text read by the background (page.extract), and is refused a batch over its limits', async () => {
    const text = '全年完成投资3029亿元，力争2025年达到3500亿元。';
    const read = (await send({
      direction: 'content->background',
      type: 'page.extract',
      payload: { items: [{ text, heading: '' }] },
    })) as { ok: boolean; data: { packed: PackedIndicators } };
    expect(read.ok).toBe(true);
    // Packed (two arrays a batch): what the content script unpacks against the texts it sent.
    const [found] = unpackIndicatorLists(read.data.packed, [text]);
    expect(found.map((f) => [f.text, f.value, f.role])).toEqual([
      ['3029亿元', 302_900_000_000, 'actual'],
      ['3500亿元', 350_000_000_000, 'target'],
    ]);
    const tooLong = await send({ direction: 'content->background', type: 'page.extract', payload: { items: [{ text: '9'.repeat(2001), heading: '' }] } });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'message.badRequest' } });
    const tooMany = await send({
      direction: 'content->background',
      type: 'page.extract',
      payload: { items: Array.from({ length: 2001 }, () => ({ text: '完成98%。', heading: '' })) },
    });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'message.badRequest' } });
  });

  it('shares the reading of a page it highlights with the background', async () => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // A listener of the test's beside the extension's own: it counts what the pages ask the background to read.
    await worker.evaluate(() => {
      const g = globalThis as unknown as { __zbAsked: number; chrome: { runtime: { onMessage: { addListener(f: (m: unknown) => void): void } } } };
      g.__zbAsked = 0;
      g.chrome.runtime.onMessage.addListener((m) => {
        const message = m as { type?: string; payload?: { items?: { text: string }[] } };
        if (message.type === 'page.extract') for (const item of message.payload?.items ?? []) g.__zbAsked += item.text.length;
      });
    });
    const other = await context.newPage();
    await other.goto(`${base}/corpus/001.html`, { waitUntil: 'load' });
    // Highlighted whole: the count of registered ranges stops changing.
    let drawn = -1;
    for (let same = 0; same < 5; ) {
      await new Promise((r) => setTimeout(r, 300));
      const now = (await highlightCounts(other)).figures;
      same = now === drawn && now > 0 ? same + 1 : 0;
      drawn = now;
    }
    const asked = await worker.evaluate(() => (globalThis as unknown as { __zbAsked: number }).__zbAsked);
    const textLength = await other.evaluate(() => document.body.innerText.length);
    console.log(`[e2e] chromium: corpus page 001, ${drawn} figures drawn; the background was asked to read ${asked} of its ${textLength} characters`);
    expect(drawn).toBeGreaterThan(700);
    expect(asked).toBeGreaterThan(0);
    await other.close();
  });

  it("leaves the other site's clip in the store", async () => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const listed = await popup.evaluate(() => chrome.runtime.sendMessage({ zb: 1, direction: 'ui->background', type: 'clips.list', payload: { limit: 100 } }));
    expect((listed as { data: { clips: { id: string }[] } }).data.clips.map((c) => c.id)).toEqual(['c_other0000000000001']);
    await popup.close();
  });
});
