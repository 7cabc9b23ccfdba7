import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listenAsBackground } from '../messages/bus';
import { deliver, envelope, senders } from '../messages/test-support';
import { clipsOn, freshDb, PAGE_A, PAGE_B } from '../store/testing';
import { IMPORT_CHUNK, listClips, putClips } from '../store';
import { contentHandlers, uiHandlers } from './handlers';
import { importEntries } from './import';

beforeEach(async () => {
  fakeBrowser.reset();
  await freshDb();
});
afterEach(() => vi.restoreAllMocks());

describe('importEntries', () => {
  it('stores the valid entries and counts added, skipped (stored before or twice in the file) and rejected', async () => {
    const clips = [...clipsOn(PAGE_A, 30), ...clipsOn(PAGE_B, 20, 40)];
    await putClips(clips.slice(0, 4));
    const entries: unknown[] = [...clips, clips[10], { id: 'broken', url: '' }, 'not a clip', null, { ...clips[5], anchor: undefined }];
    const progress: [number, number][] = [];
    const outcome = await importEntries(entries, (done, total) => progress.push([done, total]));
    expect(outcome).toEqual({ added: 46, skipped: 5, rejected: 4, pages: [PAGE_A, PAGE_B] });
    expect(progress.at(0)).toEqual([0, 50]);
    expect(progress.at(-1)).toEqual([50, 50]);
    expect((await listClips({ limit: 1 })).total).toBe(50);
  });

  it('rejects every entry of a file of broken entries, and stores nothing', async () => {
    expect(await importEntries([{}, 1, 'x'])).toEqual({ added: 0, skipped: 0, rejected: 3, pages: [] });
    expect((await listClips({ limit: 1 })).total).toBe(0);
  });
});

describe('clips.import over the bus', () => {
  it('answers the counts and pushes progress under the import id, chunk by chunk', async () => {
    listenAsBackground({ ui: uiHandlers, content: contentHandlers });
    const sent: unknown[] = [];
    const original = fakeBrowser.runtime.sendMessage.bind(fakeBrowser.runtime);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      sent.push(message);
      return original(message as never);
    });
    const clips = clipsOn(PAGE_A, IMPORT_CHUNK + 10);
    const reply = await deliver(envelope('ui->background', 'clips.import', { importId: 'imp-1', entries: [...clips, { id: 1 }, clips[0]] }), senders.popup);
    expect(reply).toEqual({ ok: true, data: { added: IMPORT_CHUNK + 10, skipped: 1, rejected: 1 } });
    const progress = sent.filter((m) => (m as { type?: string }).type === 'clips.importProgress').map((m) => (m as { payload: unknown }).payload);
    expect(progress).toEqual([
      { importId: 'imp-1', done: 0, total: IMPORT_CHUNK + 10 },
      { importId: 'imp-1', done: IMPORT_CHUNK, total: IMPORT_CHUNK + 10 },
      { importId: 'imp-1', done: IMPORT_CHUNK + 10, total: IMPORT_CHUNK + 10 },
    ]);
    expect(sent).toContainEqual(expect.objectContaining({ type: 'clips.changed', payload: { pages: [PAGE_A] } }));
  });

  it('refuses clips.import from a content script', async () => {
    listenAsBackground({ ui: uiHandlers, content: contentHandlers });
    const reply = await deliver(envelope('ui->background', 'clips.import', { importId: 'x', entries: clipsOn(PAGE_A, 2) }), senders.content());
    expect(reply).toMatchObject({ ok: false, error: { code: 'message.refused' } });
    expect((await listClips({ limit: 1 })).total).toBe(0);
  });
});
