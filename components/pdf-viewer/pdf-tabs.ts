/**
 * Which tabs show a PDF, for the offer to open it in the viewer. The tab's address decides, or the
 * content script's word (status.kind 'pdf'): the toolbar popup sees the active tab's address
 * through activeTab; otherwise the content script tells, which Chromium runs in its PDF viewer's
 * wrapper page (Firefox runs none in its own, so there only activeTab's address can say).
 */
import { browser } from 'wxt/browser';
import { askBackground } from '../../lib/messages/bus';
import { isPdfTab, viewerQuery } from '../../lib/pdf/source';

const STATUS_TIMEOUT_MS = 2000;

type Status = { url?: string; kind?: string };

const pdfUrlOfStatus = (status: Status | undefined): string | null =>
  status?.url && isPdfTab({ url: status.url, contentType: status.kind === 'pdf' ? 'application/pdf' : undefined }) ? status.url : null;

function statusOf(tabId: number): Promise<Status | undefined> {
  return Promise.race([
    askBackground('tab.status', { tabId }) as Promise<Status>,
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), STATUS_TIMEOUT_MS)),
  ]).catch(() => undefined);
}

/** The PDF address a tab shows, or null. */
export async function pdfUrlOfTab(tab: { id: number; url?: string }): Promise<string | null> {
  if (tab.url && isPdfTab({ url: tab.url })) return tab.url;
  return pdfUrlOfStatus(await statusOf(tab.id));
}

/** Every open tab whose content script says it shows a PDF. */
export async function pdfTabs(): Promise<{ tabId: number; url: string; title?: string }[]> {
  const { tabs } = await askBackground('tabs.list', {});
  return tabs.flatMap(({ tabId, status }) => {
    const url = pdfUrlOfStatus(status as Status);
    return url ? [{ tabId, url, title: (status as { title?: string }).title }] : [];
  });
}

export function viewerUrlFor(pdfUrl: string): string {
  return (browser.runtime.getURL as (p: string) => string)('/pdf-viewer.html') + viewerQuery(pdfUrl);
}
