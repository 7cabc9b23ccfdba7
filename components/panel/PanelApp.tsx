/**
 * The side panel (Chrome's side panel, Firefox's sidebar, or a full tab): the active tab's
 * figures, and the clip library. It follows the window's active tab, or stays on one tab when
 * opened as `sidepanel.html?tabId=N`. Language follows the user's setting, pushed when it changes.
 */
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { setLocale, t } from '../../lib/i18n';
import type { UiPort } from '../port/ui-port';
import { ToastNotice, useToast } from '../shared/Toast';
import { ClipLibrary } from './ClipLibrary';
import type { Exporter } from './exporter';
import { ManualClip } from './ManualClip';
import { PagePanel } from './PagePanel';
import { TabChooser } from './TabChooser';

export interface PanelAppProps {
  port: UiPort;
  exporter?: Exporter;
  /** A fixed tab (the full-tab view, `?tabId=N`); absent: follow the active tab. */
  tabId?: number;
  copyText?: (text: string) => Promise<void>;
  /** How long a toast stays (tests shorten it). */
  toastMs?: number;
  /** A clip to open at once (`?clip=ID`, a manual clip just made on the tab). */
  focusClip?: string;
}

type View = 'page' | 'library';

const clipboardCopy = (text: string) => navigator.clipboard.writeText(text);

export function PanelApp({ port, exporter, tabId: fixedTab, copyText = clipboardCopy, toastMs, focusClip }: PanelAppProps) {
  const [tabId, setTabId] = useState<number | undefined>(fixedTab);
  /** Opened as a tab of its own without ?tabId: the reader picks the page (the active tab is this one). */
  const [choosing, setChoosing] = useState(false);
  /** Counts the browser's reports of an active tab that changed or navigated. */
  const [visit, setVisit] = useState(0);
  const [view, setView] = useState<View>('page');
  const [, setLanguage] = useState('');
  const { toast, show, dismiss } = useToast();
  /** A manual clip to complete: opened with `?clip=`, or pushed when one is made (clips.focus). */
  const [manual, setManual] = useState<{ tabId: number; clipId: string } | undefined>(
    fixedTab !== undefined && focusClip ? { tabId: fixedTab, clipId: focusClip } : undefined,
  );

  useEffect(() => {
    const open = (target: { tabId: number; clipId: string }) => {
      if (fixedTab !== undefined && target.tabId !== fixedTab) return;
      setManual((now) => (now?.tabId === target.tabId && now.clipId === target.clipId ? now : { tabId: target.tabId, clipId: target.clipId }));
      setView('page');
    };
    const off = port.subscribe((event) => {
      if (event.type === 'clips.focus') open(event);
    });
    // Opened by the menu and made before this panel listened: the background kept the clip for it.
    port.pendingClipFocus().then(
      (pending) => pending && open(pending),
      () => undefined,
    );
    return off;
  }, [port, fixedTab]);

  // A layout effect: the tab is asked for at once, not after the first paint (a cold panel waits a frame less).
  useLayoutEffect(() => {
    if (fixedTab !== undefined) return setTabId(fixedTab);
    let live = true;
    let own: number | undefined;
    Promise.all([port.activeTab(), port.ownTab()]).then(
      ([tab, self]) => {
        if (!live) return;
        own = self?.tabId;
        if (own !== undefined) setChoosing(true);
        else setTabId(tab?.tabId);
      },
      () => live && setTabId(undefined),
    );
    const off = port.onActiveTabChange((tab) => {
      if (own !== undefined) return;
      setTabId(tab?.tabId);
      // The same tab may have navigated: its page is another one, read it again.
      setVisit((n) => n + 1);
    });
    return () => {
      live = false;
      off();
    };
  }, [port, fixedTab]);

  useEffect(() => {
    const apply = () =>
      port.uiSettings().then(
        (s) => setLanguage(setLocale(s.locale)),
        () => undefined,
      );
    void apply();
    return port.subscribe((event) => {
      if (event.type === 'settings.changed') void apply();
    });
  }, [port]);

  const tab = (id: View, label: string) => (
    <button
      type="button"
      role="tab"
      id={`panel-tab-${id}`}
      aria-selected={view === id}
      aria-controls={`panel-view-${id}`}
      tabIndex={view === id ? 0 : -1}
      class={view === id ? 'active' : ''}
      data-testid={`view-${id}`}
      onClick={() => setView(id)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          const next = view === 'page' ? 'library' : 'page';
          setView(next);
          document.getElementById(`panel-tab-${next}`)?.focus();
        }
      }}
    >
      {label}
    </button>
  );

  return (
    <main class="panel" data-testid="panel">
      <header class="panel-header">
        <h1>{t('common.appName')}</h1>
        <div role="tablist" aria-label={t('panel.views')} class="panel-views">
          {tab('page', t('panel.view.page'))}
          {tab('library', t('panel.view.library'))}
        </div>
      </header>
      {manual && <ManualClip key={manual.clipId} port={port} tabId={manual.tabId} clipId={manual.clipId} onClose={() => setManual(undefined)} />}
      <div role="tabpanel" id={`panel-view-${view}`} aria-labelledby={`panel-tab-${view}`} class="panel-view">
        {view === 'page' && choosing && tabId === undefined ? (
          <TabChooser port={port} onChoose={setTabId} />
        ) : view === 'page' ? (
          <PagePanel key={tabId ?? -1} port={port} tabId={tabId} visit={visit} exporter={exporter} copyText={copyText} showToast={show} />
        ) : (
          <ClipLibrary port={port} exporter={exporter} showToast={show} />
        )}
      </div>
      <ToastNotice toast={toast} onDismiss={dismiss} lifetimeMs={toastMs} />
    </main>
  );
}
