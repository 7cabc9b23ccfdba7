import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentSender } from '../messages/bus';
import { forgetAllFrames, forgetFrame, framesOf, noteFrame, pageFramesOf, pageOfFrame, sharesTopPage } from './frames';

const TOP = 'https://www.gov.cn/zhengce/portal.htm';
const sender = (frameId: number, url: string, origin?: string, tabId = 5): ContentSender => ({ tabId, frameId, url, ...(origin ? { origin } : {}) });

beforeEach(() => {
  fakeBrowser.reset();
  forgetAllFrames();
});
afterEach(() => vi.restoreAllMocks());

describe('the frames of a tab', () => {
  it('lists the top frame first, then frames of its origin and its about: frames; a cross-origin frame is left out', async () => {
    noteFrame(sender(0, TOP));
    noteFrame(sender(12, 'https://www.gov.cn/zhengce/article.htm'));
    noteFrame(sender(9, 'about:srcdoc', 'https://www.gov.cn'));
    noteFrame(sender(30, 'https://ads.example.com/banner'));
    noteFrame(sender(31, 'about:blank', 'https://ads.example.com'));
    expect(await pageFramesOf(5)).toEqual([0, 9, 12]);
    forgetFrame(5, 12);
    expect(await pageFramesOf(5)).toEqual([0, 9]);
  });

  it('holds a roll call for a tab it does not know (a restarted service worker), and lists who answered', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: unknown, options?: { frameId?: number }) => {
      expect(options?.frameId).toBeUndefined(); // to every frame
      expect(message).toMatchObject({ type: 'frame.rollCall' });
      // Each frame answers with a content→background message, which notes it.
      noteFrame(sender(0, TOP, undefined, tabId));
      noteFrame(sender(4, 'about:srcdoc', 'https://www.gov.cn', tabId));
      return { ok: true, data: { ok: true } };
    }) as never);
    expect(await pageFramesOf(5)).toEqual([0, 4]);
    expect(send).toHaveBeenCalledTimes(1);
    await framesOf(5);
    expect(send).toHaveBeenCalledTimes(1); // known now: no second roll call
  });

  it('a tab without the content script has no frames, and the roll call does not throw', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect([...(await framesOf(8)).keys()]).toEqual([]);
  });
});

describe('whose page a frame is', () => {
  it('a frame with an address is its own page', async () => {
    expect(await pageOfFrame(sender(12, 'https://www.gov.cn/zhengce/article.htm'))).toBe('https://www.gov.cn/zhengce/article.htm');
  });

  it("an about:blank or srcdoc frame is its top page's, when the browser gives it the top page's origin or none", async () => {
    noteFrame(sender(0, `${TOP}#nav`));
    expect(await pageOfFrame(sender(9, 'about:srcdoc', 'https://www.gov.cn'))).toBe(TOP);
    expect(await pageOfFrame(sender(9, 'about:blank'))).toBe(TOP);
  });

  it('an about: frame of another origin (inside a cross-origin ad) owns no page', async () => {
    noteFrame(sender(0, TOP));
    expect(await pageOfFrame(sender(31, 'about:blank', 'https://ads.example.com'))).toBeUndefined();
    expect(sharesTopPage({ url: 'about:srcdoc', origin: 'null' }, { url: TOP })).toBe(false);
  });

  it('waits for the top page when its script starts after the frame', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const owner = pageOfFrame(sender(9, 'about:srcdoc', 'https://www.gov.cn'));
    setTimeout(() => noteFrame(sender(0, TOP)), 50);
    expect(await owner).toBe(TOP);
  });
});
