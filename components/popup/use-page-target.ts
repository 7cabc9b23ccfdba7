/**
 * The page the popup works on and the actions on it: which tab (the active one, or the one picked
 * when the popup is opened as a tab), its detection status, highlighting and clipping all.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PageStatus, UiPort } from '../port/ui-port';
import { type PageCandidate, pickablePages, resolvePageTarget } from './page-target';
import { onPageTab } from './timeouts';
import type { Feedback } from './use-feedback';

export interface PageTargetState {
  mode: 'loading' | 'popup' | 'tab';
  /** Tab mode: the pages that can be worked on. */
  candidates: PageCandidate[];
  tabId?: number;
  /** Undefined once loaded means the page cannot be analysed (no content script). */
  status?: PageStatus;
  busy: boolean;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function usePageTarget(port: UiPort, feedback: Feedback) {
  const [state, setState] = useState<PageTargetState>({ mode: 'loading', candidates: [], busy: false });
  const stateRef = useRef(state);
  stateRef.current = state;
  const update = useCallback((patch: Partial<PageTargetState>) => setState((s) => ({ ...s, ...patch })), []);
  // Replies for a tab the user has since left must not overwrite the newly chosen page.
  const tabRef = useRef<number | undefined>(undefined);
  const { fail, clear, tell } = feedback;

  const showPage = useCallback(
    (tabId: number | undefined, status: PageStatus | undefined) => {
      tabRef.current = tabId;
      update({ tabId, status });
    },
    [update],
  );

  useEffect(() => {
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
        fail('popup.action.resolvePage', e);
      },
    );
  }, [port, update, showPage, fail]);

  /** Shows the page's status again, e.g. its clipped count after the clips changed. */
  const refreshStatus = useCallback(async () => {
    const tabId = tabRef.current;
    if (tabId === undefined || stateRef.current.busy) return;
    try {
      const status = await onPageTab(port.pageStatus(tabId));
      if (tabRef.current === tabId) update({ status });
    } catch {
      // The page was closed or reloaded: it rebuilds its highlights from the store when it loads.
    }
  }, [port, update]);

  // The background pushes every change; nothing here polls.
  useEffect(
    () =>
      port.subscribe((event) => {
        if (event.type === 'page.changed' && event.tabId === tabRef.current) void refreshStatus();
      }),
    [port, refreshStatus],
  );

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
      fail('popup.action.listTabs', e);
    }
  }, [port, update, showPage, fail]);

  const highlight = useCallback(
    async (on: boolean) => {
      const tabId = tabRef.current;
      if (tabId === undefined) return;
      clear();
      update({ busy: true });
      try {
        const status = await onPageTab(port.highlight(tabId, on));
        update(tabRef.current === tabId ? { status, busy: false } : { busy: false });
      } catch (e) {
        update({ busy: false });
        fail(on ? 'popup.action.highlight' : 'popup.action.removeHighlights', e);
      }
    },
    [port, update, clear, fail],
  );

  const clipAll = useCallback(async () => {
    const tabId = tabRef.current;
    if (tabId === undefined) return;
    clear();
    update({ busy: true });
    try {
      const clipped = await onPageTab(port.clipAll(tabId));
      const status = await onPageTab(port.pageStatus(tabId));
      update(tabRef.current === tabId ? { status, busy: false } : { busy: false });
      tell('popup.notice.clipped', { count: clipped });
    } catch (e) {
      update({ busy: false });
      fail('popup.action.clipAll', e);
    }
  }, [port, update, clear, fail, tell]);

  return { ...state, selectTab, refreshTabs, refreshStatus, highlight, clipAll };
}
