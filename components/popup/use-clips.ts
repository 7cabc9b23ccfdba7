/**
 * The clips the popup lists: the newest ones and all of the current page's, re-read whenever the
 * background says clips changed; deleting one, and clearing the page's.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Clip } from '../../lib/model/clip';
import { pageKey } from '../../lib/model/page';
import type { UiPort } from '../port/ui-port';
import { background } from './timeouts';
import type { Feedback } from './use-feedback';

/** How many of the newest clips the popup lists (more are in the side panel's library). */
export const LISTED_CLIPS = 2000;

/** Re-reads that changed nothing keep the same array, so lists do not re-render. */
function sameClips(a: Clip[], b: Clip[]): boolean {
  return a.length === b.length && a.every((c, i) => c.id === b[i].id && c.clippedAt === b[i].clippedAt);
}

/**
 * @param pageUrl the page worked on (its clips are listed even when older than the newest LISTED_CLIPS)
 * @param afterChange called after this popup changed clips, e.g. to show the page's new clipped count
 */
export function useClips(port: UiPort, pageUrl: string | undefined, feedback: Feedback, afterChange: () => void) {
  const [clips, setClips] = useState<Clip[]>([]);
  const [loaded, setLoaded] = useState(false);
  const pageRef = useRef(pageUrl);
  pageRef.current = pageUrl;
  const { fail, clear, tell } = feedback;

  const refresh = useCallback(async () => {
    try {
      const page = pageRef.current;
      const [newest, own] = await Promise.all([
        background(port.listClips({ limit: LISTED_CLIPS })),
        page ? background(port.listClips({ page: pageKey(page), limit: LISTED_CLIPS })) : Promise.resolve({ clips: [] as Clip[] }),
      ]);
      const seen = new Set(newest.clips.map((c) => c.id));
      const next = [...newest.clips, ...own.clips.filter((c) => !seen.has(c.id))];
      setClips((before) => (sameClips(before, next) ? before : next));
    } catch (e) {
      fail('popup.action.readClips', e);
    } finally {
      setLoaded(true);
    }
  }, [port, fail]);

  const pageKeyNow = pageUrl === undefined ? undefined : pageKey(pageUrl);
  useEffect(() => {
    void refresh();
  }, [refresh, pageKeyNow]);

  // The background pushes every change; nothing here polls.
  useEffect(() => port.subscribe((event) => event.type === 'clips.changed' && void refresh()), [port, refresh]);

  const deleteClip = useCallback(
    async (id: string) => {
      clear();
      try {
        await background(port.deleteClips([id]));
        setClips((before) => before.filter((c) => c.id !== id));
        afterChange();
      } catch (e) {
        fail('popup.action.deleteClip', e);
      }
    },
    [port, clear, fail, afterChange],
  );

  const clearPage = useCallback(async () => {
    const url = pageRef.current;
    if (url === undefined) return;
    clear();
    try {
      const deleted = await background(port.clearPage(pageKey(url)));
      tell('popup.notice.cleared', { count: deleted.length });
      await refresh();
      afterChange();
    } catch (e) {
      fail('popup.action.clearPage', e);
    }
  }, [port, clear, fail, tell, refresh, afterChange]);

  return { clips, loaded, refresh, deleteClip, clearPage };
}
