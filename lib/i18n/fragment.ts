/**
 * One area's strings in the three UI languages. Every language must hold the same keys: the type
 * asks for them, and lib/i18n/catalog.test.ts checks them again at run time.
 */
export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export type Fragment<K extends string> = { readonly [L in Locale]: { readonly [key in K]: string } };

export function defineFragment<K extends string>(fragment: Fragment<K>): Fragment<K> {
  return fragment;
}

export type KeysOf<F> = F extends Fragment<infer K> ? K : never;

/** Areas merged into one table per language (the catalogue, or the content script's part of it). */
export function mergeFragments<F extends Fragment<string>>(fragments: readonly F[]): { readonly [L in Locale]: Readonly<Record<KeysOf<F>, string>> } {
  const merged = (locale: Locale) => Object.assign({}, ...fragments.map((f) => f[locale]));
  return { 'zh-CN': merged('zh-CN'), 'zh-TW': merged('zh-TW'), en: merged('en') };
}
