/**
 * Which page the popup works on. As the toolbar popup: the active tab. Opened as a full tab
 * (its own page is the active tab): every open web page whose content script answers, so the user
 * can pick one.
 */
import { activeTab, allTabs, extensionOrigin, ownTab, sendToTab } from '../lib/messages/bus';
import type { PageStatus } from '../lib/messages/protocol';
import { withTimeout } from './error-text';

/** A content script answers in milliseconds; a tab without one fails fast or never answers. */
export const STATUS_TIMEOUT_MS = 3000;

export interface PageCandidate {
  tabId: number;
  status: PageStatus;
}

export type PageTarget =
  | { mode: 'popup'; tabId?: number; status?: PageStatus; failure?: unknown }
  | { mode: 'tab'; candidates: PageCandidate[] };

function safeOrigin(): string | undefined {
  try {
    return extensionOrigin();
  } catch {
    return undefined;
  }
}

export async function pageStatusOf(tabId: number): Promise<PageStatus> {
  return withTimeout(sendToTab(tabId, 'getPageStatus', {}), STATUS_TIMEOUT_MS, '页面');
}

/** The open tabs that are web pages with a content script that answers, in tab order. */
export async function answeringPages(exclude: { tabId?: number; origin?: string }): Promise<PageCandidate[]> {
  const tabs = await allTabs();
  const others = tabs.filter(
    (tab) => tab.id !== exclude.tabId && !(exclude.origin && tab.url?.startsWith(exclude.origin)),
  );
  const answers = await Promise.allSettled(others.map((tab) => pageStatusOf(tab.id)));
  return answers.flatMap((answer, i) => (answer.status === 'fulfilled' ? [{ tabId: others[i].id, status: answer.value }] : []));
}

interface Whereabouts {
  tabMode: boolean;
  active?: { id: number; url?: string };
  /** The popup's own tab when it is open as a tab. */
  selfTabId?: number;
  origin?: string;
}

async function whereabouts(): Promise<Whereabouts> {
  const [active, own] = await Promise.all([activeTab().catch(() => undefined), ownTab().catch(() => undefined)]);
  const origin = safeOrigin();
  const activeIsSelf = origin !== undefined && active?.url?.startsWith(origin) === true;
  const tabMode = own !== undefined || active === undefined || activeIsSelf;
  return { tabMode, active, origin, selfTabId: own?.id ?? (activeIsSelf ? active?.id : undefined) };
}

/** Tab mode: the web pages the user can pick from, the popup's own tab left out. */
export async function pickablePages(): Promise<PageCandidate[]> {
  const where = await whereabouts();
  return answeringPages({ tabId: where.selfTabId, origin: where.origin });
}

export async function resolvePageTarget(): Promise<PageTarget> {
  const where = await whereabouts();
  if (where.tabMode || !where.active) {
    return { mode: 'tab', candidates: await answeringPages({ tabId: where.selfTabId, origin: where.origin }) };
  }
  const tabId = where.active.id;
  try {
    return { mode: 'popup', tabId, status: await pageStatusOf(tabId) };
  } catch (failure) {
    return { mode: 'popup', tabId, failure };
  }
}
