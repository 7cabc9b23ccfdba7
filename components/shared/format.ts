/**
 * Dates and file names as the UI writes them. Dates follow the UI's language (Intl); file names are
 * language-neutral so scripts can rely on them.
 */
import { currentLocale, type Locale } from '../../lib/i18n';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A moment as the reader's locale writes a date with time: 2024/3/5 09:00 (zh-CN), Mar 5, 2024, 9:00 AM (en). */
export function formatDateTime(iso: string, locale: Locale = currentLocale()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    dateFormats.set(locale, format);
  }
  return format.format(date);
}

/** Local date as YYYY-MM-DD for file names. */
export function isoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The name of an exported file, the same in the popup and the panel:
 * zhibiao-<what>-YYYY-MM-DD-HHmm.<ext> (local time; the minutes keep two exports of a day apart).
 */
export function exportFileName(what: string, ext: string, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `zhibiao-${fileSafe(what)}-${isoDate(now)}-${pad(now.getHours())}${pad(now.getMinutes())}.${ext}`;
}

/** A file-name-safe site part: "www.gov.cn" stays, anything odd becomes "_". */
export function fileSafe(site: string): string {
  const safe = site
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '_')
    .replace(/^[._-]+|[._-]+$/g, '');
  return safe || 'page';
}
