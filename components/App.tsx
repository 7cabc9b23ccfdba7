/** The popup: the page's verdict and actions, then this page's clips and all clips, searchable and exportable. */
import { useMemo, useState } from 'preact/hooks';
import { BackupBar } from './BackupBar';
import { ClearPageButton } from './ClearPageButton';
import { type ClipGroup, ClipList } from './ClipList';
import { clipsOfPage, filterClips, groupByPage } from './clip-view';
import { ErrorBanner } from './ErrorBanner';
import { ExportBar } from './ExportBar';
import { NoticeBanner } from './NoticeBanner';
import { PageStatusPanel } from './PageStatusPanel';
import { SearchBox } from './SearchBox';
import { TabPicker } from './TabPicker';
import { usePopupState } from './usePopupState';

function countText(shown: number, total: number): string {
  return shown === total ? `${total}` : `${shown}/${total}`;
}

function Unavailable({ tabMode }: { tabMode: boolean }) {
  return (
    <section class="panel unavailable" data-testid="page-unavailable">
      {tabMode ? (
        <p>没有可分析的网页：请先打开要分析的网页，再点“刷新”。</p>
      ) : (
        <>
          <p class="unavailable-title">此页面无法分析</p>
          <p class="hint">浏览器内部页面、扩展商店和尚未加载完的页面无法读取；下方仍可查看全部摘录。</p>
        </>
      )}
    </section>
  );
}

export function App() {
  const { state, actions } = usePopupState();
  const [query, setQuery] = useState('');
  const { status, clips } = state;

  const pageClips = useMemo(() => (status ? clipsOfPage(clips, status.url) : undefined), [clips, status?.url]);
  const pageGroups = useMemo<ClipGroup[]>(() => (pageClips ? [{ key: 'page', clips: filterClips(pageClips, query) }] : []), [pageClips, query]);
  const allGroups = useMemo<ClipGroup[]>(
    () => groupByPage(filterClips(clips, query)).map((g) => ({ key: g.url, clips: g.clips, heading: { title: g.title, url: g.url } })),
    [clips, query],
  );
  const allShown = allGroups.reduce((n, g) => n + g.clips.length, 0);

  return (
    <div class={`popup mode-${state.mode}`}>
      <header class="popup-header">
        <h1>
          指标 <span class="brand">Zhibiao</span>
        </h1>
      </header>

      {state.mode === 'tab' && (
        <TabPicker candidates={state.candidates} selected={state.tabId} onSelect={actions.selectTab} onRefresh={() => void actions.refreshTabs()} />
      )}
      <ErrorBanner message={state.error} onDismiss={actions.dismissError} />
      <NoticeBanner message={state.notice} onDismiss={actions.dismissNotice} />

      {state.mode === 'loading' ? (
        <p class="loading">正在读取页面…</p>
      ) : status ? (
        <PageStatusPanel
          status={status}
          autoHighlight={state.autoHighlight}
          busy={state.busy}
          onHighlight={() => void actions.highlightPage()}
          onRemoveHighlights={() => void actions.removeHighlights()}
          onAutoHighlight={(on) => void actions.setAutoHighlight(on)}
          onClipAll={() => void actions.clipAll()}
        />
      ) : (
        <Unavailable tabMode={state.mode === 'tab'} />
      )}

      <div class="toolbar">
        <SearchBox onSearch={setQuery} />
        <ExportBar pageClips={pageClips} site={status?.site} allClips={clips} onError={actions.reportError} />
        <BackupBar allClips={clips} busy={state.busy} onImport={(file) => void actions.importBackup(file)} onError={actions.reportError} />
      </div>

      {pageClips && (
        <section class="clips-section" data-testid="page-clips">
          <div class="section-head">
            <h2>本页摘录（{countText(pageGroups[0].clips.length, pageClips.length)}）</h2>
            <ClearPageButton count={pageClips.length} onClear={() => void actions.clearPage()} />
          </div>
          <ClipList key={`page:${query}`} groups={pageGroups} onDelete={(id) => void actions.deleteClip(id)} emptyText={query ? '本页没有符合搜索的摘录' : '本页还没有摘录：点页面上高亮的数字即可摘录'} />
        </section>
      )}

      <section class="clips-section" data-testid="all-clips">
        <div class="section-head">
          <h2>全部摘录（{countText(allShown, clips.length)}）</h2>
        </div>
        {state.clipsLoaded ? (
          <ClipList key={`all:${query}`} groups={allGroups} onDelete={(id) => void actions.deleteClip(id)} emptyText={query ? '没有符合搜索的摘录' : '还没有摘录'} />
        ) : (
          <p class="loading">正在读取摘录…</p>
        )}
      </section>
    </div>
  );
}
