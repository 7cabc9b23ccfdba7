/**
 * Which tabs show a PDF, for the offer to open it in the viewer. The tab's address decides: the
 * toolbar popup sees the active tab's address through activeTab; otherwise the content script
 * tells it, which Chromium runs in its PDF viewer's wrapper page (Firefox runs none in its own,
 * so there only activeTab's address can say).
 */
import { browser } from 'wxt/browser';
import { allTabs, sendToTab } from '../../lib/messages/bus';
import { isPdfTab, viewerQuery } from '../../lib/pdf/source';

const STATUS_TIMEOUT_MS = 2000;

function statusUrl(tabId: number): Promise<string | undefined> {
  return Promise.race([
    sendToTab(tabId, 'getPageStatus', {}).then((status) => status.url),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), STATUS_TIMEOUT_MS)),
  ]).catch(() => undefined);
}

/** The PDF address a tab shows, or null. */
export async function pdfUrlOfTab(tab: { id: number; url?: string }): Promise<string | null> {
  if (tab.url && isPdfTab({ url: tab.url })) return tab.url;
  if (tab.url) return null; // a known address that is not a PDF
  const url = await statusUrl(tab.id);
  return url && isPdfTab({ url }) ? url : null;
}

/** Every open tab that shows a PDF (the viewer's own tabs left out). */
export async function pdfTabs(): Promise<{ tabId: number; url: string; title?: string }[]> {
  const own = browser.runtime.getURL('/' as never);
  const tabs = (await allTabs()).filter((tab) => !tab.url?.startsWith(own));
  const urls = await Promise.all(tabs.map((tab) => pdfUrlOfTab(tab)));
  return tabs.flatMap((tab, i) => (urls[i] ? [{ tabId: tab.id, url: urls[i]!, title: tab.title }] : []));
}

export function viewerUrlFor(pdfUrl: string): string {
  return (browser.runtime.getURL as (p: string) => string)('/pdf-viewer.html') + viewerQuery(pdfUrl);
}
