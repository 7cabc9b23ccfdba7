/**
 * The popup's state and every action it takes, talking to the background and the page only through
 * lib/messages/bus. Nothing here throws into the UI: each failure becomes a readable `error`.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Clip } from '../lib/model/clip';
import { pageKey } from '../lib/model/page';
import { parseBackup } from '../lib/store/backup';
import { errorText, reasonOf, withTimeout } from './error-text';
import { type PageCandidate, pickablePages, resolvePageTarget } from './page-target';
import type { PageStatus } from './port/ui-port';
import { usePort } from './port/use-port';

/** How many of the newest clips the popup lists (more are in the side panel's library). */
const LISTED_CLIPS = 2000;

/** The background answers from IndexedDB; long silence means it is not running. */
const BACKGROUND_TIMEOUT_MS = 10_000;
/** Highlighting or clipping a long report walks the whole page. */
const PAGE_ACTION_TIMEOUT_MS = 20_000;

export interface PopupState {
  mode: 'loading' | 'popup' | 'tab';
  /** Tab mode: the pages that can be worked on. */
  candidates: PageCandidate[];
  tabId?: number;
  /** Undefined once loaded means the page cannot be analysed (no content script). */
  status?: PageStatus;
  autoHighlight?: boolean;
  clips: Clip[];
  clipsLoaded: boolean;
  busy: boolean;
  error?: string;
  notice?: string;
}

const INITIAL: PopupState = { mode: 'loading', candidates: [], clips: [], clipsLoaded: false, busy: false };

function background<T>(promise: Promise<T>): Promise<T> {
  return withTimeout(promise, BACKGROUND_TIMEOUT_MS, '后台');
}

function onPageTab<T>(promise: Promise<T>): Promise<T> {
  return withTimeout(promise, PAGE_ACTION_TIMEOUT_MS, '页面');
}

/** Re-reads that changed nothing keep the same arrays, so lists do not re-render. */
function sameClips(a: Clip[], b: Clip[]): boolean {
  return a.length === b.length && a.every((c, i) => c.id === b[i].id && c.clippedAt === b[i].clippedAt);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function usePopupState() {
  const port = usePort();
  const [state, setState] = useState<PopupState>(INITIAL);
  const stateRef = useRef(state);
  stateRef.current = state;
  const update = useCallback((patch: Partial<PopupState>) => setState((s) => ({ ...s, ...patch })), []);
  // Replies for a tab the user has since left must not overwrite the newly chosen page.
  const tabRef = useRef<number | undefined>(undefined);

  const fail = useCallback((action: string, error: unknown) => update({ error: errorText(action, error), busy: false }), [update]);

  const refreshClips = useCallback(async () => {
    try {
      const newest = await background(port.listClips({ limit: LISTED_CLIPS }));
      const page = stateRef.current.status?.url;
      const own = page ? await background(port.listClips({ page: pageKey(page), limit: LISTED_CLIPS })) : { clips: [] };
      const seen = new Set(newest.clips.map((c) => c.id));
      const clips = [...newest.clips, ...own.clips.filter((c) => !seen.has(c.id))];
      setState((s) => (s.clipsLoaded && sameClips(s.clips, clips) ? s : { ...s, clips, clipsLoaded: true }));
    } catch (e) {
      update({ clipsLoaded: true });
      fail('读取摘录', e);
    }
  }, [update, fail, port]);

  const showPage = useCallback(
    (tabId: number | undefined, status: PageStatus | undefined) => {
      tabRef.current = tabId;
      update({ tabId, status, autoHighlight: status?.autoHighlight });
      if (tabId === undefined || !status) return;
      background(port.siteSettings(status.site)).then(
        (settings) => {
          if (tabRef.current === tabId) update({ autoHighlight: settings.autoHighlight });
        },
        (e: unknown) => fail('读取本站设置', e),
      );
    },
    [update, fail, port],
  );

  useEffect(() => {
    void refreshClips();
    resolvePageTarget(port).then(
      (target) => {
        if (target.mode === 'popup') {
          update({ mode: 'popup' });
          showPage(target.tabId, target.status);
        } else {
          update({ mode: 'tab', candidates: target.candidates });
          showPage(target.candidates[0]?.tabId, target.candidates[0]?.status);
        }
      },
      (e: unknown) => {
        update({ mode: 'popup' });
        fail('识别当前页面', e);
      },
    );
  }, [refreshClips, showPage, update, fail, port]);

  const selectTab = useCallback(
    (tabId: number) => {
      const chosen = stateRef.current.candidates.find((c) => c.tabId === tabId);
      if (chosen) showPage(chosen.tabId, chosen.status);
    },
    [showPage],
  );

  const refreshTabs = useCallback(async () => {
    try {
      const candidates = await pickablePages(port);
      const now = stateRef.current;
      if (!sameJson(now.candidates, candidates)) update({ candidates });
      const current = candidates.find((c) => c.tabId === tabRef.current);
      if (!current) showPage(candidates[0]?.tabId, candidates[0]?.status);
      else if (!now.busy && !sameJson(now.status, current.status)) update({ status: current.status });
    } catch (e) {
      fail('列出打开的网页', e);
    }
  }, [update, showPage, fail, port]);

  // The background pushes every change; nothing here polls.
  useEffect(
    () =>
      port.subscribe((event) => {
        if (event.type === 'clips.changed') void refreshClips();
        if (event.type === 'page.changed' && event.tabId === tabRef.current && !stateRef.current.busy) {
          port.pageStatus(event.tabId).then(
            (status) => {
              if (tabRef.current === event.tabId) update({ status });
            },
            () => undefined,
          );
        }
      }),
    [port, refreshClips, update],
  );

  /** Runs one popup→content action on the current page and shows the status it returns. */
  const onPage = useCallback(
    async (action: string, on: boolean) => {
      const tabId = tabRef.current;
      if (tabId === undefined) return;
      update({ busy: true, error: undefined });
      try {
        const status = await onPageTab(port.highlight(tabId, on));
        update(tabRef.current === tabId ? { status, busy: false } : { busy: false });
      } catch (e) {
        fail(action, e);
      }
    },
    [update, fail, port],
  );

  /** Shows the page's status again (its clipped count) after the clips changed. */
  const notifyPage = useCallback(async () => {
    const tabId = tabRef.current;
    if (tabId === undefined) return;
    try {
      const status = await onPageTab(port.pageStatus(tabId));
      if (tabRef.current === tabId) update({ status });
    } catch {
      // The page was closed or reloaded: it rebuilds its highlights from the store when it loads.
    }
  }, [update, port]);

  const clipAll = useCallback(async () => {
    const tabId = tabRef.current;
    if (tabId === undefined) return;
    update({ busy: true, error: undefined, notice: undefined });
    try {
      const clipped = await onPageTab(port.clipAll(tabId));
      const status = await onPageTab(port.pageStatus(tabId));
      update(tabRef.current === tabId ? { status, busy: false, notice: `已摘录 ${clipped} 条` } : { busy: false });
      await refreshClips();
    } catch (e) {
      fail('全部摘录', e);
    }
  }, [update, fail, refreshClips, port]);

  const setAutoHighlight = useCallback(
    async (on: boolean) => {
      const { status, autoHighlight: before } = stateRef.current;
      if (!status) return;
      update({ autoHighlight: on, error: undefined });
      try {
        const saved = await background(port.setSiteSettings({ site: status.site, autoHighlight: on }));
        update({ autoHighlight: saved.autoHighlight });
      } catch (e) {
        update({ autoHighlight: before });
        fail('保存本站设置', e);
      }
    },
    [update, fail, port],
  );

  const deleteClip = useCallback(
    async (id: string) => {
      update({ error: undefined, notice: undefined });
      try {
        await background(port.deleteClips([id]));
        setState((s) => ({ ...s, clips: s.clips.filter((c) => c.id !== id) }));
        void notifyPage();
      } catch (e) {
        fail('删除摘录', e);
      }
    },
    [update, fail, notifyPage, port],
  );

  const clearPage = useCallback(async () => {
    const url = stateRef.current.status?.url;
    if (url === undefined) return;
    update({ error: undefined, notice: undefined });
    try {
      const deleted = (await background(port.clearPage(pageKey(url)))).length;
      update({ notice: `已清空本页 ${deleted} 条摘录` });
      await refreshClips();
      void notifyPage();
    } catch (e) {
      fail('清空本页摘录', e);
    }
  }, [update, fail, refreshClips, notifyPage, port]);

  const importBackup = useCallback(
    async (file: File) => {
      update({ busy: true, error: undefined, notice: undefined });
      let parsed: ReturnType<typeof parseBackup>;
      try {
        parsed = parseBackup(await file.text());
      } catch (e) {
        update({ busy: false, error: `无法导入备份「${file.name}」：${reasonOf(e)}。现有摘录未改动。` });
        return;
      }
      try {
        const stored =
          parsed.clips.length > 0
            ? await background(port.putClips(parsed.clips))
            : 0;
        update({ busy: false, notice: `已导入 ${stored} 条，跳过 ${parsed.rejected.length} 条损坏记录` });
        await refreshClips();
        void notifyPage();
      } catch (e) {
        fail('导入备份', e);
      }
    },
    [update, fail, refreshClips, notifyPage, port],
  );

  const reportError = useCallback((message: string) => update({ error: message }), [update]);
  const dismissError = useCallback(() => update({ error: undefined }), [update]);
  const dismissNotice = useCallback(() => update({ notice: undefined }), [update]);

  return {
    state,
    actions: {
      selectTab,
      refreshTabs,
      highlightPage: () => onPage('高亮本页', true),
      removeHighlights: () => onPage('取消高亮', false),
      clipAll,
      setAutoHighlight,
      deleteClip,
      clearPage,
      importBackup,
      reportError,
      dismissError,
      dismissNotice,
    },
  };
}
