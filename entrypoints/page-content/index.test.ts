// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setLocale } from '../../lib/i18n';
import type { ContentHandlers } from '../../lib/messages/bus';
import { PageStatusSchema } from '../../lib/messages/schemas';
import { deliver, envelope, senders } from '../../lib/messages/test-support';
import type { Clip } from '../../lib/model/clip';
import { noticeText, startContentScript } from './index';

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
  it('announces nothing to the page: no window message, no DOM event, nothing in the DOM', async () => {
    const stopBackground = fakeStandIn({
      'clips.ofPage': () => ({ clips: [] }),
      'settings.get': () => ({ site: { site: 'localhost', autoHighlight: true }, ui: { locale: 'en' } }),
    });
    const posted = vi.spyOn(window, 'postMessage');
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    const windowDispatched = vi.spyOn(window, 'dispatchEvent');
    document.body.innerHTML = '<p>今年力争新增示范点15个，完成率达到98%。</p>';
    const html = document.documentElement.outerHTML;
    const stop = startContentScript(document, window);
    await vi.waitFor(async () => expect(PageStatusSchema.parse(await ask('page.status')).url).toContain('localhost'));
    expect(posted).not.toHaveBeenCalled();
    expect(dispatched).not.toHaveBeenCalled();
    expect(windowDispatched).not.toHaveBeenCalled();
    expect(document.documentElement.outerHTML).toBe(html);
    stop();
    stopBackground();
  });

  it('lets only trusted clicks act: a click the page dispatches clips nothing', async () => {
    const stored: Clip[] = [];
    const stopBackground = fakeStandIn({
      'clips.put': ({ clips }: { clips: Clip[] }) => {
        stored.push(...clips);
        return { clips };
      },
      'clips.ofPage': () => ({ clips: stored }),
      'settings.get': () => ({ site: { site: 'localhost', autoHighlight: false }, ui: { locale: 'auto' } }),
    });
    document.body.innerHTML = '<p id="p">今年力争新增示范点15个，完成率达到98%。</p>';
    const stop = startContentScript(document, window);
    await vi.waitFor(async () => expect(PageStatusSchema.parse(await ask('page.status')).autoHighlight).toBe(false));
    expect(PageStatusSchema.parse(await ask('page.highlight', { on: true })).highlighted).toBe(true);
    // happy-dom lays nothing out: the caret and the figure's box under the pointer are given here.
    const text = document.getElementById('p')!.firstChild as Text;
    Object.assign(document, { caretPositionFromPoint: () => ({ offsetNode: text, offset: text.data.indexOf('98%') + 1 }) });
    vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([{ left: 0, right: 100, top: 0, bottom: 20 }] as unknown as DOMRectList);
    const click = (trusted: boolean) => {
      const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, detail: 1, clientX: 10, clientY: 10 });
      // A real user's click is trusted; the test DOM cannot make one, so the control case says it is.
      if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
      document.getElementById('p')!.dispatchEvent(event);
      return event;
    };
    const forged = click(false);
    await new Promise((r) => setTimeout(r, 500));
    expect(forged.defaultPrevented).toBe(false);
    expect(stored).toEqual([]);
    const real = click(true);
    await vi.waitFor(() => expect(stored.map((c) => c.indicator.text)).toEqual(['98%']));
    expect(real.defaultPrevented).toBe(false);
    vi.restoreAllMocks();
    stop();
    stopBackground();
  });

  it('words a failure in the catalogue', () => {
    setLocale('en');
    expect(noticeText({ code: 'page.error.clipFailed', reason: 'page.error.figureGone' })).toBe('Could not clip: This figure is no longer on the page');
    expect(noticeText({ code: 'page.error.someNotClipped', reason: 'QuotaExceededError' })).toBe('Some figures were not clipped: QuotaExceededError');
    setLocale('zh-CN');
  });
});
