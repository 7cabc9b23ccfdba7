// biome-ignore-all lint/a11y/useSemanticElements: a virtualised ARIA grid: rows are absolutely positioned in a scrolled body, which table layout cannot do; the roles say what <table> would.
// biome-ignore-all lint/a11y/useFocusableInteractive: roving tabindex: the active row holds the focus (APG grid with row focus); headers and cells are not focus stops.
// biome-ignore-all lint/a11y/useKeyWithClickEvents: the keyboard acts on the row group (arrows, Home/End, Page keys, Space), not row by row.
/**
 * The page's figures as an ARIA grid, virtualised: rows have one fixed height and only the rows
 * in view (plus a few) are in the DOM, so 3,000 figures render as fast as 30. The active row
 * holds the focus (roving tabindex); arrows move it, Shift+arrows extend the selection, Space
 * clips or unclips, Home/End/PageUp/PageDown jump. Every cell is text (textContent), never HTML.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { currentLocale, t, type MessageKey } from '../../lib/i18n';
import { formatNumber, QUALIFIER_SIGNS } from '../../lib/model/format';
import type { EditableField } from '../../lib/model/clip';
import type { DisplayItem, Sort, SortKey, TableRow } from './figure-table';
import { useGridViewport } from './useGridViewport';

export const ROW_HEIGHT = 32;
const OVERSCAN = 8;

interface Column {
  key: SortKey;
  label: MessageKey;
  field?: EditableField;
  cell: (row: TableRow, locale: string) => string;
}

const COLUMNS: Column[] = [
  { key: 'label', label: 'panel.col.label', field: 'label', cell: (r) => r.indicator.label },
  { key: 'text', label: 'panel.col.text', cell: (r) => r.indicator.text },
  { key: 'value', label: 'panel.col.value', field: 'value', cell: (r, l) => (r.indicator.value === undefined ? '' : formatNumber(r.indicator.value, l)) },
  { key: 'unit', label: 'panel.col.unit', field: 'unit', cell: (r) => r.indicator.unit },
  { key: 'qualifier', label: 'panel.col.qualifier', cell: (r) => (r.indicator.qualifier ? QUALIFIER_SIGNS[r.indicator.qualifier] : '') },
  {
    key: 'range',
    label: 'panel.col.range',
    cell: (r, l) =>
      r.indicator.valueMax === undefined || r.indicator.value === undefined
        ? ''
        : `${formatNumber(r.indicator.value, l)}–${formatNumber(r.indicator.valueMax, l)}`,
  },
  {
    key: 'change',
    label: 'panel.col.change',
    cell: (r, l) =>
      r.indicator.from === undefined || r.indicator.value === undefined ? '' : `${formatNumber(r.indicator.from, l)} → ${formatNumber(r.indicator.value, l)}`,
  },
  { key: 'role', label: 'panel.col.role', field: 'role', cell: (r) => t(`common.role.${r.indicator.role}`) },
];

export interface FigureGridProps {
  items: DisplayItem[];
  activeKey?: string;
  selected: ReadonlySet<string>;
  sort: Sort;
  onSort: (key: SortKey) => void;
  /** A row was chosen: by click (shift: extend; toggle: ctrl/cmd) or by the keyboard. */
  onActivate: (key: string, how: { extend: boolean; toggle: boolean }) => void;
  /** The row's checkbox was clicked (shift: apply to the range from the last one). */
  onCheck: (key: string, range: boolean) => void;
}

export function FigureGrid({ items, activeKey, selected, sort, onSort, onActivate, onCheck }: FigureGridProps) {
  const body = useRef<HTMLDivElement>(null);
  // The window of rendered rows: moved by whole rows, and only when the overscan runs short, not per scroll event.
  const scrolled = useRef(0);
  const [topRow, setTopRow] = useState(0);
  const { height, overscan } = useGridViewport(body, OVERSCAN);
  const focusWanted = useRef(false);
  const locale = currentLocale();

  const activeIndex = activeKey === undefined ? -1 : items.findIndex((item) => item.kind === 'row' && item.row.key === activeKey);

  // Keeps the active row in view: when it moved by keyboard, or the page focused its figure.
  useLayoutEffect(() => {
    const el = body.current;
    if (!el || activeIndex < 0) return;
    const top = activeIndex * ROW_HEIGHT;
    const scrollTop = scrolled.current;
    let next = scrollTop;
    if (top < scrollTop) next = top;
    else if (top + ROW_HEIGHT > scrollTop + height) next = top + ROW_HEIGHT - height;
    if (next !== scrollTop) {
      el.scrollTop = next;
      scrolled.current = next;
      setTopRow(Math.floor(next / ROW_HEIGHT));
    }
  }, [activeIndex]);

  useEffect(() => {
    if (!focusWanted.current || activeKey === undefined) return;
    // The row may be rendered only on the next pass (after scrolling it into view).
    const target = body.current?.querySelector<HTMLElement>(`[data-row-index="${activeIndex}"]`);
    if (!target) return;
    focusWanted.current = false;
    target.focus();
  });

  const firstRow = firstRowIndex(items);
  const first = Math.max(0, topRow - overscan);
  const last = Math.min(items.length, topRow + Math.ceil(height / ROW_HEIGHT) + 1 + overscan);

  const rowIndexes = () => items.flatMap((item, i) => (item.kind === 'row' ? [i] : []));
  const move = (event: KeyboardEvent, to: number) => {
    const rows = rowIndexes();
    if (rows.length === 0) return;
    event.preventDefault();
    const target = rows[Math.max(0, Math.min(rows.length - 1, to))];
    const item = items[target];
    if (item.kind !== 'row') return;
    focusWanted.current = true;
    onActivate(item.row.key, { extend: event.shiftKey, toggle: false });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const rows = rowIndexes();
    const at = rows.indexOf(activeIndex);
    const pageRows = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    switch (event.key) {
      case 'ArrowDown':
        return move(event, at < 0 ? 0 : at + 1);
      case 'ArrowUp':
        return move(event, at < 0 ? 0 : at - 1);
      case 'PageDown':
        return move(event, at + pageRows);
      case 'PageUp':
        return move(event, at - pageRows);
      case 'Home':
        return move(event, 0);
      case 'End':
        return move(event, rows.length - 1);
      case ' ':
        if (activeKey !== undefined && (event.target as HTMLElement).getAttribute('role') === 'row') {
          event.preventDefault();
          onCheck(activeKey, event.shiftKey);
        }
        return;
    }
  };

  const sortState = (key: SortKey) => (sort.key !== key ? 'none' : sort.descending ? 'descending' : 'ascending');
  const header = (key: SortKey, label: MessageKey, extra = '') => (
    <div role="columnheader" class={`zb-col zb-col-${key}${extra}`} aria-sort={sortState(key)}>
      <button type="button" class="sort-button" data-testid={`sort-${key}`} onClick={() => onSort(key)} title={t('panel.sortBy', { column: t(label) })}>
        {t(label)}
        <span aria-hidden="true">{sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </div>
  );

  return (
    <div
      role="grid"
      class="figure-grid"
      aria-label={t('panel.grid.label')}
      aria-rowcount={items.length + 1}
      aria-multiselectable="true"
      data-testid="figure-grid"
    >
      <div role="rowgroup" class="figure-grid-head">
        <div role="row" class="zb-row" aria-rowindex={1}>
          {header('clipped', 'panel.col.clipped')}
          {COLUMNS.map((c) => header(c.key, c.label))}
        </div>
      </div>
      <div
        role="rowgroup"
        class="figure-grid-body"
        ref={body}
        onScroll={(e) => {
          scrolled.current = (e.currentTarget as HTMLElement).scrollTop;
          // The rendered rows reach OVERSCAN beyond the view: move the window only when half of that is used up.
          const row = Math.floor(scrolled.current / ROW_HEIGHT);
          if (Math.abs(row - topRow) >= OVERSCAN / 2) setTopRow(row);
        }}
        onKeyDown={onKeyDown}
        data-testid="figure-grid-body"
      >
        <div class="figure-grid-spacer" style={{ height: `${items.length * ROW_HEIGHT}px` }}>
          {items.slice(first, last).map((item, offset) => {
            const index = first + offset;
            const style = { top: `${index * ROW_HEIGHT}px`, height: `${ROW_HEIGHT}px` };
            if (item.kind === 'group') {
              return (
                <div role="row" class="zb-row zb-group" key={`g:${item.heading}`} aria-rowindex={index + 2} style={style} data-testid="group-row">
                  <div role="rowheader" aria-colspan={COLUMNS.length + 1} class="zb-group-cell">
                    {item.heading || t('panel.group.none')} <span class="zb-muted">({item.count})</span>
                  </div>
                </div>
              );
            }
            const { row } = item;
            const name = `${row.indicator.label} ${row.indicator.text}`.trim();
            const edited = new Set(row.clip?.edited ?? []);
            return (
              <div
                role="row"
                key={row.key}
                class={`zb-row role-${row.indicator.role}${row.key === activeKey ? ' active' : ''}${row.clipped ? ' clipped' : ''}`}
                aria-rowindex={index + 2}
                aria-selected={selected.has(row.key)}
                tabIndex={index === (activeIndex < 0 ? firstRow : activeIndex) ? 0 : -1}
                style={style}
                data-row-index={index}
                data-key={row.key}
                data-role={row.indicator.role}
                data-testid="figure-row"
                onClick={(e) => onActivate(row.key, { extend: e.shiftKey, toggle: e.ctrlKey || e.metaKey })}
              >
                <div role="gridcell" class="zb-col zb-col-clipped">
                  <input
                    type="checkbox"
                    tabIndex={-1}
                    checked={row.clipped}
                    aria-label={t(row.clipped ? 'panel.row.unclip' : 'panel.row.clip', { figure: name })}
                    data-testid="row-clip"
                    onClick={(e) => {
                      e.stopPropagation();
                      // The table decides (the page answers with the new state): keep the box as shown until then.
                      e.preventDefault();
                      onCheck(row.key, e.shiftKey);
                    }}
                  />
                </div>
                {COLUMNS.map((c) => (
                  <div role="gridcell" class={`zb-col zb-col-${c.key}${c.field && edited.has(c.field) ? ' edited' : ''}`} data-col={c.key}>
                    {c.cell(row, locale)}
                    {c.field && edited.has(c.field) && (
                      <span class="edited-mark" title={t('panel.edited')}>
                        <span aria-hidden="true">*</span>
                        <span class="visually-hidden">{t('panel.edited')}</span>
                      </span>
                    )}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function firstRowIndex(items: DisplayItem[]): number {
  return items.findIndex((item) => item.kind === 'row');
}
