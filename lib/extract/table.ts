/**
 * Data tables: a grid of cell texts in, a reading of each numeric cell out (label from its row
 * header, joined with the column header where that names a quantity of its own; unit from the
 * cell, a unit column, a header or the caption; role and year from the column header), and
 * whether the grid is a data table at all or a page laid out with a table / a table of text,
 * which the running-text reader keeps. Pure: no DOM. Lexicon words live here, as in the extractor.
 */
import type { Dimension, Indicator, Role } from './types';
import { matchingView } from './normalize';
import { scaleBy } from './numerals';
import { parseQuantity, parseUnitHeader, roleOfHeader, type UnitHeader } from './quantity';

/** One cell of the table as markup states it (rowspan/colspan already resolved to a position). */
export interface GridCell {
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** <th>, role=columnheader / rowheader. */
  header: boolean;
}

export interface TableGrid {
  cells: GridCell[];
  /** Caption, a title row, or the note just before the table (单位：亿元). */
  caption?: string;
  /** Rows the markup puts in <thead>. */
  headRows?: number;
  /** The markup says it is no data table (role=presentation, a table nested in a cell…). */
  layout?: boolean;
}

export type TableKind = 'data' | 'layout' | 'text';

/** What a numeric cell of a data table means, whatever number is written in it. */
export interface CellReading {
  label: string;
  /** Unit of a bare number in the cell; null where nothing states one. */
  unit: UnitHeader | null;
  role: Role;
  /** The column's (or row's) year, e.g. 2024年; '' where none. */
  period: string;
  /** What the figure is quoted with: row header, column header, unit and the cell text. */
  context: string;
}

export interface TableReading {
  kind: TableKind;
  /** By index into grid.cells: the reading of each numeric data cell, null for every other cell. */
  cells: (CellReading | null)[];
  /** By index into grid.cells: a body cell of text (建设内容, 备注…), left to the running-text reader. */
  text: boolean[];
}

const MAX_HEADER_ROWS = 4;
const LONG_CELL = 60;
/** Longer than this, a cell holds a sentence, not the name of a row. */
const ROW_NAME_MAX = 30;
const PLACEHOLDER = /^[-—–―－/／…·.\s]*$/;
const YEAR = /(?:19|20)\d{2}\s*年?/;
const YEAR_ONLY = /^(?:(?:19|20)\d{2})\s*年?(?:度)?$/;
/** A date or a deadline, not a figure: 2024年底, 12月, 6月30日. */
const DATE = /^(?:(?:19|20)\d{2}\s*年|\d{1,2}\s*月(?!份?以)|\d{1,2}\s*日)/;
const UNIT_COLUMN = /^(?:计量)?单位$/;
const INDEX_COLUMN = /^(?:序号|编号|排名|排序|序)$/;
const GROWTH = /增长|增速|增幅|增减|比上年|比去年|同比|±|较上年|下降|减少/;
/** Words of a column header that name the column's period, role or unit, not a quantity. */
const NOT_A_QUANTITY =
  /(?:19|20)\d{2}\s*年?度?|[（(【[][^）)】\]]*[）)】\]]|单位|(?:目标|计划|预计|预期|预算|规划|力争|预测|完成|实际|实绩|实现|上年|去年|同期|累计|决算|执行|绝对)(?:数|值|情况)?|总量|数值|金额|数额|增长|增速|增幅|增减|同比|±|%|％|全年|上半年|下半年|[:：\s]/g;
const NUMBERING = /^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]|其中[:：]?|[#＃*])\s*/;
const TRAILING_BRACKET = /\s*[（(【[][^）)】\]]*[）)】\]]\s*$/;

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** True when the cell holds one number (with its sign, qualifier, unit or %), nothing else. */
export function isNumericText(text: string): boolean {
  const t = clean(text);
  if (t === '' || t.length > 30 || YEAR_ONLY.test(t) || DATE.test(t)) return false;
  const q = parseQuantity(t);
  if (!q) return false;
  const before = t.slice(0, q.start);
  const after = t.slice(q.end).trim();
  return /^[\s≥≤><约+＋~～]*$/.test(before) && after.length <= 2 && !/\d/.test(after);
}

const isEmpty = (text: string) => PLACEHOLDER.test(text);

/** A row header without its numbering (1. 其中：) and its unit in brackets. */
function rowName(text: string): string {
  let s = clean(text);
  for (let i = 0; i < 3 && NUMBERING.test(s); i++) s = s.replace(NUMBERING, '');
  return s
    .replace(TRAILING_BRACKET, '')
    .replace(/[:：]$/, '')
    .trim();
}

/** Unit a header states only in brackets or after 单位 (a row named 住院床位 states none). */
function declaredUnit(text: string): UnitHeader | null {
  return /单位|[（(【[]/.test(matchingView(text)) ? parseUnitHeader(text) : null;
}

interface Column {
  header: string;
  role: Role | undefined;
  period: string;
  growth: boolean;
  unit: UnitHeader | null;
  /** What the header names beyond period, role and unit (人口 in 人口（万人）); '' for none. */
  quantity: string;
}

function readColumn(header: string): Column {
  const view = matchingView(header);
  const growth = GROWTH.test(view) && parseUnitHeader(header)?.dimension === 'percent';
  // 比上年增长% under a target: the comparison word 上年 is no role of its own.
  const roleText = growth ? view.replace(/比上年|比去年|较上年|同比|上年同期/g, '') : view;
  const period = YEAR.exec(header)?.[0].replace(/\s+/g, '') ?? '';
  // Matched on the simplified view (same offsets), cut from the header as written.
  let quantity = '';
  if (!growth) {
    let from = 0;
    for (const m of view.matchAll(NOT_A_QUANTITY)) {
      quantity += header.slice(from, m.index);
      from = m.index + m[0].length;
    }
    quantity = clean(quantity + header.slice(from));
  }
  return {
    header,
    role: roleOfHeader(roleText),
    period: period && !period.endsWith('年') ? `${period}年` : period,
    growth,
    unit: parseUnitHeader(header),
    quantity: quantity.length >= 2 ? quantity : '',
  };
}

/** The reading of a grid: its kind, and each numeric data cell's label, unit, role and year. */
export function readTable(grid: TableGrid): TableReading {
  const cells = grid.cells;
  const none: TableReading = { kind: 'layout', cells: cells.map(() => null), text: cells.map(() => true) };
  let rows = 0;
  let cols = 0;
  for (const c of cells) {
    rows = Math.max(rows, c.row + c.rowSpan);
    cols = Math.max(cols, c.col + c.colSpan);
  }
  if (grid.layout || rows < 2 || cols < 2) return none;
  // slot[r][c] = index of the cell covering it, -1 where none.
  const slot: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(-1));
  cells.forEach((c, i) => {
    for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) slot[r][k] = i;
  });
  const texts = cells.map((c) => clean(c.text));
  const numeric = texts.map(isNumericText);
  const longCells = texts.filter((t) => t.length > LONG_CELL).length;
  if (longCells > Math.max(1, cells.length * 0.5)) return { ...none, kind: 'text' };

  // Title rows (one cell across the table) go to the caption; then header rows: no number but years.
  let caption = grid.caption ?? '';
  let top = 0;
  while (top < rows - 1 && new Set(slot[top]).size === 1 && slot[top][0] !== -1 && cells[slot[top][0]].colSpan >= cols) {
    caption = `${caption} ${texts[slot[top][0]]}`;
    top++;
  }
  let headerEnd = top;
  const rowIsHeader = (r: number) => {
    const ids = Array.from(new Set(slot[r].filter((i) => i !== -1)));
    if (ids.length === 0) return false;
    if (r < (grid.headRows ?? 0) || ids.every((i) => cells[i].header)) return true;
    // A cell that starts above (rowspan from a header row) says nothing about this row.
    const own = ids.filter((i) => cells[i].row === r);
    return own.every((i) => !numeric[i]) && own.some((i) => !isEmpty(texts[i]));
  };
  while (headerEnd < rows - 1 && headerEnd - top < MAX_HEADER_ROWS && rowIsHeader(headerEnd)) headerEnd++;
  if (headerEnd === top) return { ...none, kind: 'text' };

  const columns: Column[] = [];
  for (let c = 0; c < cols; c++) {
    const seen = new Set<number>();
    const parts: string[] = [];
    for (let r = top; r < headerEnd; r++) {
      const i = slot[r][c];
      if (i !== -1 && !seen.has(i)) {
        seen.add(i);
        if (!isEmpty(texts[i])) parts.push(texts[i]);
      }
    }
    columns.push(readColumn(parts.join('')));
  }
  const body: number[] = [];
  for (let r = headerEnd; r < rows; r++) body.push(r);
  const unitCol = columns.findIndex((col) => UNIT_COLUMN.test(matchingView(col.header).replace(/\s+/g, '')));
  const skip = (c: number) => c === unitCol || INDEX_COLUMN.test(matchingView(columns[c].header).replace(/\s+/g, ''));
  // A column of sentences (建设内容, 备注) is text: its cells are read as running text.
  const textColumn = columns.map((_, c) => {
    const own = body.map((r) => slot[r][c]).filter((i) => i !== -1 && cells[i].col === c && !isEmpty(texts[i]));
    return own.length > 0 && own.filter((i) => texts[i].length > ROW_NAME_MAX).length * 2 > own.length;
  });
  // Header columns: the leading columns (unit and index columns aside) with no number in the body.
  let headerCols = 0;
  for (let c = 0; c < cols; c++) {
    if (skip(c) || textColumn[c]) continue;
    const ids = body.map((r) => slot[r][c]).filter((i) => i !== -1 && cells[i].col === c);
    if (ids.some((i) => numeric[i] && !cells[i].header)) break;
    headerCols = c + 1;
  }
  let data = 0;
  let dataNumeric = 0;
  for (const r of body) {
    for (let c = headerCols; c < cols; c++) {
      const i = slot[r][c];
      if (i === -1 || skip(c) || textColumn[c] || cells[i].row !== r || cells[i].col !== c || isEmpty(texts[i])) continue;
      data++;
      if (numeric[i]) dataNumeric++;
    }
  }
  if (dataNumeric < 2 || dataNumeric < data * 0.6) return { ...none, kind: 'text' };

  const tableUnit = caption ? declaredUnit(caption) : null;
  const out: (CellReading | null)[] = cells.map(() => null);
  const text = cells.map(() => false);
  for (const r of body) {
    let rowHeaderRaw = '';
    for (let c = headerCols - 1; c >= 0 && !rowHeaderRaw; c--) {
      const i = slot[r][c];
      if (i !== -1 && !skip(c) && !textColumn[c] && !isEmpty(texts[i])) rowHeaderRaw = texts[i];
    }
    const rowYear = YEAR_ONLY.test(rowHeaderRaw) ? rowHeaderRaw : '';
    const name = rowYear ? '' : rowName(rowHeaderRaw);
    const unitCell = unitCol >= 0 && slot[r][unitCol] !== -1 ? texts[slot[r][unitCol]] : '';
    const rowUnit = (unitCell ? parseUnitHeader(unitCell) : null) ?? declaredUnit(rowHeaderRaw);
    let inherited: Column | undefined;
    for (let c = headerCols; c < cols; c++) {
      if (skip(c) || textColumn[c]) continue;
      const col = columns[c];
      if (!col.growth) inherited = col;
      const i = slot[r][c];
      if (i === -1 || cells[i].row !== r || cells[i].col !== c) continue;
      if (!numeric[i]) {
        text[i] = !isEmpty(texts[i]) && !cells[i].header;
        continue;
      }
      const role = col.role ?? (col.growth ? inherited?.role : undefined) ?? roleOfHeader(rowHeaderRaw) ?? roleOfHeader(caption) ?? 'unknown';
      const yearText = col.period || (col.growth ? (inherited?.period ?? '') : '') || rowYear;
      const period = yearText && !yearText.endsWith('年') ? `${yearText}年` : yearText;
      const unit = col.growth || col.unit?.dimension === 'percent' ? col.unit : (rowUnit ?? col.unit ?? tableUnit);
      const label = `${name && YEAR.test(name) ? '' : period}${name}${col.quantity}`.slice(0, 200);
      const unitNote = unitCell ? `（${unitCell}）` : '';
      out[i] = { label, unit, role, period, context: clean(`${rowHeaderRaw}${unitNote} ${col.header}：${texts[i]}`).slice(0, 4000) };
    }
  }
  for (const r of body) {
    for (let c = 0; c < cols; c++) {
      const i = slot[r][c];
      if (i !== -1 && textColumn[c] && cells[i].row === r && cells[i].col === c) text[i] = true;
    }
  }
  return { kind: 'data', cells: out, text };
}

/**
 * The figure in a numeric cell's text, read with what the table says of the cell: a unit written
 * in the cell wins; a bare number takes the header's unit and magnitude (245.6 under 亿元 → 2.456e10
 * 元). Offsets into `text`; the sentence is the whole text. Null when the text holds no number.
 */
export function cellIndicator(text: string, reading: CellReading): Indicator | null {
  if (!isNumericText(text)) return null;
  const q = parseQuantity(text);
  if (!q) return null;
  let value = q.value;
  let unit = q.unit;
  let dimension: Dimension = q.dimension;
  if (unit === '' && reading.unit) {
    value = scaleBy(value, reading.unit.scale);
    unit = reading.unit.unit;
    dimension = reading.unit.dimension;
  }
  const out: Indicator = {
    start: q.start,
    end: q.end,
    text: text.slice(q.start, q.end),
    value,
    unit,
    dimension,
    role: reading.role,
    label: reading.label,
    sentence: { start: 0, end: text.length },
  };
  if (q.qualifier) out.qualifier = q.qualifier;
  return out;
}

/** Every figure of a grid (none unless it is a data table), with the index of its cell. */
export function tableIndicators(grid: TableGrid): { cell: number; indicator: Indicator; context: string }[] {
  const reading = readTable(grid);
  const out: { cell: number; indicator: Indicator; context: string }[] = [];
  reading.cells.forEach((r, i) => {
    const indicator = r ? cellIndicator(grid.cells[i].text, r) : null;
    if (r && indicator) out.push({ cell: i, indicator, context: r.context });
  });
  return out;
}

/** A grid from rows of texts (no spans; the first row's cells are headers), for tests and simple callers. */
export function gridOfRows(rows: string[][], caption?: string): TableGrid {
  const cells: GridCell[] = [];
  rows.forEach((row, r) => {
    row.forEach((text, col) => {
      cells.push({ text, row: r, col, rowSpan: 1, colSpan: 1, header: r === 0 });
    });
  });
  return { cells, caption };
}
