/** The full-tab view opened without ?tabId: the open pages it can work on, to choose one. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { PageStatus, UiPort } from '../port/ui-port';

export function TabChooser({ port, onChoose }: { port: UiPort; onChoose: (tabId: number) => void }) {
  const [tabs, setTabs] = useState<{ tabId: number; status: PageStatus }[]>();
  useEffect(() => {
    let live = true;
    port.pickableTabs().then(
      (list) => live && setTabs(list),
      () => live && setTabs([]),
    );
    return () => {
      live = false;
    };
  }, [port]);
  if (!tabs) return <p class="panel-empty">{t('panel.loading')}</p>;
  if (tabs.length === 0)
    return (
      <p class="panel-empty" data-testid="no-tabs">
        {t('panel.chooser.none')}
      </p>
    );
  return (
    <section class="tab-chooser" aria-labelledby="chooser-title" data-testid="tab-chooser">
      <h2 id="chooser-title">{t('panel.chooser.title')}</h2>
      <ul>
        {tabs.map(({ tabId, status }) => (
          <li key={tabId}>
            <button type="button" class="link-button" data-testid="choose-tab" data-tab-id={tabId} onClick={() => onChoose(tabId)}>
              {status.title || status.url}
            </button>
            <span class="zb-muted"> {t('panel.chooser.count', { count: status.indicatorCount })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
