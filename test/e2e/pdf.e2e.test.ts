/**
 * The PDF viewer of the built extension in real Chromium and real Firefox: a corpus page printed
 * to PDF (CJK font installed by test/e2e/ensure-browsers.sh) opened through the file input, its
 * figures highlighted on the rendered pages, one clipped by a real click, the clip shown again
 * when the same file is reopened; an images-only PDF gets the no-text message; a PDF served over
 * HTTP and open in a tab is offered to the viewer and read from its address.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { extractIndicators } from '../../lib/extract';
import { type BrowserName, type ExtensionBrowser, launch, type Tab, waitFor } from './driver';
import { splitCorpusText } from './corpus-page';
import { corpusPdfs, corpusText } from './pdf-fixtures';

const BROWSERS = (process.env.ZB_E2E_BROWSERS ?? 'chromium,firefox').split(',').filter(Boolean) as BrowserName[];
const base = inject('baseUrl');
const CORPUS_PAGE = '000';
const READY = '[data-testid="pdf-file-input"]';

interface ShownFigure {
  id: string;
  text: string;
  clipped: string[];
  page: string | null;
}

/** The figures the viewer shows, their marks' text joined, in page order. */
function shownFigures(tab: Tab): Promise<ShownFigure[]> {
  return tab.evaluate(() => {
    const byId = new Map<string, ShownFigure>();
    for (const mark of Array.from(document.querySelectorAll<HTMLElement>('mark.zb-fig'))) {
      const id = mark.dataset.fig ?? '';
      const figure = byId.get(id) ?? { id, text: '', clipped: [], page: mark.closest<HTMLElement>('.zb-pdf-page')?.dataset.page ?? null };
      figure.text += mark.textContent ?? '';
      figure.clipped.push(mark.dataset.clipped ?? '');
      byId.set(id, figure);
    }
    return Array.from(byId.values());
  }, null);
}

const phaseOf = (tab: Tab) => tab.evaluate(() => document.querySelector('[data-testid="pdf-status"]')?.getAttribute('data-phase') ?? null, null);

async function openPdfFile(browser: ExtensionBrowser, path: string): Promise<Tab> {
  const viewer = await browser.openExtensionPage('pdf-viewer.html', READY);
  await viewer.uploadFile(READY, path);
  await waitFor(
    viewer,
    () => {
      const phase = document.querySelector('[data-testid="pdf-status"]')?.getAttribute('data-phase');
      return phase === 'done' || phase === 'no-text' || document.querySelector('[data-testid="pdf-message"]') ? (phase ?? 'message') : null;
    },
    null,
    { timeout: 60_000, what: 'the viewer to finish reading the PDF' },
  );
  return viewer;
}

/** Figures the extractor finds in the corpus page's body paragraphs, as written. */
function bodyFigures(): string[] {
  const { body } = splitCorpusText(corpusText(CORPUS_PAGE));
  return body.flatMap((paragraph) => extractIndicators(paragraph).map((f) => f.text.replace(/\s+/g, '')));
}

let files: { text: string; images: string };
beforeAll(async () => {
  files = await corpusPdfs(CORPUS_PAGE);
}, 120_000);

describe.each(BROWSERS)('%s: the PDF viewer', (name) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch(name);
  });
  afterAll(() => browser?.close());

  it('highlights the figures of a printed corpus page, clips one, and shows it clipped when the file is opened again', async () => {
    const viewer = await openPdfFile(browser, files.text);
    expect(await phaseOf(viewer)).toBe('done');
    const shown = await shownFigures(viewer);
    // What the page's own text holds, found again in the PDF after line joining.
    const expected = bodyFigures();
    const remaining = new Map<string, number>();
    for (const f of shown) remaining.set(f.text.replace(/\s+/g, ''), (remaining.get(f.text.replace(/\s+/g, '')) ?? 0) + 1);
    let found = 0;
    for (const text of expected) {
      const n = remaining.get(text) ?? 0;
      if (n > 0) {
        found++;
        remaining.set(text, n - 1);
      }
    }
    console.log(`[pdf e2e] ${name}: ${shown.length} figures shown, ${found}/${expected.length} of the page's figures among them`);
    expect(found / expected.length, "share of the HTML page's figures highlighted in its PDF").toBeGreaterThan(0.9);
    expect(shown.length).toBeLessThan(expected.length * 1.1 + 5);
    expect(
      shown.every((f) => f.clipped.every((c) => c === 'false')),
      'nothing clipped yet',
    ).toBe(true);

    // A figure on the second page, clipped by a real click on its highlight.
    const target = shown.find((f) => f.page === '2' && f.text.length >= 3) ?? shown[Math.floor(shown.length / 2)];
    await viewer.click(`mark.zb-fig[data-fig="${target.id}"]`);
    await waitFor(
      viewer,
      (id) => Array.from(document.querySelectorAll<HTMLElement>(`mark.zb-fig[data-fig="${id}"]`)).every((m) => m.dataset.clipped === 'true'),
      target.id,
      {
        what: `figure ${target.id} shown as clipped`,
      },
    );
    const status = await viewer.evaluate(() => document.querySelector('[data-testid="pdf-status"]')?.textContent ?? '', null);
    expect(status).toMatch(/1/);
    await viewer.close();

    // The same file again, in a new viewer: the clip is found on the same figure, only there.
    const again = await openPdfFile(browser, files.text);
    const reshown = await shownFigures(again);
    const clipped = reshown.filter((f) => f.clipped.includes('true'));
    expect(clipped.map((f) => ({ text: f.text, page: f.page, all: f.clipped.every((c) => c === 'true') }))).toEqual([
      { text: target.text, page: target.page, all: true },
    ]);
    await again.close();
  });

  it('offers a PDF open in a tab to the viewer, and reads it from its address', async () => {
    const url = `${base}/pdf/corpus-${CORPUS_PAGE}.pdf`;
    const pdfTab = await browser.openTab(url);
    let viewer: Tab;
    if (name === 'chromium') {
      // Chromium runs the content script in its PDF viewer's page: the viewer's start page lists
      // the tab, with the same offer the popup shows.
      const start = await browser.openExtensionPage('pdf-viewer.html', READY);
      const offered = await waitFor(start, () => document.querySelector('[data-testid="pdf-tabs"] [data-testid="pdf-offer"]')?.getAttribute('data-url'), null, {
        what: 'the offer to open the PDF tab in the viewer',
      });
      expect(offered).toBe(url);
      viewer = await browser.nextTab(() => start.click('[data-testid="pdf-tabs"] [data-testid="open-in-viewer"]'), READY);
      await start.close();
    } else {
      // Firefox shows an extension no address of a tab without activeTab (the toolbar click) and runs
      // no content script in its PDF viewer: the viewer is opened with the address, as the popup does,
      // and asks for access to the one origin at the user's click.
      viewer = await browser.openExtensionPage(`pdf-viewer.html?src=${encodeURIComponent(url)}`, READY);
      await waitFor(viewer, () => !!document.querySelector('[data-testid="pdf-grant-access"]'), null, { what: 'the button asking for access to the origin' });
      const asked = await viewer.evaluate(() => document.querySelector('[data-testid="pdf-message"]')?.getAttribute('data-key'), null);
      expect(asked).toBe('pdf.needAccess');
      await viewer.click('[data-testid="pdf-grant-access"]');
    }
    await waitFor(viewer, () => document.querySelector('[data-testid="pdf-status"]')?.getAttribute('data-phase') === 'done', null, {
      timeout: 60_000,
      what: 'the PDF read from its address',
    });
    expect(await viewer.evaluate(() => location.search, null)).toBe(`?src=${encodeURIComponent(url)}`);
    const shown = await shownFigures(viewer);
    expect(shown.length).toBeGreaterThan(bodyFigures().length * 0.9);
    await viewer.close();
    await pdfTab.close();
  });

  it('says that a PDF of images only has no text to read', async () => {
    const viewer = await openPdfFile(browser, files.images);
    expect(await phaseOf(viewer)).toBe('no-text');
    const message = await viewer.evaluate(() => {
      const el = document.querySelector('[data-testid="pdf-message"]');
      return { key: el?.getAttribute('data-key'), text: el?.textContent ?? '' };
    }, null);
    expect(message.key).toBe('pdf.noText');
    expect(message.text.length).toBeGreaterThan(10);
    expect(await viewer.evaluate(() => document.querySelectorAll('mark.zb-fig').length, null)).toBe(0);
    await viewer.close();
  });
});
