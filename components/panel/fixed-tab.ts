/** The tab a panel opened as `sidepanel.html?tabId=N` works on; undefined when absent or not a tab id. */
export function fixedTabId(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return undefined;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : undefined;
}
