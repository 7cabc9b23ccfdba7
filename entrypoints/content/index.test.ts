// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { listen } from '../../lib/messages/bus';
import { PageStatusSchema } from '../../lib/messages/protocol';
import type { Clip } from '../../lib/model/clip';
import definition from './index';

afterEach(() => {
  fakeBrowser.reset();
  document.body.replaceChildren();
});

const ask = async (type: string) => {
  const reply = (await fakeBrowser.runtime.sendMessage({ zb: 1, direction: 'popup->content', type, payload: {} })) as { ok: boolean; data?: unknown };
  expect(reply.ok).toBe(true);
  return reply.data;
};

describe('content script entrypoint', () => {
  it('runs on every page once it is idle, with its stylesheet in the manifest', () => {
    expect(definition.matches).toEqual(['<all_urls>']);
    expect(definition.runAt).toBe('document_idle');
    expect(definition.cssInjectionMode).toBe('manifest');
  });

  it('answers the popup and clips through the background', async () => {
    const stored: Clip[] = [];
    // A stand-in background on the same (fake) runtime.
    const stopBackground = listen({
      'content->background': {
        putClip: ({ clip }) => (stored.push(clip), { clip }),
        deleteClip: () => ({ deleted: true }),
        clipsForPage: () => ({ clips: stored }),
        getSiteSettings: ({ site }) => ({ site, autoHighlight: false }),
      },
    });
    const p = document.createElement('p');
    p.textContent = '今年力争新增示范点15个，完成率达到98%。';
    document.body.appendChild(p);
    const ctx = new ContentScriptContext('content');
    await definition.main(ctx);

    await vi.waitFor(async () => expect(PageStatusSchema.parse(await ask('getPageStatus')).autoHighlight).toBe(false));
    const status = PageStatusSchema.parse(await ask('highlightPage'));
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
