import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb } from '../store/clip-store';
import { backgroundHandlers } from '../store/handlers';
import { sampleClip } from '../store/sample-clip';
import { MessageError, listen, sendToBackground } from './bus';

beforeEach(async () => {
  fakeBrowser.reset();
  await closeDb();
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('messages between the content script or popup and the background', () => {
  it('round-trips clips and settings through the background to the store', async () => {
    listen(backgroundHandlers);
    const clip = sampleClip();

    expect(await sendToBackground('content->background', 'putClip', { clip })).toEqual({ clip });
    expect(await sendToBackground('content->background', 'clipsForPage', { url: clip.url })).toEqual({ clips: [clip] });
    expect(await sendToBackground('popup->background', 'listClips', {})).toEqual({ clips: [clip] });

    await sendToBackground('popup->background', 'setSiteSettings', { site: clip.site, autoHighlight: false });
    expect(await sendToBackground('content->background', 'getSiteSettings', { site: clip.site })).toEqual({
      site: clip.site,
      autoHighlight: false,
    });

    expect(await sendToBackground('popup->background', 'deleteClip', { id: clip.id })).toEqual({ deleted: true });
    expect(await sendToBackground('popup->background', 'listClips', {})).toEqual({ clips: [] });
  });

  it('answers a malformed request with a readable error instead of running it', async () => {
    const deleteClip = vi.fn(async () => ({ deleted: true }));
    listen({ 'popup->background': { ...backgroundHandlers['popup->background'], deleteClip } });

    const reply = await browser.runtime.sendMessage({ zb: 1, direction: 'popup->background', type: 'deleteClip', payload: { id: 42 } });
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^bad deleteClip request: .*string/) });

    const unknown = await browser.runtime.sendMessage({ zb: 1, direction: 'popup->background', type: 'dropTables', payload: {} });
    expect(unknown).toEqual({ ok: false, error: 'unknown message popup->background dropTables' });
    expect(deleteClip).not.toHaveBeenCalled();
  });

  it('refuses to send a malformed request at all', async () => {
    const putClip = vi.fn();
    listen({ 'content->background': { ...backgroundHandlers['content->background'], putClip } });
    const bad = { clip: { ...sampleClip(), clippedAt: 'now' } };
    await expect(sendToBackground('content->background', 'putClip', bad)).rejects.toThrow(MessageError);
    await expect(sendToBackground('content->background', 'putClip', bad)).rejects.toThrow(/bad putClip request/);
    expect(putClip).not.toHaveBeenCalled();
  });

  it("brings the store's own error (a full disk) back to the sender as its message", async () => {
    listen(backgroundHandlers);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    await expect(sendToBackground('content->background', 'putClip', { clip: sampleClip() })).rejects.toThrow(
      '存储空间已满，未保存 (storage is full: the clip was not saved)',
    );
  });

  it('refuses a reply that breaks the protocol', async () => {
    listen({ 'popup->background': { ...backgroundHandlers['popup->background'], clearPage: async () => ({ deleted: 'all' }) as never } });
    await expect(sendToBackground('popup->background', 'clearPage', { url: 'https://www.gov.cn/' })).rejects.toThrow('bad clearPage reply');
  });

  it('leaves messages that are not ours unanswered, for other listeners', async () => {
    listen(backgroundHandlers);
    expect(await browser.runtime.sendMessage({ hello: 'world' })).toBeUndefined();
  });
});
