/**
 * What a reader does in the side panel, for the panel scenarios of both browsers.
 *
 * How the panel is opened: a side panel or sidebar cannot be opened by a test (both browsers open
 * them only on a user gesture), so the panel page runs as a tab, as its full-tab view does. The
 * drivers open extension pages as tabs (`openPopup` loads popup.html); from there the test goes to
 * `sidepanel.html` (same origin) without a tab id, where the panel lists the open pages with their
 * tab ids (`choose-tab`, data-tab-id, the real UI's chooser), reads N for the page and then loads
 * `sidepanel.html?tabId=N`, the full-tab address openPanel() falls back to.
 */
import { type ExtensionBrowser, type Tab, waitFor } from './driver';

/** Navigates an extension tab to another page of the extension (Firefox's driver cannot await such a goto). */
export async function goInExtension(tab: Tab, path: string): Promise<void> {
  await tab.evaluate((path) => {
    location.href = new URL(path, location.origin).href;
  }, path);
  await waitFor(tab, (path) => location.href.endsWith(path) && document.readyState === 'complete', path, { what: `the extension page ${path}` });
}

/** Opens the panel as a tab, fixed on the open page whose title starts with `title`, once it lists figure rows. */
export async function openPanelFor(browser: ExtensionBrowser, title: string): Promise<Tab> {
  const panel = await browser.openPopup();
  await goInExtension(panel, '/sidepanel.html');
  const key = title.slice(0, 16);
  const tabId = await waitFor(
    panel,
    (key) =>
      Array.from(document.querySelectorAll('[data-testid="choose-tab"]'))
        .find((b) => (b.textContent ?? '').includes(key))
        ?.getAttribute('data-tab-id'),
    key,
    { what: `the page "${key}…" among the panel's pages` },
  );
  await goInExtension(panel, `/sidepanel.html?tabId=${tabId}`);
  await waitFor(panel, () => document.querySelectorAll('[data-testid="figure-row"]').length > 0, null, { what: 'the panel’s figure rows' });
  return panel;
}

/** Types into the table's filter box (an input event, as each keystroke gives). */
export async function typeFilter(panel: Tab, text: string): Promise<void> {
  await panel.evaluate((text) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="filter-text"]')!;
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

/** The panel row of the figure written as `text` (the filter must show it). */
export const rowKeyOf = (panel: Tab, text: string) =>
  waitFor(
    panel,
    (text) =>
      Array.from(document.querySelectorAll('[data-testid="figure-row"]'))
        .find((r) => r.querySelector('[data-col="text"]')?.textContent === text)
        ?.getAttribute('data-key'),
    text,
    { what: `the panel row of ${text}` },
  );

/** Waits until the row's checkbox (clipped or not) shows `checked`. */
export const waitRowChecked = (panel: Tab, key: string, checked: boolean) =>
  waitFor(
    panel,
    ({ key, checked }) => (document.querySelector(`[data-key="${key}"] [data-testid="row-clip"]`) as HTMLInputElement | null)?.checked === checked,
    { key, checked },
    { what: `the row ${key} ${checked ? 'checked' : 'unchecked'}` },
  );

/** The panel's table rows as the reader sees them (only the rows rendered: the table is virtualised). */
export function panelRows(panel: Tab) {
  return panel.evaluate(
    () =>
      Array.from(document.querySelectorAll('[data-testid="figure-row"]')).map((row) => ({
        key: row.getAttribute('data-key') ?? '',
        text: row.querySelector('[data-col="text"]')?.textContent ?? '',
        label: row.querySelector('[data-col="label"]')?.textContent ?? '',
        role: row.getAttribute('data-role') ?? '',
        clipped: (row.querySelector('[data-testid="row-clip"]') as HTMLInputElement | null)?.checked ?? null,
      })),
    null,
  );
}

/** The panel's counts (figures on the page, rows shown), read from the attributes beside the words (the UI's language follows the browser). */
export const counts = (panel: Tab) =>
  panel.evaluate(() => {
    const el = document.querySelector('[data-testid="page-counts"]');
    return { figures: Number(el?.getAttribute('data-figures')), shown: Number(el?.getAttribute('data-shown')) };
  }, null);
