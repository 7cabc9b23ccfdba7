/**
 * The viewer answers what the side panel (through the background) asks of a tab, as a web page's
 * content script does: its status, its figures, clip these, show that one. The viewer is an
 * extension page in the tab, and `tabs.sendMessage` reaches it there in Chromium and Firefox alike;
 * the bus checks that the message comes from the extension itself.
 */
import type { PageHandlers } from '../../lib/messages/bus';
import type { FigureRow, PageStatus } from '../../lib/messages/schemas';
import { clippedIndicatorOf } from '../../lib/model/figure';
import type { PdfViewerController } from './controller';

function statusOf(viewer: PdfViewerController | null): PageStatus {
  const figures = viewer?.listFigures() ?? [];
  const doc = viewer?.document;
  return {
    url: (doc?.url ?? location.href).slice(0, 8192),
    title: (doc?.title ?? document.title).slice(0, 2000),
    site: (doc?.site ?? '').slice(0, 255),
    // The viewer is where a PDF is read: for the panel, a readable document like any page.
    kind: 'html',
    isPolicy: figures.length > 0,
    score: 0,
    reasons: [],
    highlighted: figures.length > 0,
    indicatorCount: figures.length,
    clippedCount: figures.filter((f) => f.clipId).length,
    orphanCount: 0,
    autoHighlight: true,
  };
}

function rowsOf(viewer: PdfViewerController | null): FigureRow[] {
  return (viewer?.listFigures() ?? []).map(({ figure, clipId }, i) => ({
    key: figure.id.slice(0, 64),
    order: i + 1,
    indicator: clippedIndicatorOf(figure.indicator),
    heading: figure.heading.slice(0, 500),
    sentence: figure.sentence.slice(0, 4000),
    clipIds: clipId ? [clipId] : [],
  }));
}

/** Handlers over whichever document the viewer shows now (none before a file is opened). */
export function viewerPageHandlers(current: () => PdfViewerController | null): PageHandlers {
  const unsupported = (command: string) => {
    throw { code: 'page.unsupported', params: { command } };
  };
  return {
    'page.status': () => statusOf(current()),
    'page.highlight': () => statusOf(current()),
    'page.figures': () => ({ figures: rowsOf(current()), orphans: [] }),
    'page.setClipped': async ({ keys, clipped }) => ({ changed: (await current()?.setFiguresClipped(keys, clipped)) ?? 0 }),
    'page.clipAll': async () => {
      const viewer = current();
      const ids = (viewer?.listFigures() ?? []).filter((f) => !f.clipId).map((f) => f.figure.id);
      return { clipped: (await viewer?.setFiguresClipped(ids, true)) ?? 0 };
    },
    'page.focus': ({ key }) => {
      current()?.focusFigure(key);
      return { ok: true as const };
    },
    'page.clipsChanged': () => ({ ok: true as const }),
    'page.command': ({ command }) => unsupported(command),
    'page.clipSelection': () => unsupported('clipSelection'),
    // The viewer is its tab's only frame (frame 0, which the background always asks): nothing to report.
    'frame.rollCall': () => ({ ok: true as const }),
  };
}
