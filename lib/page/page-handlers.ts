/**
 * The page's answers to the background (page.status, page.highlight, page.figures…), and the
 * figures as the side panel's table rows. Each waits until the controller has read the page once;
 * the frame's roll call is the content script's (entrypoints/page-content).
 */
import type { PageHandlers } from '../messages/bus';
import { CLIP_ROW_KEY, type FigureRow } from '../messages/schemas';
import type { Clip } from '../model/clip';
import { clippedIndicatorOf } from '../model/figure';
import { looseKey } from '../model/page';
import type { ClipKeeper } from './clips';
import type { PageController } from './controller';
import type { Highlighter } from './highlighter';

export function pageHandlers(c: PageController): Omit<PageHandlers, 'frame.rollCall'> {
  return {
    'page.status': () => c.status(),
    'page.highlight': async ({ on }) => {
      await c.ready;
      await (on ? c.highlight() : c.removeHighlights());
      return c.status();
    },
    'page.figures': async () => {
      await c.ready;
      await c.idle;
      return { figures: c.figureRows(), orphans: c.clips.orphans };
    },
    'page.setClipped': async ({ keys, clipped }) => {
      await c.ready;
      let changed = 0;
      for (const key of keys) {
        const fig = c.highlighter.figures.get(key);
        if (!fig || c.clips.isClipped(fig) === clipped) continue;
        await c.clips.toggle(fig);
        changed++;
      }
      return { changed };
    },
    'page.clipAll': async () => {
      await c.ready;
      return { clipped: await c.enqueue(() => c.clips.clipAll()) };
    },
    'page.focus': async ({ key }) => {
      await c.ready;
      const fig = c.highlighter.figures.get(key);
      if (fig) c.setFocus(fig);
      else if (key.startsWith(CLIP_ROW_KEY)) c.focusClip(key.slice(CLIP_ROW_KEY.length));
      return { ok: true as const };
    },
    'page.clipsChanged': async ({ pages }) => {
      await c.ready;
      // The same page reached by another address (a redirect, another query) counts: its quotes decide.
      const here = looseKey(c.page().url);
      if (pages.length === 0 || pages.some((page) => looseKey(page) === here)) await c.enqueue(() => c.clips.refresh());
      return { ok: true as const };
    },
    'page.command': async ({ command }) => {
      await c.ready;
      await c.command(command);
      return { ok: true as const };
    },
    'page.clipSelection': async () => {
      await c.ready;
      return c.enqueue(() => c.clipSelection());
    },
  };
}

/** The highlighted figures as table rows, in document order. */
export function figureRows(highlighter: Highlighter, clips: ClipKeeper): FigureRow[] {
  const rows: Omit<FigureRow, 'order'>[] = [];
  // Clips on no figure (manual ones) are rows too, merged in text order.
  const loose = clips.offFigure;
  let next = 0;
  for (const fig of highlighter.ordered()) {
    const at = clips.startOf(fig);
    while (next < loose.length && at !== undefined && loose[next].start < at) rows.push(clipRow(loose[next++].clip));
    rows.push({
      key: fig.key,
      indicator: clippedIndicatorOf(fig.indicator),
      heading: fig.heading.slice(0, 500),
      sentence: fig.sentence.slice(0, 4000),
      clipIds: clips.clipIdsOf(fig).slice(0, 16),
    });
  }
  while (next < loose.length) rows.push(clipRow(loose[next++].clip));
  return rows.map((row, i) => ({ ...row, order: i + 1 }));
}

function clipRow(clip: Clip): Omit<FigureRow, 'order'> {
  return {
    key: `${CLIP_ROW_KEY}${clip.id}`.slice(0, 64),
    indicator: clip.indicator,
    heading: clip.section.slice(0, 500),
    sentence: clip.sentence.slice(0, 4000),
    clipIds: [clip.id],
  };
}
