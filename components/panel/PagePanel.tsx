/**
 * The side panel's view of the active tab's page: its figures as a table (filter, sort, group,
 * select, clip), the selected figure's sentence and corrections, the clips not found on the page
 * now, and the page's actions (clip all shown, copy, export, clear) with undo.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Dimension } from '../../lib/extract/types';
import { t } from '../../lib/i18n';
import { pageKey } from '../../lib/model/page';
import type { UiPort } from '../port/ui-port';
import { DownloadLink } from '../shared/DownloadLink';
import { exportFileName } from '../shared/format';
import { useBlobFile } from '../shared/useBlobFile';
import { type Exporter, type ExportRow, exportRowOfClip } from './exporter';
import {
  displayItems,
  filterRows,
  NO_FILTER,
  prepareSearch,
  type Sort,
  type SortKey,
  sortRows,
  type TableFilter,
  type TableRow,
  toTableRows,
} from './figure-table';
import { FigureDetail } from './FigureDetail';
import { FigureGrid } from './FigureGrid';
import { OrphanList } from './OrphanList';
import { TableToolbar } from './TableToolbar';
import type { Toast } from '../shared/Toast';
import { usePageFigures } from './usePageFigures';
import { whenIdle } from './when-idle';

/** The search text waits for idle time after the table is shown, but no longer than this. */
const SEARCH_WITHIN_MS = 1000;

export interface PagePanelProps {
  port: UiPort;
  tabId: number | undefined;
  /** Changes when the tab navigated: the page is read again. */
  visit?: number;
  exporter?: Exporter;
  copyText: (text: string) => Promise<void>;
  showToast: (toast: Toast) => void;
}

export function PagePanel({ port, tabId, visit = 0, exporter, copyText, showToast }: PagePanelProps) {
  const [filter, setFilter] = useState<TableFilter>(NO_FILTER);
  const [sort, setSort] = useState<Sort>({ key: 'order', descending: false });
  const [bySection, setBySection] = useState(false);
  const [activeKey, setActiveKey] = useState<string>();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [file, offer] = useBlobFile();
  /** Where a shift-click range starts: the last row chosen or checked without shift. */
  const anchor = useRef<string | undefined>(undefined);

  const onFocused = useCallback((key: string) => {
    setActiveKey(key);
    setSelected(new Set([key]));
    anchor.current = key;
  }, []);
  const page = usePageFigures(port, tabId, onFocused, visit);

  const rows = useMemo(() => toTableRows(page.figures, page.clips), [page.figures, page.clips]);
  // The filter's search text, normalised when idle after the table is shown (a first keystroke before then does it).
  useEffect(() => whenIdle(() => prepareSearch(rows), SEARCH_WITHIN_MS), [rows]);
  const dimensions = useMemo(() => new Set<Dimension>(rows.map((r) => r.indicator.dimension)), [rows]);
  const shown = useMemo(() => sortRows(filterRows(rows, filter), sort), [rows, filter, sort]);
  const items = useMemo(() => displayItems(shown, bySection), [shown, bySection]);
  /** Shown rows in the order the table lists them (grouping reorders). */
  const listed = useMemo(() => items.flatMap((item) => (item.kind === 'row' ? [item.row] : [])), [items]);
  const byKey = useMemo(() => new Map(rows.map((r) => [r.key, r])), [rows]);
  const active = activeKey === undefined ? undefined : byKey.get(activeKey);
  const url = page.status ? pageKey(page.status.url) : undefined;

  const failed = (what: string) => () => showToast({ message: t('panel.toast.failed', { action: what }) });

  const rangeKeys = (to: string): string[] => {
    const from = anchor.current === undefined ? -1 : listed.findIndex((r) => r.key === anchor.current);
    const end = listed.findIndex((r) => r.key === to);
    if (from < 0 || end < 0) return [to];
    return listed.slice(Math.min(from, end), Math.max(from, end) + 1).map((r) => r.key);
  };

  const activate = (key: string, how: { extend: boolean; toggle: boolean }) => {
    setActiveKey(key);
    if (how.extend) setSelected(new Set(rangeKeys(key)));
    else if (how.toggle) {
      const next = new Set(selected);
      if (!next.delete(key)) next.add(key);
      setSelected(next);
      anchor.current = key;
    } else {
      setSelected(new Set([key]));
      anchor.current = key;
    }
    if (tabId !== undefined) port.focusFigure(tabId, key).catch(() => undefined);
  };

  /** Unclipping deletes the clips (corrections and all), so it can be undone. */
  const unclip = async (targets: TableRow[]) => {
    const deleted = await port.deleteClips(targets.flatMap((r) => r.clipIds));
    page.refresh();
    if (deleted.length) showToast({ message: t('panel.toast.unclipped', { count: targets.length }), undo: () => port.putClips(deleted).finally(page.refresh) });
  };

  const check = (key: string, range: boolean) => {
    const row = byKey.get(key);
    if (!row || tabId === undefined) return;
    const keys = range ? rangeKeys(key) : [key];
    anchor.current = key;
    setActiveKey(key);
    const clip = !row.clipped;
    const targets = keys.map((k) => byKey.get(k)!).filter((r) => r.clipped !== clip);
    if (targets.length === 0) return;
    if (clip)
      port
        .setClipped(
          tabId,
          targets.map((r) => r.key),
          true,
        )
        .then(page.refresh, failed(t('panel.action.clip')));
    else unclip(targets).catch(failed(t('panel.action.unclip')));
  };

  const clipAllShown = async () => {
    if (tabId === undefined) return;
    const keys = listed.filter((r) => !r.clipped).map((r) => r.key);
    if (keys.length === 0) return;
    try {
      const count = await port.setClipped(tabId, keys, true);
      page.refresh();
      showToast({ message: t('panel.toast.clippedAll', { count }), undo: () => port.setClipped(tabId, keys, false).finally(page.refresh) });
    } catch {
      failed(t('panel.action.clipAll'))();
    }
  };

  const clearPage = async () => {
    if (!url) return;
    try {
      const deleted = await port.clearPage(url);
      page.refresh();
      showToast({ message: t('panel.toast.cleared', { count: deleted.length }), undo: () => port.putClips(deleted).finally(page.refresh) });
    } catch {
      failed(t('panel.action.clear'))();
    }
  };

  const exportRow = (row: TableRow): ExportRow =>
    row.clip
      ? exportRowOfClip(row.clip)
      : { url: url ?? '', title: page.status?.title ?? '', section: row.heading, sentence: row.sentence, indicator: row.indicator };
  const copySelected = async () => {
    if (!exporter) return;
    const chosen = listed.filter((r) => selected.has(r.key));
    try {
      await copyText(exporter.tsv(chosen.map(exportRow)));
      showToast({ message: t('panel.toast.copied', { count: chosen.length }) });
    } catch {
      failed(t('panel.action.copy'))();
    }
  };
  const exportShown = async (kind: 'csv' | 'xlsx') => {
    if (!exporter) return;
    try {
      const data = listed.map(exportRow);
      const blob = kind === 'csv' ? exporter.csv(data) : await exporter.xlsx(data);
      offer(blob, blob.type, exportFileName('figures', kind));
    } catch {
      failed(t('panel.action.export'))();
    }
  };

  const onSort = (key: SortKey) => setSort((s) => (s.key === key ? { key, descending: !s.descending } : { key, descending: false }));

  if (page.loading)
    return (
      <p class="panel-empty" data-testid="page-loading">
        {t('panel.loading')}
      </p>
    );
  if (page.failed)
    return (
      <p class="panel-empty" data-testid="page-unavailable">
        {t('panel.page.unavailable')}
      </p>
    );

  const clippedCount = rows.filter((r) => r.clipped).length;
  return (
    <section class="page-panel" aria-label={t('panel.page.label')} data-testid="page-panel">
      <header class="page-panel-head">
        <h2 class="page-title" title={page.status?.url}>
          {page.status?.title || page.status?.url}
        </h2>
        <p class="zb-muted" data-testid="page-counts" data-figures={rows.length} data-clipped={clippedCount} data-shown={listed.length}>
          {t('panel.page.counts', { figures: rows.length, clipped: clippedCount, shown: listed.length })}
        </p>
      </header>
      <TableToolbar filter={filter} onFilter={setFilter} bySection={bySection} onBySection={setBySection} dimensions={dimensions} />
      <div class="panel-actions">
        <button type="button" data-testid="clip-all-shown" disabled={!listed.some((r) => !r.clipped)} onClick={() => void clipAllShown()}>
          {t('panel.action.clipAllShown', { count: listed.filter((r) => !r.clipped).length })}
        </button>
        {exporter && (
          <>
            <button type="button" data-testid="copy-selected" disabled={selected.size === 0} onClick={() => void copySelected()}>
              {t('panel.action.copySelected', { count: listed.filter((r) => selected.has(r.key)).length })}
            </button>
            <button type="button" data-testid="export-table-csv" disabled={listed.length === 0} onClick={() => void exportShown('csv')}>
              {t('panel.action.exportCsv')}
            </button>
            <button type="button" data-testid="export-table-xlsx" disabled={listed.length === 0} onClick={() => void exportShown('xlsx')}>
              {t('panel.action.exportXlsx')}
            </button>
            <DownloadLink file={file} label={t('panel.action.download')} testId="download-link" />
          </>
        )}
        <button type="button" data-testid="clear-page" disabled={clippedCount + page.orphans.length === 0} onClick={() => void clearPage()}>
          {t('panel.action.clearPage')}
        </button>
      </div>
      {rows.length === 0 ? (
        <p class="panel-empty" data-testid="no-figures">
          {t('panel.page.noFigures')}
        </p>
      ) : (
        <FigureGrid items={items} activeKey={activeKey} selected={selected} sort={sort} onSort={onSort} onActivate={activate} onCheck={check} />
      )}
      {active && <FigureDetail row={active} port={port} onSaved={page.refresh} />}
      <OrphanList orphans={page.orphans} port={port} showToast={showToast} onChange={page.refresh} />
    </section>
  );
}
