/** The per-site setting the popup shows: highlight this site's pages automatically. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { UiPort } from '../port/ui-port';
import { background } from './timeouts';
import type { Feedback } from './use-feedback';

/** @param fallback the page's own idea of the setting, shown until the stored one is read */
export function useSiteSettings(port: UiPort, site: string | undefined, fallback: boolean | undefined, feedback: Feedback) {
  const [autoHighlight, setAuto] = useState<boolean | undefined>(fallback);
  const siteRef = useRef(site);
  siteRef.current = site;
  const valueRef = useRef(autoHighlight);
  valueRef.current = autoHighlight;
  const fallbackRef = useRef(fallback);
  fallbackRef.current = fallback;
  const { fail, clear } = feedback;

  // Read again only when the site changes, not when the page's status (the fallback) does.
  useEffect(() => {
    setAuto(fallbackRef.current);
    if (site === undefined) return;
    background(port.siteSettings(site)).then(
      (settings) => {
        if (siteRef.current === site) setAuto(settings.autoHighlight);
      },
      (e: unknown) => fail('popup.action.readSiteSettings', e),
    );
  }, [port, site, fail]);

  const setAutoHighlight = useCallback(
    async (on: boolean) => {
      const current = siteRef.current;
      if (current === undefined) return;
      const before = valueRef.current;
      setAuto(on);
      clear();
      try {
        const saved = await background(port.setSiteSettings({ site: current, autoHighlight: on }));
        if (siteRef.current === current) setAuto(saved.autoHighlight);
      } catch (e) {
        setAuto(before);
        fail('popup.action.saveSiteSettings', e);
      }
    },
    [port, clear, fail],
  );

  return { autoHighlight, setAutoHighlight };
}
