import { describe, expect, it } from 'vitest';
import { PDF_CATALOGUE, pdfLocale, setPdfLocale, tp } from './strings';

describe('PDF viewer strings', () => {
  it('has every key in all three languages, with the same parameters', () => {
    const keys = Object.keys(PDF_CATALOGUE['zh-CN']).sort();
    for (const locale of ['zh-TW', 'en'] as const) {
      expect(Object.keys(PDF_CATALOGUE[locale]).sort()).toEqual(keys);
      for (const key of keys as (keyof (typeof PDF_CATALOGUE)['en'])[]) {
        const params = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(params(PDF_CATALOGUE[locale][key]), `${locale} ${key}`).toEqual(params(PDF_CATALOGUE['zh-CN'][key]));
      }
    }
  });

  it('fills parameters and picks the locale from the browser languages', () => {
    setPdfLocale('en');
    expect(tp('pdf.reading', { page: 3, pages: 100 })).toBe('Reading page 3 of 100');
    setPdfLocale('zh-CN');
    expect(pdfLocale(['zh-TW', 'en'])).toBe('zh-TW');
    expect(pdfLocale(['en-GB'])).toBe('en');
    expect(pdfLocale(['fr'])).toBe('zh-CN');
  });
});
