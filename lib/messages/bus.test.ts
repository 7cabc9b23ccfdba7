import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  contentSenderOf,
  isExtensionPage,
  isFromExtension,
  listenAsBackground,
  listenAsContent,
  listenAsUi,
  type ContentHandlers,
  type PageHandlers,
  type UiHandlers,
} from './bus';
import { deliver, envelope, ORIGIN, senders } from './test-support';

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

function backgroundWith(ui: Partial<UiHandlers>, content: Partial<ContentHandlers>) {
  return listenAsBackground({ ui: ui as UiHandlers, content: content as ContentHandlers });
}

describe('who sent it', () => {
  it('tells the extension pages from content scripts and other extensions', () => {
    expect(isExtensionPage(senders.popup, ORIGIN)).toBe(true);
    expect(isExtensionPage(senders.content(), ORIGIN)).toBe(false);
    expect(isExtensionPage(senders.otherExtension, ORIGIN)).toBe(false);
    expect(contentSenderOf(senders.content('https://a.gov.cn/x', 4, 2), ORIGIN)).toEqual({ tabId: 4, frameId: 2, url: 'https://a.gov.cn/x' });
    expect(contentSenderOf(senders.popup, ORIGIN)).toBeUndefined();
    expect(isFromExtension(senders.background)).toBe(true);
    expect(isFromExtension(senders.content())).toBe(false);
  });
});

describe('the background', () => {
  it('answers an extension page, with the request checked by zod', async () => {
    const list = vi.fn(async () => ({ clips: [] }));
    backgroundWith({ 'clips.list': list }, {});
    expect(await deliver(envelope('ui->background', 'clips.list', { limit: 10 }), senders.sidePanel)).toEqual({ ok: true, data: { clips: [] } });
    expect(list).toHaveBeenCalledWith({ limit: 10 }, senders.sidePanel);
  });

  it('refuses a UI-only message from a content script, whatever its envelope says', async () => {
    const clear = vi.fn(async () => ({ deleted: [] }));
    backgroundWith({ 'clips.clearPage': clear }, {});
    const reply = await deliver(envelope('ui->background', 'clips.clearPage', { page: 'https://other.gov.cn/' }), senders.content());
    expect(reply).toEqual({ ok: false, error: { code: 'message.refused', detail: 'ui->background clips.clearPage' } });
    expect(clear).not.toHaveBeenCalled();
  });

  it('refuses content messages from extension pages and other extensions', async () => {
    const ofPage = vi.fn(async () => ({ clips: [] }));
    backgroundWith({}, { 'clips.ofPage': ofPage });
    for (const sender of [senders.popup, senders.otherExtension]) {
      expect(await deliver(envelope('content->background', 'clips.ofPage'), sender)).toMatchObject({ ok: false, error: { code: 'message.refused' } });
    }
    expect(ofPage).not.toHaveBeenCalled();
  });

  it("gives a content script's handler the page from the sender, not from the message", async () => {
    const ofPage = vi.fn(async () => ({ clips: [] }));
    backgroundWith({}, { 'clips.ofPage': ofPage });
    await deliver({ ...envelope('content->background', 'clips.ofPage'), url: 'https://evil.example/' }, senders.content('https://www.gov.cn/p.htm', 9));
    expect(ofPage).toHaveBeenCalledWith({}, { tabId: 9, frameId: 0, url: 'https://www.gov.cn/p.htm' });
  });

  it('answers a malformed or unknown request with a code instead of running it', async () => {
    const deleteClips = vi.fn(async () => ({ deleted: [] }));
    backgroundWith({ 'clips.delete': deleteClips }, {});
    expect(await deliver(envelope('ui->background', 'clips.delete', { ids: 42 }), senders.popup)).toMatchObject({
      ok: false,
      error: { code: 'message.badRequest' },
    });
    expect(await deliver(envelope('ui->background', 'dropTables'), senders.popup)).toMatchObject({ ok: false, error: { code: 'message.unknown' } });
    expect(deleteClips).not.toHaveBeenCalled();
  });

  it("checks a content script's request on arrival (the content script sends it unchecked)", async () => {
    const extract = vi.fn(async () => ({ packed: { counts: [], numbers: [], strings: [] } }));
    backgroundWith({}, { 'page.extract': extract });
    const bad = envelope('content->background', 'page.extract', { items: [{ text: 42, heading: '', found: () => 1 }] });
    expect(await deliver(bad, senders.content())).toMatchObject({ ok: false, error: { code: 'message.badRequest' } });
    expect(extract).not.toHaveBeenCalled();
    // What passes is the checked copy: only the fields the protocol names reach the handler.
    await deliver(envelope('content->background', 'page.extract', { items: [{ text: '增长5%', heading: '', found: [] }] }), senders.content());
    expect(extract).toHaveBeenCalledWith({ items: [{ text: '增长5%', heading: '' }] }, expect.anything());
  });

  it('passes a handler failure on as its code', async () => {
    backgroundWith({ 'clips.list': async () => Promise.reject({ code: 'store.quota', params: { count: 3 } }) }, {});
    expect(await deliver(envelope('ui->background', 'clips.list', { limit: 1 }), senders.popup)).toEqual({
      ok: false,
      error: { code: 'store.quota', params: { count: 3 }, detail: undefined },
    });
  });

  it('leaves messages that are not ours alone', async () => {
    backgroundWith({}, {});
    expect(await deliver({ hello: 'world' }, senders.popup)).toBeUndefined();
  });
});

describe('a content script', () => {
  it('answers the background, and nobody else', async () => {
    const status = vi.fn(async () => {
      throw { code: 'x', params: {} };
    });
    listenAsContent({ 'page.status': status } as unknown as PageHandlers);
    expect(await deliver(envelope('background->content', 'page.status'), senders.background)).toMatchObject({ ok: false, error: { code: 'x' } });
    expect(await deliver(envelope('background->content', 'page.status'), senders.content())).toMatchObject({ ok: false, error: { code: 'message.refused' } });
    expect(status).toHaveBeenCalledTimes(1);
  });
});

describe('an extension page', () => {
  it("hears the background's pushes, not a content script's forgeries", async () => {
    const changed = vi.fn();
    listenAsUi({ 'clips.changed': changed });
    await deliver(envelope('background->ui', 'clips.changed', { pages: ['https://a.gov.cn/'] }), senders.background);
    await deliver(envelope('background->ui', 'clips.changed', { pages: ['forged'] }), senders.content());
    expect(changed).toHaveBeenCalledTimes(1);
    expect(changed).toHaveBeenCalledWith({ pages: ['https://a.gov.cn/'] });
  });

  it("does not answer another page's requests to the background", async () => {
    listenAsUi({ 'clips.changed': vi.fn() });
    expect(await deliver(envelope('ui->background', 'clips.list', { limit: 1 }), senders.popup)).toBeUndefined();
  });
});
