/**
 * The popup: the page's verdict and actions, then this page's clips and all clips, searchable and
 * exportable, in the reader's language. Each concern keeps its own state (use-*.ts); this file
 * only lays them out.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { openPanel } from '../panel/open-panel';
import { OpenInViewer } from '../pdf-viewer/OpenInViewer';
import type { TabRef } from '../port/ui-port';
import { usePort } from '../port/use-port';
import { ErrorBanner } from '../shared/ErrorBanner';
import { ToastNotice } from '../shared/Toast';
import { SearchBox } from '../shared/SearchBox';
import { BackupBar } from './BackupBar';
import { ClearPageButton } from './ClearPageButton';
import { type ClipGroup, ClipList } from './ClipList';
import { clipsOfPage, filterClips, groupByPage } from './clip-view';
import { ExportBar } from './ExportBar';
import { LanguagePicker } from './LanguagePicker';
import { PageStatusPanel } from './PageStatusPanel';
import { TabPicker } from './TabPicker';
import { useBackupImport } from './use-backup-import';
import { useClips } from './use-clips';
import { useFeedback } from './use-feedback';
import { usePageTarget } from './use-page-target';
import { useSiteSettings } from './use-site-settings';
import { useUiLanguage } from './use-ui-language';

function countText(shown: number, total: number): string {
  return shown === total ? String(total) : t('popup.shownOfTotal', { shown, total });
}

function Unavailable({ tabMode }: { tabMode: boolean }) {
  return (
    <section class="panel unavailable" data-testid="page-unavailable">
      {tabMode ? (
        <p>{t('popup.unavailable.noPages')}</p>
      ) : (
        <>
          <p class="unavailable-title">{t('popup.unavailable.title')}</p>
          <p class="hint">{t('popup.unavailable.hint')}</p>
        </>
      )}
    </section>
  );
}

export function App() {
  const port = usePort();
  const feedback = useFeedback();
  const language = useUiLanguage(port, feedback);
  const target = usePageTarget(port, feedback);
  const { status } = target;
  const { refreshStatus } = target;
  const afterChange = useCallback(() => void refreshStatus(), [refreshStatus]);
  const clipState = useClips(port, status?.url, feedback, afterChange);
  const site = useSiteSettings(port, target.tabId === undefined ? undefined : status?.site, status?.autoHighlight, feedback);
  const backup = useBackupImport(port, feedback, afterChange);
  const [query, setQuery] = useState('');
  // The window is known before the click: the browser opens a side panel only inside the click's own task.
  const windowId = useRef<number | undefined>(undefined);
  // The active tab's address is known after the toolbar click (activeTab): a PDF there is offered to the viewer.
  const [active, setActive] = useState<TabRef | undefined>(undefined);
  useEffect(() => {
    port.activeTab().then(
      (tab) => {
        windowId.current = tab?.windowId;
        setActive(tab);
      },
      () => undefined,
    );
  }, [port]);
  const { clips } = clipState;

  const pageClips = useMemo(() => (status ? clipsOfPage(clips, status.url) : undefined), [clips, status?.url]);
  const pageGroups = useMemo<ClipGroup[]>(() => (pageClips ? [{ key: 'page', clips: filterClips(pageClips, query) }] : []), [pageClips, query]);
  const allGroups = useMemo<ClipGroup[]>(
    () => groupByPage(filterClips(clips, query)).map((g) => ({ key: g.url, clips: g.clips, heading: { title: g.title, url: g.url } })),
    [clips, query],
  );
  const allShown = allGroups.reduce((n, g) => n + g.clips.length, 0);
  const notice = feedback.notice ? t(feedback.notice.key, feedback.notice.params) : undefined;
  const noticeToast = useMemo(() => (notice === undefined ? undefined : { message: notice }), [notice]);

  return (
    <div class={`popup mode-${target.mode}`} lang={language.locale}>
      <header class="popup-header">
        <h1>
          {t('popup.title')} <span class="brand">{t('popup.brand')}</span>
        </h1>
        <LanguagePicker value={language.setting} onChange={(setting) => void language.choose(setting)} />
        {target.tabId !== undefined && (
          <button
            type="button"
            class="open-panel"
            data-testid="open-panel"
            title={t('popup.openPanel.hint')}
            onClick={() => void openPanel({ tabId: target.tabId!, windowId: windowId.current }).catch((e: unknown) => feedback.fail('popup.openPanel', e))}
          >
            {t('popup.openPanel')}
          </button>
        )}
      </header>

      {target.mode === 'tab' && (
        <TabPicker candidates={target.candidates} selected={target.tabId} onSelect={target.selectTab} onRefresh={() => void target.refreshTabs()} />
      )}
      <ErrorBanner error={feedback.error} onDismiss={feedback.dismissError} />
      <ToastNotice toast={noticeToast} onDismiss={feedback.dismissNotice} lifetimeMs={Number.POSITIVE_INFINITY} testId="notice" />

      {target.mode === 'popup' && active && <OpenInViewer tab={{ id: active.tabId, url: active.url }} onOpened={() => window.close()} />}

      {target.mode === 'loading' ? (
        <p class="loading">{t('popup.loadingPage')}</p>
      ) : status ? (
        <PageStatusPanel
          status={status}
          autoHighlight={site.autoHighlight}
          busy={target.busy}
          onHighlight={() => void target.highlight(true)}
          onRemoveHighlights={() => void target.highlight(false)}
          onAutoHighlight={(on) => void site.setAutoHighlight(on)}
          onClipAll={() => void target.clipAll()}
        />
      ) : (
        <Unavailable tabMode={target.mode === 'tab'} />
      )}

      <div class="toolbar">
        <SearchBox onSearch={setQuery} placeholder={t('popup.search.placeholder')} label={t('popup.search.label')} />
        <ExportBar pageClips={pageClips} site={status?.site} allClips={clips} onError={feedback.report} />
        <BackupBar
          allClips={clips}
          busy={backup.importing}
          progress={backup.progress}
          onImport={(file) => void backup.importBackup(file)}
          onError={feedback.report}
        />
      </div>

      {pageClips && (
        <section class="clips-section" data-testid="page-clips">
          <div class="section-head">
            <h2>{t('popup.pageClips', { count: countText(pageGroups[0].clips.length, pageClips.length) })}</h2>
            <ClearPageButton count={pageClips.length} onClear={() => void clipState.clearPage()} />
          </div>
          <ClipList
            key={`page:${query}`}
            groups={pageGroups}
            onDelete={(id) => void clipState.deleteClip(id)}
            emptyText={query ? t('popup.empty.pageSearch') : t('popup.empty.page')}
          />
        </section>
      )}

      <section class="clips-section" data-testid="all-clips">
        <div class="section-head">
          <h2>{t('popup.allClips', { count: countText(allShown, clips.length) })}</h2>
        </div>
        {clipState.loaded ? (
          <ClipList
            key={`all:${query}`}
            groups={allGroups}
            onDelete={(id) => void clipState.deleteClip(id)}
            emptyText={query ? t('popup.empty.allSearch') : t('popup.empty.all')}
          />
        ) : (
          <p class="loading">{t('popup.loadingClips')}</p>
        )}
      </section>
    </div>
  );
}
