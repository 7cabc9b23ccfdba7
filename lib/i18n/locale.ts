/**
 * The reader's UI language: it follows the browser (navigator.languages) unless the user picked
 * one in the settings (setLocale). Kept apart from the catalogue, so the content script, which
 * shows a few of its strings, does not load every screen's words on every page.
 */
import { LOCALES, type Locale } from './fragment';

export type LocaleSetting = Locale | 'auto';

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

export type Params = Readonly<Record<string, string | number>>;

/** `key`'s string in `words` (a catalogue) in the language asked (else Chinese, else the key), with {name} replaced by params.name. */
export function wordOf<K extends string>(
  words: { readonly [L in Locale]: Readonly<Record<K, string>> },
  key: K,
  params?: Params,
  locale: Locale = current,
): string {
  const template = words[locale][key] ?? words['zh-CN'][key] ?? key;
  if (!params) return template;
  return template.replace(PARAM, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

setLocale('auto');
