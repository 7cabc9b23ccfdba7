// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { FigureRowSchema, PageStatusSchema } from '../../lib/messages/schemas';
import type { PdfFigure } from '../../lib/pdf/document';
import type { PdfViewerController } from './controller';
import { viewerPageHandlers } from './page-handlers';

const figure = (id: string, text: string, value: number): PdfFigure => ({
  id,
  page: 1,
  indicator: { start: 0, end: text.length, text, value, unit: '元', dimension: 'money', role: 'target', label: '投资', sentence: { start: 0, end: 4 } },
  heading: '一、目标',
  sentence: `投资${text}。`,
  docStart: 0,
  docEnd: text.length,
  pieces: [],
});

/** A viewer showing two figures, the second clipped; records what the panel asked of it. */
function fakeViewer() {
  const clipped = new Map<string, string>([['p1-1', 'clip-b']]);
  const asked: string[] = [];
  const figures = [figure('p1-0', '3亿元', 3e8), figure('p1-1', '5亿元', 5e8)];
  const viewer = {
    document: { url: 'https://www.gov.cn/a.pdf', title: '计划', site: 'www.gov.cn' },
    listFigures: () => figures.map((f) => ({ figure: f, clipId: clipped.get(f.id) })),
    setFiguresClipped: async (ids: readonly string[], on: boolean) => {
      let n = 0;
      for (const id of ids) {
        if (clipped.has(id) === on) continue;
        if (on) clipped.set(id, `clip-${id}`);
        else clipped.delete(id);
        n++;
      }
      return n;
    },
    focusFigure: (id: string) => asked.push(`focus ${id}`),
  } as unknown as PdfViewerController;
  return { viewer, asked };
}

const sender = {} as never;

describe('the viewer answering the side panel', () => {
  it('gives a status and figure rows the message schemas accept', async () => {
    const { viewer } = fakeViewer();
    const handlers = viewerPageHandlers(() => viewer);
    const status = await handlers['page.status']({}, sender);
    expect(PageStatusSchema.safeParse(status).success).toBe(true);
    expect(status).toMatchObject({ url: 'https://www.gov.cn/a.pdf', kind: 'html', indicatorCount: 2, clippedCount: 1, highlighted: true });
    const { figures } = await handlers['page.figures']({}, sender);
    expect(figures.every((row) => FigureRowSchema.safeParse(row).success)).toBe(true);
    expect(figures.map((r) => [r.key, r.order, r.indicator.text, r.clipIds])).toEqual([
      ['p1-0', 1, '3亿元', []],
      ['p1-1', 2, '5亿元', ['clip-b']],
    ]);
  });

  it('clips, un-clips and focuses figures by key; clip-all clips the rest', async () => {
    const { viewer, asked } = fakeViewer();
    const handlers = viewerPageHandlers(() => viewer);
    expect(await handlers['page.setClipped']({ keys: ['p1-1'], clipped: false }, sender)).toEqual({ changed: 1 });
    expect(await handlers['page.clipAll']({}, sender)).toEqual({ clipped: 2 });
    await handlers['page.focus']({ key: 'p1-0' }, sender);
    expect(asked).toEqual(['focus p1-0']);
  });

  it('answers before any document is open, with no figures', async () => {
    const handlers = viewerPageHandlers(() => null);
    expect(await handlers['page.figures']({}, sender)).toEqual({ figures: [], orphans: [] });
    expect(await handlers['page.status']({}, sender)).toMatchObject({ indicatorCount: 0, highlighted: false });
  });
});
