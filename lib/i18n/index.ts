/**
 * t(): the words of the UI in the reader's language (see locale.ts for which). lib/ code returns
 * codes; only the UI (extension pages, and the page's own tooltip and toast) calls t(). The
 * content script uses page-words.ts instead: the same strings, its own areas only.
 *
 * Why our own catalogue and not browser.i18n alone: browser.i18n.getMessage always follows the
 * browser's UI language and cannot be overridden by a setting; the manifest's own strings
 * (name, description, commands, menus) still come from public/_locales.
 */
import { CATALOG, type MessageKey } from './catalog';
import type { Locale } from './fragment';
import { currentLocale, type Params, wordOf } from './locale';

export { LOCALES, type Locale } from './fragment';
export type { MessageKey } from './catalog';
export { currentLocale, detectLocale, isLocale, type LocaleSetting, setLocale } from './locale';

export type { Params } from './locale';

/** Whether the catalogue has `key` (for keys built from codes that arrive at run time, e.g. `error.<code>`). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(CATALOG['zh-CN'], key);
}

/** The string for `key` in the current language, with {name} replaced by params.name. */
export function t(key: MessageKey, params?: Params, locale: Locale = currentLocale()): string {
  return wordOf(CATALOG, key, params, locale);
}
