/** Per-site settings (highlight automatically) and the UI settings (language), checked in and out. */
import { type SiteSettings, SiteSettingsSchema } from '../model/clip';
import { type UiSettings, UiSettingsSchema } from '../messages/schemas';
import { read, write } from './db';
import { StoreError, issuesOf } from './errors';

const UI_KEY = 'ui';
export const DEFAULT_UI_SETTINGS: UiSettings = { locale: 'auto' };

/** A site's settings, or the defaults (highlight automatically) when none are stored. */
export async function getSiteSettings(site: string): Promise<SiteSettings> {
  const stored = await read(['sites'], (tx) => tx.objectStore('sites').get(site));
  const parsed = SiteSettingsSchema.safeParse(stored);
  if (parsed.success && parsed.data.site === site) return parsed.data;
  if (stored !== undefined) console.warn('zhibiao: ignored corrupt site settings record');
  return { site, autoHighlight: true };
}

export async function setSiteSettings(input: SiteSettings): Promise<SiteSettings> {
  const parsed = SiteSettingsSchema.safeParse(input);
  if (!parsed.success) throw new StoreError('store.invalidSettings', { detail: issuesOf(parsed.error) });
  const settings = parsed.data;
  return write(['sites'], async (tx) => {
    await tx.objectStore('sites').put(settings);
    return settings;
  });
}

/** The UI settings, or the defaults (language follows the browser) when none are stored. */
export async function getUiSettings(): Promise<UiSettings> {
  const stored = await read(['settings'], (tx) => tx.objectStore('settings').get(UI_KEY));
  const parsed = UiSettingsSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  if (stored !== undefined) console.warn('zhibiao: ignored corrupt UI settings record');
  return { ...DEFAULT_UI_SETTINGS };
}

export async function setUiSettings(input: UiSettings): Promise<UiSettings> {
  const parsed = UiSettingsSchema.safeParse(input);
  if (!parsed.success) throw new StoreError('store.invalidSettings', { detail: issuesOf(parsed.error) });
  const settings = parsed.data;
  return write(['settings'], async (tx) => {
    await tx.objectStore('settings').put(settings, UI_KEY);
    return settings;
  });
}
