// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ContentHandlers } from '../../lib/messages/bus';
import { PageStatusSchema } from '../../lib/messages/schemas';
import { deliver, envelope, senders } from '../../lib/messages/test-support';
import type { Clip } from '../../lib/model/clip';
import definition from './index';

afterEach(() => {
  fakeBrowser.reset();
  document.body.replaceChildren();
});

/** Asks the content script as the background does (tabs.sendMessage from the extension itself). */
const ask = async (type: string, payload: unknown = {}) => {
  const reply = (await deliver(envelope('background->content', type, payload), senders.background)) as { ok: boolean; data?: unknown };
  expect(reply.ok).toBe(true);
  return reply.data;
};

/** A background on the fake runtime that answers content messages from any sender (the fake runtime reports none). */
function fakeStandIn(content: Partial<Record<keyof ContentHandlers, (request: never) => unknown>>): () => void {
  const listener = (message: { direction?: string; type?: string; payload?: unknown }, _sender: unknown, sendResponse: (r: unknown) => void) => {
    if (message?.direction !== 'content->background') return false;
    const handler = content[message.type as keyof ContentHandlers];
    if (!handler) return false;
    Promise.resolve(handler(message.payload as never)).then((data) => sendResponse({ ok: true, data }));
    return true;
  };
  fakeBrowser.runtime.onMessage.addListener(listener as never);
  return () => fakeBrowser.runtime.onMessage.removeListener(listener as never);
}

describe('content script entrypoint', () => {
  it('runs on every page once it is idle, with its stylesheet in the manifest', () => {
    expect(definition.matches).toEqual(['<all_urls>']);
    expect(definition.runAt).toBe('document_idle');
    expect(definition.cssInjectionMode).toBe('manifest');
  });

  it('answers the popup and clips through the background', async () => {
    const stored: Clip[] = [];
    // A stand-in background on the same (fake) runtime.
    // The fake runtime reports no sender, so the stand-in answers whatever reaches it.
    const stopBackground = fakeStandIn({
      'clips.put': ({ clips }: { clips: Clip[] }) => (stored.push(...clips), { clips }),
      'clips.delete': () => ({ deleted: 1 }),
      'clips.ofPage': () => ({ clips: stored }),
      'settings.get': () => ({ site: { site: 'localhost', autoHighlight: false }, ui: { locale: 'auto' } }),
    });
    const p = document.createElement('p');
    p.textContent = '今年力争新增示范点15个，完成率达到98%。';
    document.body.appendChild(p);
    const ctx = new ContentScriptContext('content');
    await definition.main(ctx);

    await vi.waitFor(async () => expect(PageStatusSchema.parse(await ask('page.status')).autoHighlight).toBe(false));
    const status = PageStatusSchema.parse(await ask('page.highlight', { on: true }));
    expect(status.highlighted).toBe(true);
    const mark = Array.from(document.querySelectorAll('zb-mark')).find((m) => m.textContent === '98%')!;
    mark.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, detail: 1 }));
    await vi.waitFor(() => expect(stored).toHaveLength(1));
    expect(stored[0].indicator.text).toBe('98%');
    expect(mark.getAttribute('data-clipped')).toBe('true');

    ctx.abort(); // extension reloaded: highlights go away
    await vi.waitFor(() => expect(document.querySelector('zb-mark')).toBeNull());
    expect(p.textContent).toBe('今年力争新增示范点15个，完成率达到98%。');
    stopBackground();
  });
});
