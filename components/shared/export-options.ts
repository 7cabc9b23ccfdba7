/** The exports' words (headers, sheet names, role and dimension names) in the UI's language. */
import { CLIP_COLUMN_IDS, type ClipColumnId, type ClipExportOptions } from '../../lib/export/clip-columns';
import type { XlsxOptions } from '../../lib/export/clip-xlsx';
import { type MessageKey, t } from '../../lib/i18n';

const PAGE_COLUMNS = ['pageTitle', 'url', 'clipCount', 'lastClippedAt'] as const;

export function clipExportOptions(): ClipExportOptions {
  const headers = Object.fromEntries(CLIP_COLUMN_IDS.map((id) => [id, t(`export.col.${id}` as MessageKey)])) as Record<ClipColumnId, string>;
  return {
    headers,
    roleName: (role) => t(`common.role.${role}`),
    dimensionName: (dimension) => t(`common.dimension.${dimension}`),
    fieldName: (field) => t(`export.field.${field}` as MessageKey),
  };
}

export function xlsxExportOptions(): XlsxOptions {
  return {
    ...clipExportOptions(),
    pageHeaders: Object.fromEntries(PAGE_COLUMNS.map((id) => [id, t(`export.page.${id}` as MessageKey)])) as XlsxOptions['pageHeaders'],
    sheetNames: { clips: t('export.sheet.clips'), pages: t('export.sheet.pages') },
  };
}
