/**
 * Tables in the page: finds the table a block of text sits in (<table> markup, or a <div> grid
 * with role=table / grid), reads its rows and cells (rowspan and colspan placed), and asks the
 * pure reader (lib/extract/table.ts) whether it is a data table and what each numeric cell means.
 * A figure in a data table's cell is read from the block's own text, so its offsets map back to the
 * cell's text nodes like any other figure's. Reads only; nothing is written to the page.
 */
import { type CellReading, cellIndicator, type GridCell, readTable } from '../extract/table';
import type { Indicator } from '../extract/types';
import { type Block, collectBlocks } from './blocks';

const TABLE = 'table,[role=table],[role=grid],[role=treegrid]';
const ROLE_ROW = '[role=row]';
const ROLE_CELL = '[role=cell],[role=gridcell],[role=columnheader],[role=rowheader]';
const CELL = `td,th,${ROLE_CELL}`;
/** Bounds against hostile or huge markup: a table beyond them is left to the running-text reader. */
const MAX_ROWS = 3000;
const MAX_COLS = 100;
const MAX_SPAN = 100;
const MAX_NOTE = 80;

/** A figure read from a data table's cell: offsets relative to the block's text. */
export interface TableFigure {
  indicator: Indicator;
  /** The row header, column header and cell text it is quoted with. */
  sentence: string;
}

interface DomTable {
  data: boolean;
  cells: Map<Element, CellReading | null>;
  /** Body cells of text (建设内容, 备注): read as running text. */
  text: Set<Element>;
}

const isLayoutRole = (el: Element) => /^(presentation|none)$/i.test((el.getAttribute('role') ?? '').trim());
const textOf = (el: Element) =>
  collectBlocks(el)
    .map((b) => b.text)
    .join(' ');

function span(el: Element, attr: 'rowspan' | 'colspan'): number {
  const own = el.getAttribute(attr) ?? el.getAttribute(`aria-${attr}`);
  const n = own === null ? 1 : Number.parseInt(own, 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

function rowsOf(table: Element): { row: Element; cells: Element[]; head: boolean }[] {
  if (table.tagName === 'TABLE') {
    return Array.from((table as HTMLTableElement).rows, (row) => ({
      row,
      cells: Array.from(row.cells),
      head: row.parentElement?.tagName === 'THEAD',
    }));
  }
  return Array.from(table.querySelectorAll(ROLE_ROW))
    .filter((row) => row.closest(TABLE) === table)
    .map((row) => ({
      row,
      cells: Array.from(row.querySelectorAll(ROLE_CELL)).filter((c) => c.closest(ROLE_ROW) === row),
      head: false, // a row of role=columnheader cells is a header row by its cells
    }));
}

/** The caption, aria-label, and a short note right before the table (单位：亿元). */
function captionOf(table: Element): string {
  const parts: string[] = [];
  const caption = table.tagName === 'TABLE' ? (table as HTMLTableElement).caption : null;
  if (caption) parts.push(textOf(caption));
  const label = table.getAttribute('aria-label');
  if (label) parts.push(label.slice(0, MAX_NOTE));
  const before = table.previousElementSibling;
  const note = before ? (before.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
  if (note && note.length <= MAX_NOTE) parts.push(note);
  return parts.join(' ');
}

function readDomTable(table: Element): DomTable {
  const none: DomTable = { data: false, cells: new Map(), text: new Set() };
  if (isLayoutRole(table)) return none;
  const rows = rowsOf(table);
  if (rows.length < 2 || rows.length > MAX_ROWS) return none;
  const taken: boolean[][] = [];
  const cells: GridCell[] = [];
  const elements: Element[] = [];
  let headRows = 0;
  let layout = false;
  rows.forEach(({ cells: rowCells, head }, r) => {
    if (head && headRows === r) headRows = r + 1;
    taken[r] ??= [];
    let col = 0;
    for (const el of rowCells) {
      while (taken[r][col]) col++;
      const rowSpan = Math.min(span(el, 'rowspan'), rows.length - r);
      const colSpan = span(el, 'colspan');
      if (col + colSpan > MAX_COLS) return;
      for (let dr = 0; dr < rowSpan; dr++) {
        taken[r + dr] ??= [];
        for (let dc = 0; dc < colSpan; dc++) taken[r + dr][col + dc] = true;
      }
      // A table inside a cell: the outer one lays the page out.
      if (el.querySelector(TABLE)) layout = true;
      const role = el.getAttribute('role');
      cells.push({ text: textOf(el), row: r, col, rowSpan, colSpan, header: el.tagName === 'TH' || role === 'columnheader' || role === 'rowheader' });
      elements.push(el);
      col += colSpan;
    }
  });
  const reading = readTable({ cells, caption: captionOf(table), headRows, layout });
  if (reading.kind !== 'data') return none;
  return {
    data: true,
    cells: new Map(elements.map((el, i) => [el, reading.cells[i]])),
    text: new Set(elements.filter((_, i) => reading.text[i])),
  };
}

/**
 * Reads the tables of one scan, each once. For a block: undefined where it is not in a data table
 * or is a cell of text there (the running-text reader reads it); null where it is a data table's cell with no figure (a header,
 * a unit, a note); else its figure.
 */
export class TableReader {
  private tables = new Map<Element, DomTable>();
  /**
   * False when no table is in or around the part of the page being read (most policy pages, and
   * a huge page's 20,000 paragraphs): one query then, instead of a climb to the root for every block.
   */
  private readonly any: boolean;

  constructor(root?: Element) {
    this.any = !root || root.closest(TABLE) !== null || root.querySelector(TABLE) !== null;
  }

  figureOf(block: Block): TableFigure | null | undefined {
    if (!this.any) return undefined;
    const cell = block.container.closest(CELL);
    const table = cell?.closest(TABLE);
    if (!cell || !table) return undefined;
    let read = this.tables.get(table);
    if (!read) {
      read = readDomTable(table);
      this.tables.set(table, read);
    }
    if (!read.data || read.text.has(cell)) return undefined;
    const reading = read.cells.get(cell);
    if (reading === undefined) return undefined;
    if (reading === null) return null;
    const indicator = cellIndicator(block.text, reading);
    return indicator ? { indicator, sentence: reading.context } : null;
  }
}
