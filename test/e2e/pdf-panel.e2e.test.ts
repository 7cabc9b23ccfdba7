/**
 * The side panel on the PDF viewer's tab, in real Chromium and Firefox: the panel asks the tab for
 * its status and figures as it asks any page (through the background, `tabs.sendMessage`), and
 * the viewer answers for the document it shows. The panel runs as a tab at
 * `sidepanel.html?tabId=N`, as in panel.e2e.test.ts (a test cannot open the real side panel).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserName, type ExtensionBrowser, launch, type Tab, waitFor } from './driver';
import { panelRows } from './panel-actions';
import { corpusPdfs } from './pdf-fixtures';

const BROWSERS = (process.env.ZB_E2E_BROWSERS ?? 'chromium,firefox').split(',').filter(Boolean) as BrowserName[];
const READY = '[data-testid="pdf-file-input"]';

/** Each figure the viewer shows: its marks' text joined and whether they are drawn clipped. */
function viewerFigures(tab: Tab): Promise<{ id: string; text: string; clipped: boolean }[]> {
  return tab.evaluate(() => {
    const byId = new Map<string, { id: string; text: string; clipped: boolean }>();
    for (const mark of Array.from(document.querySelectorAll<HTMLElement>('mark.zb-fig'))) {
      const id = mark.dataset.fig ?? '';
      const known = byId.get(id) ?? { id, text: '', clipped: true };
      known.text += mark.textContent ?? '';
      known.clipped &&= mark.dataset.clipped === 'true';
      byId.set(id, known);
    }
    return Array.from(byId.values());
  }, null);
}

let files: { text: string; images: string };
beforeAll(async () => {
  files = await corpusPdfs('000');
}, 120_000);

describe.each(BROWSERS)('%s: the side panel on the PDF viewer', (name) => {
  let browser: ExtensionBrowser;
  let viewer: Tab;
  let panel: Tab;
  beforeAll(async () => {
    browser = await launch(name);
    viewer = await browser.openExtensionPage('pdf-viewer.html', READY);
    await viewer.uploadFile(READY, files.text);
    await waitFor(viewer, () => document.querySelector('[data-testid="pdf-status"]')?.getAttribute('data-phase') === 'done', null, {
      timeout: 60_000,
      what: 'the viewer to finish reading the PDF',
    });
    panel = await browser.openPopup();
    const tabId = await panel.evaluate(async () => {
      type T = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
      const g = globalThis as unknown as { browser?: T; chrome: T };
      const tabs = await (g.browser ?? g.chrome).tabs.query({});
      return tabs.find((t) => (t.url ?? '').includes('pdf-viewer.html'))?.id ?? null;
    }, null);
    expect(tabId, 'the viewer tab').not.toBeNull();
    await panel.evaluate((path) => {
      location.href = new URL(path, location.origin).href;
    }, `/sidepanel.html?tabId=${tabId}`);
    await waitFor(panel, () => location.href.includes('sidepanel.html') && document.readyState === 'complete', null, { what: 'the panel page' });
  }, 120_000);
  afterAll(() => browser?.close());

  it('lists the figures the viewer shows', async () => {
    const shown = await viewerFigures(viewer);
    expect(shown.length).toBeGreaterThan(10);
    const figures = await waitFor(
      panel,
      () => {
        const el = document.querySelector('[data-testid="page-counts"]');
        const n = Number(el?.getAttribute('data-figures'));
        return n > 0 ? n : null;
      },
      null,
      { what: 'the panel counting the viewer’s figures' },
    );
    expect(figures).toBe(shown.length);
    const rows = await panelRows(panel);
    expect(rows.length).toBeGreaterThan(0);
    const byId = new Map(shown.map((f) => [f.id, f]));
    for (const row of rows) expect(row.text.replace(/\s+/g, ''), row.key).toBe(byId.get(row.key)?.text.replace(/\s+/g, ''));
  });

  it('a checkbox in the panel clips the figure, and the viewer shows it clipped', async () => {
    const [row] = await panelRows(panel);
    expect(row.clipped).toBe(false);
    await panel.click(`[data-testid="figure-row"][data-key="${row.key}"] [data-testid="row-clip"]`);
    await waitFor(
      viewer,
      (id) => {
        const marks = Array.from(document.querySelectorAll<HTMLElement>(`mark.zb-fig[data-fig="${id}"]`));
        return marks.length > 0 && marks.every((m) => m.dataset.clipped === 'true');
      },
      row.key,
      { what: `figure ${row.key} shown clipped in the viewer` },
    );
    const clipped = (await viewerFigures(viewer)).filter((f) => f.clipped).map((f) => f.id);
    expect(clipped).toEqual([row.key]);
  });
});
