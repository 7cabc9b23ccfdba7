/**
 * The panel's Exporter over lib/export: CSV and .xlsx files and TSV for the clipboard, with the
 * headers and names in the UI's language (components/shared/export-options). A row that is not
 * clipped has no clipping time: its cell stays empty. The .xlsx writer (with its zip library,
 * most of the panel's code) is loaded on the first xlsx export, not when the panel opens.
 */
import { clipsToCsv } from '../../lib/export/clip-csv';
import type { ExportClip } from '../../lib/export/clip-columns';
import { rowsToTsv } from '../../lib/export/clip-tsv';
import { csvBlob } from '../../lib/export/csv';
import { clipExportOptions, xlsxExportOptions } from '../shared/export-options';
import type { Exporter, ExportRow } from './exporter';

const asClip = (row: ExportRow): ExportClip => ({ ...row, clippedAt: row.clippedAt ?? '' });

export const libExporter: Exporter = {
  csv: (rows) => csvBlob(clipsToCsv(rows.map(asClip), clipExportOptions())),
  xlsx: async (rows) => {
    const { clipsToXlsx, xlsxBlob } = await import('../../lib/export/clip-xlsx');
    const clips = rows.map(asClip);
    return xlsxBlob(await clipsToXlsx(clips, [], xlsxExportOptions()));
  },
  tsv: (rows) => rowsToTsv(rows.map(asClip), clipExportOptions()),
};
