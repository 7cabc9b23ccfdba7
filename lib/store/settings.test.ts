import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getSiteSettings, getUiSettings, setSiteSettings, setUiSettings } from './settings';
import { failureOf, freshDb } from './testing';

beforeEach(freshDb);

describe('site settings', () => {
  it('defaults to highlighting automatically, and remembers a choice per site', async () => {
    expect(await getSiteSettings('www.gov.cn')).toEqual({ site: 'www.gov.cn', autoHighlight: true });
    await setSiteSettings({ site: 'www.gov.cn', autoHighlight: false });
    expect(await getSiteSettings('www.gov.cn')).toEqual({ site: 'www.gov.cn', autoHighlight: false });
    expect(await getSiteSettings('www.stats.gov.cn')).toEqual({ site: 'www.stats.gov.cn', autoHighlight: true });
  });

  it('refuses invalid settings with a code', async () => {
    expect(await failureOf(setSiteSettings({ site: 'x', autoHighlight: 'no' } as never))).toMatchObject({
      code: 'store.invalidSettings',
      detail: expect.stringMatching(/^autoHighlight/),
    });
  });
});

describe('UI settings', () => {
  it('default to the browser language and remember the choice', async () => {
    expect(await getUiSettings()).toEqual({ locale: 'auto' });
    expect(await setUiSettings({ locale: 'zh-TW' })).toEqual({ locale: 'zh-TW' });
    expect(await getUiSettings()).toEqual({ locale: 'zh-TW' });
  });

  it('refuse an unknown language, keeping the stored one', async () => {
    await setUiSettings({ locale: 'en' });
    expect(await failureOf(setUiSettings({ locale: 'fr' } as never))).toMatchObject({ code: 'store.invalidSettings' });
    expect(await getUiSettings()).toEqual({ locale: 'en' });
  });

  it('fall back to the default over a corrupt record', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { openDB } = await import('idb');
    await getUiSettings();
    const db = await openDB('zhibiao', 2);
    await db.put('settings', { locale: 'xx' }, 'ui');
    db.close();
    expect(await getUiSettings()).toEqual({ locale: 'auto' });
    vi.restoreAllMocks();
  });
});
