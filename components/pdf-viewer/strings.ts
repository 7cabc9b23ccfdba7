/** The viewer's words come from the catalogue (lib/i18n/catalog/pdf.ts). */
import { type MessageKey, t } from '../../lib/i18n';

export type PdfMessageKey = Extract<MessageKey, `pdf.${string}`>;

export function tp(key: PdfMessageKey, params?: Record<string, string | number>): string {
  return t(key, params);
}
