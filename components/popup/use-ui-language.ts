/**
 * The UI language: the browser's, unless the user chose one in the popup. The choice is stored by
 * the background (settings.ui), so every screen of the extension follows it; a change made in
 * another window arrives as `settings.changed`.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { currentLocale, type Locale, type LocaleSetting, setLocale, t } from '../../lib/i18n';
import type { UiPort } from '../port/ui-port';
import { background } from './timeouts';
import type { Feedback } from './use-feedback';

function apply(setting: LocaleSetting): Locale {
  const locale = setLocale(setting);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale;
    document.title = t('common.extensionName');
  }
  return locale;
}

export function useUiLanguage(port: UiPort, feedback: Feedback) {
  const [setting, setSetting] = useState<LocaleSetting>('auto');
  // Until the stored setting is read, the language chosen when lib/i18n loaded (the browser's).
  const [locale, setLocaleState] = useState<Locale>(currentLocale);
  const { fail, clear } = feedback;

  const show = useCallback((next: LocaleSetting) => {
    setSetting(next);
    setLocaleState(apply(next));
  }, []);

  const read = useCallback(
    () =>
      background(port.uiSettings()).then(
        (settings) => show(settings.locale),
        (e: unknown) => fail('popup.action.readUiSettings', e),
      ),
    [port, show, fail],
  );

  useEffect(() => {
    void read();
    return port.subscribe((event) => event.type === 'settings.changed' && void read());
  }, [port, read]);

  const choose = useCallback(
    async (next: LocaleSetting) => {
      const before = setting;
      clear();
      show(next);
      try {
        show((await background(port.setUiSettings({ locale: next }))).locale);
      } catch (e) {
        show(before);
        fail('popup.action.saveUiSettings', e);
      }
    },
    [port, setting, show, clear, fail],
  );

  return { setting, locale, choose };
}
