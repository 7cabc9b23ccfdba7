import { describe, expect, it } from 'vitest';
import { makeFigure, pageTab, PAGE_URL } from '../panel/testing';
import { createMockPort } from './mock-port';
import type { UiEvent } from './ui-port';

const port = () =>
  createMockPort({ tabs: [pageTab(1, [makeFigure({ key: 'a', label: '计划总投资' }), makeFigure({ key: 'b', label: '粮食产量' })])], active: 1 });

describe('createMockPort', () => {
  it('clips figures as the page does: a stored clip, the row clipped, pushes for the page and the clips', async () => {
    const mock = port();
    const events: UiEvent[] = [];
    mock.subscribe((e) => events.push(e));
    expect(await mock.setClipped(1, ['a'], true)).toBe(1);
    const { figures, orphans } = await mock.pageFigures(1);
    expect(figures.map((f) => f.clipIds.length)).toEqual([1, 0]);
    expect(orphans).toEqual([]);
    expect(events).toEqual([
      { type: 'clips.changed', pages: [PAGE_URL] },
      { type: 'page.changed', tabId: 1 },
    ]);
  });

  it('imports a backup as the background does: progress, then added, skipped and rejected', async () => {
    const mock = port();
    await mock.setClipped(1, ['a'], true);
    const known = mock.clipOfFigure(1, 'a');
    const fresh = mock.clipOfFigure(1, 'b');
    const progress: [number, number][] = [];
    const result = await mock.importClips([known, fresh, { id: 'broken' }], (done, total) => progress.push([done, total]));
    expect(result).toEqual({ added: 1, skipped: 1, rejected: 1 });
    expect(progress).toEqual([
      [0, 3],
      [3, 3],
    ]);
    expect((await mock.pageFigures(1)).figures.map((f) => f.clipIds.length)).toEqual([1, 1]);
  });

  it('returns what it deleted, and putting it back restores the row', async () => {
    const mock = port();
    await mock.setClipped(1, ['a', 'b'], true);
    const deleted = await mock.clearPage(PAGE_URL);
    expect(deleted).toHaveLength(2);
    expect((await mock.pageFigures(1)).figures.every((f) => f.clipIds.length === 0)).toBe(true);
    await mock.putClips(deleted);
    expect((await mock.pageFigures(1)).figures.every((f) => f.clipIds.length === 1)).toBe(true);
  });

  it('keeps the extractor’s original on the first edit and lists the edited fields', async () => {
    const mock = port();
    await mock.setClipped(1, ['b'], true);
    const [id] = mock.clips.keys();
    await mock.updateClip(id, { label: '粮食总产量' });
    const clip = await mock.updateClip(id, { unit: '吨', note: '折算' });
    expect(clip.indicator.label).toBe('粮食总产量');
    expect(clip.original!.label).toBe('粮食产量');
    expect(clip.edited).toEqual(['label', 'unit']);
    expect(clip.note).toBe('折算');
  });

  it('pages lists with a cursor and searches in either script', async () => {
    const mock = port();
    await mock.setClipped(1, ['a', 'b'], true);
    const first = await mock.listClips({ limit: 1 });
    const second = await mock.listClips({ limit: 1, cursor: first.next });
    expect(first.total).toBe(2);
    expect([...first.clips, ...second.clips]).toHaveLength(2);
    expect(second.next).toBeUndefined();
    expect((await mock.listClips({ limit: 10, search: '計劃' })).clips.map((c) => c.indicator.label)).toEqual(['计划总投资']);
  });

  it('fails a call as told, as the real port rejects', async () => {
    const mock = port();
    mock.failures.deleteClips = new Error('store closed');
    await expect(mock.deleteClips(['x'])).rejects.toThrow('store closed');
    await expect(mock.pageFigures(99)).rejects.toThrow('Receiving end does not exist');
  });
});
