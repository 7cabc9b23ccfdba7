/** CSV of extracted indicators, one row per figure, for the command line's `--csv`. */
import type { Indicator } from '../extract/types';
import { type CsvColumn, numberColumn, textColumn, toCsv } from './csv';

/** The fields of a figure that both exports write (an extracted Indicator or a clip's copy of one). */
export type FigureFields = Pick<Indicator, 'text' | 'value' | 'unit' | 'dimension' | 'qualifier' | 'valueMax' | 'from' | 'role' | 'label'>;

/** The figure's columns, in the order both exports share: label … figure as written. */
export function figureColumns<Row>(figure: (row: Row) => FigureFields): CsvColumn<Row>[] {
  return [
    textColumn('label', (row) => figure(row).label),
    numberColumn('value', (row) => figure(row).value),
    textColumn('unit', (row) => figure(row).unit),
    textColumn('dimension', (row) => figure(row).dimension),
    textColumn('qualifier', (row) => figure(row).qualifier),
    numberColumn('value max', (row) => figure(row).valueMax),
    numberColumn('from', (row) => figure(row).from),
    textColumn('role', (row) => figure(row).role),
    textColumn('figure as written', (row) => figure(row).text),
  ];
}

export interface IndicatorRow {
  /** The input file the figure was found in. */
  file: string;
  indicator: Indicator;
  /** The text of the sentence holding the figure. */
  sentence: string;
}

const INDICATOR_COLUMNS: CsvColumn<IndicatorRow>[] = [
  textColumn('file', (row) => row.file),
  ...figureColumns((row: IndicatorRow) => row.indicator),
  textColumn('sentence', (row) => row.sentence),
];

/** Header: file, label, value, unit, dimension, qualifier, value max, from, role, figure as written, sentence. */
export function indicatorsToCsv(rows: Iterable<IndicatorRow>): string {
  return toCsv(INDICATOR_COLUMNS, rows);
}
