/**
 * The side panel's table of a page's figures, as data: rows built once per read of the page,
 * then filtered, sorted and grouped by section. The rows' search text is normalised once, so a
 * keystroke only scans strings, but not while the rows are built: the panel's first render does
 * not need it (prepareSearch, run in idle time after it, or by the first text filter).
 * Pure, so it is tested without a DOM and timed by the bench.
 */
import { matchingView } from '../../lib/extract/normalize';
import type { Dimension } from '../../lib/extract/types';
import type { Clip, ClippedIndicator } from '../../lib/model/clip';
import type { Role } from '../../lib/model/role';
import type { FigureRow } from '../port/ui-port';

export interface TableRow {
  key: string;
  order: number;
  /** What the table shows: the clip's reading (with the user's corrections) where clipped, else the extractor's. */
  indicator: ClippedIndicator;
  heading: string;
  sentence: string;
  clipIds: string[];
  clipped: boolean;
  /** The stored clip, where the page's clips have been read. */
  clip?: Clip;
  /** Label, figure, unit, heading and sentence in the matching view (simplified, half-width), lower case: set by prepareSearch. */
  search?: string;
}

export const SORT_KEYS = ['order', 'clipped', 'label', 'text', 'value', 'unit', 'qualifier', 'range', 'change', 'role'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  descending: boolean;
}

export interface TableFilter {
  role: Role | 'all';
  dimension: Dimension | 'all';
  clipped: 'all' | 'clipped' | 'unclipped';
  text: string;
}

export const NO_FILTER: TableFilter = { role: 'all', dimension: 'all', clipped: 'all', text: '' };

export type DisplayItem = { kind: 'group'; heading: string; count: number } | { kind: 'row'; row: TableRow };

/** Text as the filter compares it: simplified, half-width, lower case. */
export function searchView(text: string): string {
  return matchingView(text).toLowerCase();
}

/** Separates the rows' texts while they are normalised together (never in page text: it is a control character). */
const ROW_BREAK = '\u0001';

export function toTableRows(figures: readonly FigureRow[], clips: ReadonlyMap<string, Clip>): TableRow[] {
  const rows = figures.map((figure): TableRow => {
    const clip = figure.clipIds.map((id) => clips.get(id)).find((c) => c !== undefined);
    const indicator = clip?.indicator ?? figure.indicator;
    return {
      key: figure.key,
      order: figure.order,
      indicator,
      heading: figure.heading,
      sentence: figure.sentence,
      clipIds: figure.clipIds,
      clipped: figure.clipIds.length > 0,
      clip,
    };
  });
  return rows;
}

/** Sets the search text of the rows that have none (normalising 3,000 rows' text takes 10–20 ms). */
export function prepareSearch(rows: readonly TableRow[]): void {
  const missing = rows.filter((row) => row.search === undefined);
  if (missing.length === 0) return;
  const text = (row: TableRow) =>
    `${row.indicator.label}\n${row.indicator.text}\n${row.indicator.unit}\n${row.heading}\n${row.sentence}`.replaceAll(ROW_BREAK, ' ');
  // One pass over all rows' text: normalising row by row costs a decoder call each (3,000 → ~10x slower).
  const views = searchView(missing.map(text).join(ROW_BREAK)).split(ROW_BREAK);
  for (let i = 0; i < missing.length; i++) missing[i].search = views[i];
}

export function filterRows(rows: readonly TableRow[], filter: TableFilter): TableRow[] {
  const words = searchView(filter.text).split(/\s+/).filter(Boolean);
  if (words.length > 0) prepareSearch(rows);
  return rows.filter(
    (row) =>
      (filter.role === 'all' || row.indicator.role === filter.role) &&
      (filter.dimension === 'all' || row.indicator.dimension === filter.dimension) &&
      (filter.clipped === 'all' || row.clipped === (filter.clipped === 'clipped')) &&
      words.every((word) => row.search?.includes(word)),
  );
}

const QUALIFIER_ORDER = { '<': 1, '<=': 2, '~': 3, '>=': 4, '>': 5 } as const;
const ROLE_ORDER = { target: 0, actual: 1, unknown: 2 } as const;
/**
 * Made on the first sort by a text column, not when the panel's code loads: the first Intl object
 * of a page loads the ICU data (~20 ms in a fresh panel), and the table opens sorted by order.
 */
let collator: Intl.Collator | undefined;
const compareText = (a: string, b: string) => (collator ??= new Intl.Collator('zh-CN', { numeric: true })).compare(a, b);

/** A row's sort value for a column; undefined (no range, no change, no unit) sorts last either way. */
function sortValue(row: TableRow, key: SortKey): number | string | undefined {
  const ind = row.indicator;
  switch (key) {
    case 'order':
      return row.order;
    case 'clipped':
      return row.clipped ? 0 : 1;
    case 'label':
      return ind.label || undefined;
    case 'text':
      return ind.text;
    case 'value':
      return ind.value;
    case 'unit':
      return ind.unit || undefined;
    case 'qualifier':
      return ind.qualifier ? QUALIFIER_ORDER[ind.qualifier] : undefined;
    case 'range':
      return ind.valueMax === undefined || ind.value === undefined ? undefined : ind.valueMax - ind.value;
    case 'change':
      return ind.from === undefined || ind.value === undefined ? undefined : ind.value - ind.from;
    case 'role':
      return ROLE_ORDER[ind.role];
  }
}

/** Sorted copy; ties keep document order. */
export function sortRows(rows: readonly TableRow[], sort: Sort): TableRow[] {
  const sign = sort.descending ? -1 : 1;
  const keyed = rows.map((row) => ({ row, value: sortValue(row, sort.key) }));
  keyed.sort((a, b) => {
    if (a.value === undefined || b.value === undefined) {
      if (a.value !== b.value) return a.value === undefined ? 1 : -1;
    } else if (a.value !== b.value) {
      const c = typeof a.value === 'string' ? compareText(a.value, b.value as string) : (a.value as number) - (b.value as number);
      if (c !== 0) return sign * c;
    }
    return a.row.order - b.row.order;
  });
  return keyed.map((k) => k.row);
}

/**
 * Rows as the table lists them: flat, or under their section headings (sections in document
 * order, rows in the chosen order within each).
 */
export function displayItems(rows: readonly TableRow[], bySection: boolean): DisplayItem[] {
  if (!bySection) return rows.map((row) => ({ kind: 'row', row }));
  const groups = new Map<string, { first: number; rows: TableRow[] }>();
  for (const row of rows) {
    const group = groups.get(row.heading);
    if (group) {
      group.rows.push(row);
      if (row.order < group.first) group.first = row.order;
    } else groups.set(row.heading, { first: row.order, rows: [row] });
  }
  const items: DisplayItem[] = [];
  for (const [heading, group] of [...groups].sort((a, b) => a[1].first - b[1].first)) {
    items.push({ kind: 'group', heading, count: group.rows.length });
    for (const row of group.rows) items.push({ kind: 'row', row });
  }
  return items;
}
