/**
 * t(): the words of the UI in the reader's language. The language follows the browser
 * (navigator.languages) unless the user picked one in the settings (setLocale). lib/ code returns
 * codes; only the UI (extension pages, and the page's own tooltip and toast) calls t().
 *
 * Why our own catalogue and not browser.i18n alone: browser.i18n.getMessage always follows the
 * browser's UI language and cannot be overridden by a setting; the manifest's own strings
 * (name, description, commands, menus) still come from public/_locales.
 */
import { CATALOG, type MessageKey } from './catalog';
import { LOCALES, type Locale } from './fragment';

export { LOCALES, type Locale } from './fragment';
export type { MessageKey } from './catalog';

export type LocaleSetting = Locale | 'auto';
export type Params = Readonly<Record<string, string | number>>;

let current: Locale = 'zh-CN';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The UI language for a browser's preferred languages: Traditional for Taiwan, Hong Kong, Macau and zh-Hant; Chinese for zh; English otherwise. */
export function detectLocale(languages: readonly string[]): Locale {
  for (const raw of languages) {
    const tag = raw.toLowerCase();
    if (tag.startsWith('zh')) {
      return /^zh-(tw|hk|mo)\b|hant/.test(tag) ? 'zh-TW' : 'zh-CN';
    }
    if (tag.startsWith('en')) return 'en';
  }
  return languages.length === 0 ? 'zh-CN' : 'en';
}

/**
 * The browser's languages as the user ordered them (Chrome: Settings → Languages; Firefox: the
 * languages for web pages). Not i18n.getUILanguage(): builds with the en-US interface only (as
 * Debian's Chromium and Firefox ESR) report en-US there whatever the user chose; both browsers seed
 * this list from their interface language. See test/e2e/locale.e2e.test.ts.
 */
function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

/** Chooses the UI language: a locale, or 'auto' to follow the browser. */
export function setLocale(setting: LocaleSetting): Locale {
  current = setting === 'auto' ? detectLocale(browserLanguages()) : setting;
  return current;
}

export function currentLocale(): Locale {
  return current;
}

const PARAM = /\{(\w+)\}/g;

/** Whether the catalogue has `key` (for keys built from codes that arrive at run time, e.g. `error.<code>`). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(CATALOG['zh-CN'], key);
}

/** The string for `key` in the current language, with {name} replaced by params.name. */
export function t(key: MessageKey, params?: Params, locale: Locale = current): string {
  const template = CATALOG[locale][key] ?? CATALOG['zh-CN'][key] ?? key;
  if (!params) return template;
  return template.replace(PARAM, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

setLocale('auto');
