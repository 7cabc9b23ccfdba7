/**
 * The columns of a clip export, shared by CSV, xlsx and "copy rows" (TSV): stable ids, the kind
 * of each cell (text or number), and how each is read from a clip. No display text here: headers,
 * role names and the like are the caller's (the UI takes them from the catalogue).
 */
import type { Dimension, Qualifier, Role } from '../extract/types';
import type { Clip, ClippedIndicator } from '../model/clip';
import { formatLocalTime, type UtcOffset } from './local-time';

export { EDITABLE_FIELDS, type EditableField } from '../model/clip';

/**
 * A clip as the exports read it: the stored clip plus the optional fields the model is growing
 * (a superset, so this compiles before and after they land).
 */
export interface ExportClip extends Pick<Clip, 'url' | 'title' | 'section' | 'sentence' | 'clippedAt'> {
  /** The figure as it stands now: the user's edits applied. */
  indicator: ClippedIndicator;
  note?: string;
  tags?: readonly string[];
  /** The extractor's figure, kept when the user edited some of its fields. */
  original?: ClippedIndicator;
  /** Names of the edited fields (EditableField; other names are written as given). */
  edited?: readonly string[];
}

export const CLIP_COLUMN_IDS = [
  'pageTitle',
  'url',
  'section',
  'label',
  'value',
  'unit',
  'dimension',
  'qualifier',
  'valueMax',
  'from',
  'role',
  'text',
  'sentence',
  'clippedAt',
  'note',
  'tags',
  'originalLabel',
  'originalRole',
  'originalValue',
  'originalUnit',
  'originalDimension',
  'edited',
] as const;
export type ClipColumnId = (typeof CLIP_COLUMN_IDS)[number];

/** A cell as the writers see it; each writer types and escapes it its own way. */
export type ExportCell = { kind: 'text'; text: string } | { kind: 'number'; value: number | undefined };

export interface ClipExportOptions {
  /** Header of every column written, in the UI's language. */
  headers: Readonly<Record<ClipColumnId, string>>;
  /** Which columns, in which order (default: all of CLIP_COLUMN_IDS). */
  columns?: readonly ClipColumnId[];
  /** The role's name in the UI's language (default: the role's code). */
  roleName?: (role: Role) => string;
  dimensionName?: (dimension: Dimension) => string;
  qualifierName?: (qualifier: Qualifier) => string;
  /** Name of an edited field in the UI's language, for the "edited" column (default: the code). */
  fieldName?: (field: string) => string;
  /** Between tags and between edited fields in one cell (default '; '). */
  listSeparator?: string;
  /** Zone for the times (default: the machine's, from each Date). */
  utcOffset?: UtcOffset;
}

/** How the exports read one column from a clip, the options applied. */
interface ColumnReader {
  kind: ExportCell['kind'];
  text?: (clip: ExportClip, o: ResolvedOptions) => string | undefined;
  number?: (clip: ExportClip) => number | undefined;
}

interface ResolvedOptions {
  roleName: (role: Role) => string;
  dimensionName: (dimension: Dimension) => string;
  qualifierName: (qualifier: Qualifier) => string;
  fieldName: (field: string) => string;
  listSeparator: string;
  utcOffset: UtcOffset | undefined;
}

const same = <T extends string>(code: T): string => code;
/** The extractor's value of a field, written only where the user edited something. */
const original = (clip: ExportClip): ClippedIndicator | undefined => clip.original;

const text = (read: ColumnReader['text']): ColumnReader => ({ kind: 'text', text: read });
const number = (read: ColumnReader['number']): ColumnReader => ({ kind: 'number', number: read });

const READERS: Record<ClipColumnId, ColumnReader> = {
  pageTitle: text((c) => c.title),
  url: text((c) => c.url),
  section: text((c) => c.section),
  label: text((c) => c.indicator.label),
  value: number((c) => c.indicator.value),
  unit: text((c) => c.indicator.unit),
  dimension: text((c, o) => o.dimensionName(c.indicator.dimension)),
  qualifier: text((c, o) => (c.indicator.qualifier ? o.qualifierName(c.indicator.qualifier) : '')),
  valueMax: number((c) => c.indicator.valueMax),
  from: number((c) => c.indicator.from),
  role: text((c, o) => o.roleName(c.indicator.role)),
  text: text((c) => c.indicator.text),
  sentence: text((c) => c.sentence),
  clippedAt: text((c, o) => formatLocalTime(c.clippedAt, o.utcOffset)),
  note: text((c) => c.note),
  tags: text((c, o) => c.tags?.join(o.listSeparator)),
  originalLabel: text((c) => original(c)?.label),
  originalRole: text((c, o) => {
    const role = original(c)?.role;
    return role === undefined ? '' : o.roleName(role);
  }),
  originalValue: number((c) => original(c)?.value),
  originalUnit: text((c) => original(c)?.unit),
  originalDimension: text((c, o) => {
    const dimension = original(c)?.dimension;
    return dimension === undefined ? '' : o.dimensionName(dimension);
  }),
  edited: text((c, o) => c.edited?.map(o.fieldName).join(o.listSeparator)),
};

export interface ClipTable {
  columns: readonly ClipColumnId[];
  headers: string[];
  kinds: ExportCell['kind'][];
  /** The cells of one clip, in column order. */
  row: (clip: ExportClip) => ExportCell[];
  /**
   * One clip as a line of text: each cell written by the caller's writer, joined by `separator`.
   * For the text formats (CSV, TSV): no cell objects in between, which for 10,000 clips of 22
   * columns is most of the garbage an export makes.
   */
  line: (clip: ExportClip, separator: string, number: (value: number | undefined) => string, text: (text: string) => string) => string;
}

/** The columns chosen by the options, ready to turn clips into rows of cells. */
export function clipTable(options: ClipExportOptions): ClipTable {
  const resolved: ResolvedOptions = {
    roleName: options.roleName ?? same,
    dimensionName: options.dimensionName ?? same,
    qualifierName: options.qualifierName ?? same,
    fieldName: options.fieldName ?? same,
    listSeparator: options.listSeparator ?? '; ',
    utcOffset: options.utcOffset,
  };
  const columns = options.columns ?? CLIP_COLUMN_IDS;
  const readers = columns.map((id) => READERS[id]);
  return {
    columns,
    headers: columns.map((id) => options.headers[id] ?? id),
    kinds: readers.map((r) => r.kind),
    row: (clip) =>
      readers.map(
        (reader): ExportCell =>
          reader.kind === 'number' ? { kind: 'number', value: reader.number?.(clip) } : { kind: 'text', text: reader.text?.(clip, resolved) ?? '' },
      ),
    line: (clip, separator, number, text) => {
      let line = '';
      for (let i = 0; i < readers.length; i++) {
        const reader = readers[i];
        if (i > 0) line += separator;
        line += reader.kind === 'number' ? number(reader.number?.(clip)) : text(reader.text?.(clip, resolved) ?? '');
      }
      return line;
    },
  };
}
