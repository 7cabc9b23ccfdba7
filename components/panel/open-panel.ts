/**
 * Opens the side panel from the popup's button (the lead wires the button): Chrome's side panel,
 * Firefox's sidebar, or, where neither exists, the panel as a tab on the popup's page
 * (`sidepanel.html?tabId=N`). Both browsers open a panel only inside the click's own task, so
 * this is called synchronously from the click handler and calls the API before any await.
 */
import { browser } from 'wxt/browser';

export interface PanelApis {
  /** chrome.sidePanel.open (Chrome 116+, permission "sidePanel"). */
  sidePanelOpen?: (options: { windowId: number }) => Promise<void>;
  /** browser.sidebarAction.open (Firefox 57+, no permission). */
  sidebarOpen?: () => Promise<void>;
  openTab: (url: string) => Promise<unknown>;
  pageUrl: (path: string) => string;
}

export type PanelOpened = 'sidepanel' | 'sidebar' | 'tab';

export function browserPanelApis(): PanelApis {
  const chromeApi = (globalThis as { chrome?: { sidePanel?: { open?: (o: { windowId: number }) => Promise<void> } } }).chrome;
  const sidePanel = chromeApi?.sidePanel;
  const sidebar = (browser as unknown as { sidebarAction?: { open?: () => Promise<void> } }).sidebarAction;
  return {
    ...(sidePanel?.open ? { sidePanelOpen: (o: { windowId: number }) => sidePanel.open!(o) } : {}),
    ...(sidebar?.open ? { sidebarOpen: () => sidebar.open!() } : {}),
    openTab: (url) => browser.tabs.create({ url }),
    pageUrl: (path) => browser.runtime.getURL(path as '/sidepanel.html'),
  };
}

/** Opens the panel for the page in `tab` (the popup's page). */
export function openPanel(tab: { tabId: number; windowId?: number }, apis: PanelApis = browserPanelApis()): Promise<PanelOpened> {
  const asTab = async (): Promise<PanelOpened> => {
    await apis.openTab(`${apis.pageUrl('/sidepanel.html')}?tabId=${tab.tabId}`);
    return 'tab';
  };
  if (apis.sidePanelOpen && tab.windowId !== undefined) return apis.sidePanelOpen({ windowId: tab.windowId }).then(() => 'sidepanel' as const, asTab);
  if (apis.sidebarOpen) return apis.sidebarOpen().then(() => 'sidebar' as const, asTab);
  return asTab();
}
