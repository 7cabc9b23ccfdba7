/**
 * A tab's page as the panel shows it: its status, its figures, the clips that could not be
 * placed (orphans) and the page's stored clips (for their corrections). Read when the tab
 * changes, again whenever the background pushes that the page or its clips changed, and after
 * each change this panel made has been answered (the push can arrive before the page has settled
 * its own state); never polled. Reads that overlap coalesce into one more, and a read for a tab no longer shown is
 * dropped.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Clip } from '../../lib/model/clip';
import { pageKey } from '../../lib/model/page';
import type { FigureRow, PageStatus, UiPort } from '../port/ui-port';

export interface PageFigures {
  /** Reads the page again: after this panel's own change has been answered (the page's state is then settled). */
  refresh: () => void;
  status?: PageStatus;
  figures: FigureRow[];
  orphans: Clip[];
  clips: Map<string, Clip>;
  loading: boolean;
  /** The page could not be read (no content script: a browser page, a store page, a closed tab). */
  failed: boolean;
}

const EMPTY: Omit<PageFigures, 'refresh'> = { figures: [], orphans: [], clips: new Map(), loading: true, failed: false };
/** The store's largest page of a list. */
const PAGE_LIMIT = 2000;

async function pageClips(port: UiPort, page: string): Promise<Map<string, Clip>> {
  const clips = new Map<string, Clip>();
  let cursor: string | undefined;
  do {
    const answer = await port.listClips({ page, limit: PAGE_LIMIT, ...(cursor ? { cursor } : {}) });
    for (const clip of answer.clips) clips.set(clip.id, clip);
    cursor = answer.next;
  } while (cursor);
  return clips;
}

export function usePageFigures(port: UiPort, tabId: number | undefined, onFocused: (key: string) => void, visit = 0): PageFigures {
  const [data, setData] = useState<Omit<PageFigures, 'refresh'>>(EMPTY);
  const refresh = useRef<() => void>(() => undefined);
  const focused = useRef(onFocused);
  focused.current = onFocused;

  // A layout effect: the page's figures are asked for as soon as the tab is known, not a frame later.
  useLayoutEffect(() => {
    if (tabId === undefined) {
      setData({ ...EMPTY, loading: false, failed: true });
      return;
    }
    let live = true;
    let running = false;
    let again = false;
    let url: string | undefined;
    let framePages: string[] = [];
    setData(EMPTY);

    const read = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          try {
            const [status, figures] = await Promise.all([port.pageStatus(tabId), port.pageFigures(tabId)]);
            url = pageKey(status.url);
            // Frames with an address of their own keep their clips under it (lib/background/frames.ts).
            framePages = figures.pages ?? [];
            const clips = await pageClips(port, url);
            for (const page of framePages) for (const [id, clip] of await pageClips(port, page)) clips.set(id, clip);
            if (live) setData({ status, figures: figures.figures, orphans: figures.orphans, clips, loading: false, failed: false });
          } catch {
            if (live) setData({ ...EMPTY, loading: false, failed: true });
          }
        } while (again && live);
      } finally {
        running = false;
      }
    };

    const unsubscribe = port.subscribe((event) => {
      if (event.type === 'page.changed' && event.tabId === tabId) void read();
      else if (
        event.type === 'clips.changed' &&
        (event.pages.length === 0 || (url !== undefined && event.pages.includes(url)) || event.pages.some((page) => framePages.includes(page)))
      )
        void read();
      else if (event.type === 'page.focused' && event.tabId === tabId) focused.current(event.key);
    });
    refresh.current = () => void read();
    void read();
    return () => {
      live = false;
      unsubscribe();
    };
  }, [port, tabId, visit]);

  return useMemo(() => ({ ...data, refresh: () => refresh.current() }), [data]);
}
