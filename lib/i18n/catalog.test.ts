import { describe, expect, it } from 'vitest';
import { CATALOG, FRAGMENTS } from './catalog';
import { LOCALES } from './fragment';
import { detectLocale, setLocale, t } from '.';

describe('the catalogue', () => {
  it.each(FRAGMENTS.map((f, i) => [Object.keys(f['zh-CN'])[0] ?? String(i), f] as const))(
    'fragment %s has every key in all three languages',
    (_name, fragment) => {
      const keys = Object.keys(fragment['zh-CN']).sort();
      for (const locale of LOCALES) expect(Object.keys(fragment[locale]).sort(), locale).toEqual(keys);
    },
  );

  it('has no empty string and no key defined by two fragments', () => {
    const seen = new Set<string>();
    for (const fragment of FRAGMENTS) {
      for (const key of Object.keys(fragment['zh-CN'])) {
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
      for (const locale of LOCALES) for (const [key, value] of Object.entries(fragment[locale])) expect(value.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('uses the same {params} in every language of a key', () => {
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, zh] of Object.entries(CATALOG['zh-CN'])) {
      for (const locale of LOCALES) expect(params((CATALOG[locale] as Record<string, string>)[key]), `${locale} ${key}`).toEqual(params(zh));
    }
  });
});

describe('t', () => {
  it('gives the string of the chosen language, with params filled in', () => {
    setLocale('en');
    expect(t('common.role.target')).toBe('target');
    setLocale('zh-TW');
    expect(t('common.role.target')).toBe('目標');
    setLocale('zh-CN');
    expect(t('common.role.target')).toBe('目标');
  });
});

describe('detectLocale', () => {
  it.each([
    [['zh-CN', 'en'], 'zh-CN'],
    [['zh'], 'zh-CN'],
    [['zh-TW'], 'zh-TW'],
    [['zh-HK', 'en'], 'zh-TW'],
    [['zh-Hant-TW'], 'zh-TW'],
    [['en-US', 'zh-CN'], 'en'],
    [['fr-FR', 'de'], 'en'],
    [['fr-FR', 'zh-CN'], 'zh-CN'],
  ])('%j → %s', (languages, expected) => {
    expect(detectLocale(languages)).toBe(expected);
  });
});
