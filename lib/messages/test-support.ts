/**
 * Test support (not shipped): delivers a message to the listeners registered on WXT's fake
 * runtime as if the browser had, with the sender the test chooses, and returns the reply.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RawSender } from './bus';

export const EXTENSION_ID = fakeBrowser.runtime.id;
export const ORIGIN = fakeBrowser.runtime.getURL('/');

/** Senders as each browser reports them. */
export const senders = {
  popup: { id: EXTENSION_ID, url: `${ORIGIN}popup.html` } satisfies RawSender,
  sidePanel: { id: EXTENSION_ID, url: `${ORIGIN}sidepanel.html` } satisfies RawSender,
  background: { id: EXTENSION_ID, url: `${ORIGIN}background.js` } satisfies RawSender,
  content: (url = 'https://www.gov.cn/zhengce/a.htm', tabId = 7, frameId = 0): RawSender => ({ id: EXTENSION_ID, url, tab: { id: tabId, url }, frameId }),
  otherExtension: { id: 'someone-else', url: 'chrome-extension://someone-else/popup.html' } satisfies RawSender,
};

export async function deliver(message: unknown, sender: RawSender): Promise<unknown> {
  let reply: unknown;
  const replied = new Promise<void>((resolve) => {
    const sendResponse = (r: unknown) => {
      reply = r;
      resolve();
    };
    void fakeBrowser.runtime.onMessage.trigger(message, sender as never, sendResponse).then((results: unknown[]) => {
      if (!results.some((r) => r === true)) resolve();
    });
  });
  await replied;
  return reply;
}

export const envelope = (direction: string, type: string, payload: unknown = {}) => ({ zb: 1, direction, type, payload });
