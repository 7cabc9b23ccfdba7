/**
 * The side panel (Chrome's side panel, Firefox's sidebar) and its full-tab view. Opened as
 * `sidepanel.html?tabId=N` it works on tab N; otherwise it follows the window's active tab.
 */
import { render } from 'preact';
import { PanelApp } from '../../components/panel/PanelApp';
import { fixedTabId } from '../../components/panel/fixed-tab';
import { libExporter } from '../../components/panel/lib-exporter';
import { busPort } from '../../components/port/bus-port';
import { t } from '../../lib/i18n';
import '../../components/panel/panel.css';

document.title = t('panel.title');
const clip = new URLSearchParams(location.search).get('clip') ?? undefined;
render(
  <PanelApp port={busPort} exporter={libExporter} tabId={fixedTabId(location.search)} focusClip={clip && clip.length <= 128 ? clip : undefined} />,
  document.getElementById('app')!,
);
