/**
 * Which page the popup works on. As the toolbar popup: the active tab. Opened as a full tab
 * (its own page is the active tab): every open web page whose content script answers, so the user
 * can pick one.
 */
import type { PageStatus, UiPort } from '../port/ui-port';

export interface PageCandidate {
  tabId: number;
  status: PageStatus;
}

export type PageTarget = { mode: 'popup'; tabId?: number; status?: PageStatus; failure?: unknown } | { mode: 'tab'; candidates: PageCandidate[] };

/** Tab mode: the web pages the user can pick from, the popup's own tab left out. */
export async function pickablePages(port: UiPort): Promise<PageCandidate[]> {
  const own = await port.ownTab().catch(() => undefined);
  return (await port.pickableTabs()).filter((tab) => tab.tabId !== own?.tabId);
}

export async function resolvePageTarget(port: UiPort): Promise<PageTarget> {
  const [active, own] = await Promise.all([port.activeTab().catch(() => undefined), port.ownTab().catch(() => undefined)]);
  if (own !== undefined || active === undefined) {
    return { mode: 'tab', candidates: await pickablePages(port) };
  }
  try {
    return { mode: 'popup', tabId: active.tabId, status: await port.pageStatus(active.tabId) };
  } catch (failure) {
    return { mode: 'popup', tabId: active.tabId, failure };
  }
}
