/**
 * "Clip the selection" (摘录为指标): the context menu on selected text and the keyboard command.
 * The page clips the figures the extractor reads in the selection, or else makes a manual clip of
 * it (lib/page/manual-clip.ts); the side panel then opens on that clip so the reader can complete
 * it. Works on any page the content script runs in, detected or not, highlighted or not.
 *
 * Both browsers open a panel only within the user's action: Chrome's sidePanel.open and Firefox's
 * sidebarAction.open are called synchronously in the click (or command) handler, before anything
 * is awaited. Where that is refused (no gesture, no panel API), the panel opens as a tab on the
 * clip instead (`sidepanel.html?tabId=N&clip=ID`).
 */
import { browser } from 'wxt/browser';
import { broadcastToUi, sendToTab } from '../messages/bus';
import type { ResponseOf } from '../messages/protocol';

export const CLIP_SELECTION_MENU = 'zb-clip-selection';
/** The manifest command (wxt.config.ts) that does what the menu does. */
export const CLIP_SELECTION_COMMAND = 'clip-selection';

export type ClipSelectionResult = ResponseOf<'background->content', 'page.clipSelection'>;

/** What the menu's click reports (the parts used), as browser.contextMenus.OnClickData has them. */
export interface MenuClick {
  menuItemId: string | number;
  frameId?: number;
}
export interface ClickedTab {
  id?: number;
  windowId?: number;
}

export interface PanelOpeners {
  /** chrome.sidePanel.open (Chrome 116+, permission "sidePanel", which WXT adds for the side panel). */
  sidePanelOpen?: (options: { tabId: number } | { windowId: number }) => Promise<void>;
  /** browser.sidebarAction.open (Firefox; no permission). */
  sidebarOpen?: () => Promise<void>;
  openTab: (url: string) => Promise<unknown>;
  pageUrl: (path: string) => string;
  /** Tells open extension pages (the side panel) to show this clip. */
  focus: (tabId: number, clipId: string) => Promise<void>;
}

export function browserPanelOpeners(): PanelOpeners {
  const chromeApi = (globalThis as { chrome?: { sidePanel?: { open?: (o: { tabId: number } | { windowId: number }) => Promise<void> } } }).chrome;
  const sidePanel = chromeApi?.sidePanel;
  const sidebar = (browser as unknown as { sidebarAction?: { open?: () => Promise<void> } }).sidebarAction;
  return {
    ...(sidePanel?.open ? { sidePanelOpen: (o: { tabId: number } | { windowId: number }) => sidePanel.open!(o) } : {}),
    ...(sidebar?.open ? { sidebarOpen: () => sidebar.open!() } : {}),
    openTab: (url) => browser.tabs.create({ url }),
    pageUrl: (path) => browser.runtime.getURL(path as '/sidepanel.html'),
    focus: (tabId, clipId) => broadcastToUi('clips.focus', { tabId, clipId }),
  };
}

/** How long a just-opened panel may take to start and ask for the clip it was opened on. */
export const PENDING_FOCUS_MS = 15_000;
let pending: { tabId: number; clipId: string; at: number } | undefined;

/**
 * The clip a panel opened by the menu should show, asked by the panel as it starts (a panel that
 * is still loading misses the clips.focus push): handed out once, and only while fresh.
 */
export function takePendingFocus(now = Date.now()): { tabId: number; clipId: string } | undefined {
  const taken = pending && now - pending.at <= PENDING_FOCUS_MS ? { tabId: pending.tabId, clipId: pending.clipId } : undefined;
  pending = undefined;
  return taken;
}

/** Opens the panel at once (inside the gesture); resolves to whether the browser showed it. */
function openPanelNow(tab: { id: number; windowId?: number }, apis: PanelOpeners): Promise<boolean> {
  try {
    // The window's panel (as the popup's button opens it), which follows the active tab; else the tab's own.
    const where = tab.windowId === undefined ? { tabId: tab.id } : { windowId: tab.windowId };
    const opening = apis.sidePanelOpen ? apis.sidePanelOpen(where) : apis.sidebarOpen ? apis.sidebarOpen() : null;
    return opening
      ? opening.then(
          () => true,
          () => false,
        )
      : Promise.resolve(false);
  } catch {
    return Promise.resolve(false);
  }
}

/** Asks the tab's page to clip its selection (the clicked frame, else the top one). */
async function clipOnPage(tabId: number, frameId: number): Promise<ClipSelectionResult> {
  try {
    return await sendToTab(tabId, 'page.clipSelection', {}, frameId);
  } catch (e) {
    if (frameId === 0) throw e;
    return sendToTab(tabId, 'page.clipSelection', {}, 0);
  }
}

/**
 * The menu's onClicked handler (and the command's): synchronous up to the panel's opening, so the
 * browser counts it as the user's action. Resolves to what the page clipped (null: not ours, or no
 * page to ask).
 */
export function onClipSelectionClicked(
  info: MenuClick,
  tab: ClickedTab | undefined,
  apis: PanelOpeners = browserPanelOpeners(),
): Promise<ClipSelectionResult | null> {
  if (info.menuItemId !== CLIP_SELECTION_MENU || tab?.id === undefined || tab.id < 0) return Promise.resolve(null);
  const target = { id: tab.id, windowId: tab.windowId };
  const opened = openPanelNow(target, apis);
  return (async () => {
    const result = await clipOnPage(target.id, info.frameId ?? 0);
    const clipId = result.manualId;
    if (!clipId) return result;
    if (await opened) {
      // An open panel hears the push; one still starting asks for the pending clip when it listens.
      pending = { tabId: target.id, clipId, at: Date.now() };
      await apis.focus(target.id, clipId).catch(() => undefined);
    } else {
      const query = new URLSearchParams({ tabId: String(target.id), clip: clipId });
      await apis.openTab(`${apis.pageUrl('/sidepanel.html')}?${query}`).catch(() => undefined);
    }
    return result;
  })();
}

/** Creates the context menu item (at install and at every start: Firefox keeps no menus across restarts). */
export function createClipSelectionMenu(title: string): void {
  const menus = browser.contextMenus;
  if (!menus?.create) return;
  // Creating an id that exists is an error (Chrome keeps menus across service-worker restarts): remove it first.
  void Promise.resolve(menus.remove(CLIP_SELECTION_MENU))
    .catch(() => undefined)
    .then(() => {
      menus.create({ id: CLIP_SELECTION_MENU, title, contexts: ['selection'] }, () => void browser.runtime.lastError);
    });
}

/** Listens for the menu's clicks; returns the function that stops listening. */
export function listenForClipSelection(): () => void {
  const menus = browser.contextMenus;
  if (!menus?.onClicked) return () => {};
  const listener = (info: MenuClick, tab?: ClickedTab) => {
    // A tab without our content script (a browser page) has nothing to clip.
    void onClipSelectionClicked(info, tab).catch(() => undefined);
  };
  menus.onClicked.addListener(listener as never);
  return () => menus.onClicked.removeListener(listener as never);
}
