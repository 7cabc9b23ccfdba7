/**
 * What a user does and sees, in terms of the DOM contract: highlights (`zb-mark`) in the page and
 * the popup's `data-testid`s. Shared by the scenarios of both browsers.
 */
import { type ExtensionBrowser, type Tab, waitFor } from './driver';

const tid = (id: string) => `[data-testid="${id}"]`;

/** One highlighted figure: its segments joined, with the attributes of its first segment. */
export interface Figure {
  id: string;
  text: string;
  segments: number;
  value: string | null;
  unit: string | null;
  dimension: string | null;
  role: string | null;
  label: string | null;
  title: string | null;
  /** data-clipped of every segment. */
  clipped: (string | null)[];
  /** Every segment carries the same attributes. */
  consistent: boolean;
}

/**
 * Figures highlighted inside the elements matching `scope` (default: the whole page), or, with a
 * snippet, inside the first block element whose text contains it.
 */
export function figuresIn(tab: Tab, scope = 'body', snippet?: string): Promise<Figure[] | null> {
  return tab.evaluate(
    ({ scope, snippet }) => {
      const keys = ['data-value', 'data-unit', 'data-dimension', 'data-role', 'data-label'];
      const blocks = Array.from(document.querySelectorAll(snippet ? 'p, li, td, th, h1, h2, h3, h4' : scope));
      const roots = snippet ? blocks.filter((b) => (b.textContent ?? '').includes(snippet)).slice(0, 1) : blocks;
      if (!roots.length) return null;
      const groups = new Map<string, Figure & { attrs: string }>();
      for (const el of roots.flatMap((root) => Array.from(root.querySelectorAll('zb-mark')))) {
        const id = el.getAttribute('data-zb-id') ?? '';
        const attrs = keys.map((k) => el.getAttribute(k)).join('\u0000');
        const group = groups.get(id);
        if (group) {
          group.text += el.textContent ?? '';
          group.segments++;
          group.clipped.push(el.getAttribute('data-clipped'));
          group.consistent &&= group.attrs === attrs;
          continue;
        }
        groups.set(id, {
          id,
          attrs,
          text: el.textContent ?? '',
          segments: 1,
          value: el.getAttribute('data-value'),
          unit: el.getAttribute('data-unit'),
          dimension: el.getAttribute('data-dimension'),
          role: el.getAttribute('data-role'),
          label: el.getAttribute('data-label'),
          title: el.getAttribute('title'),
          clipped: [el.getAttribute('data-clipped')],
          consistent: true,
        });
      }
      return Array.from(groups.values()).map(({ attrs: _attrs, ...figure }) => figure);
    },
    { scope, snippet },
  );
}

/** The figures written exactly as `span` (white space ignored) in the block that contains `snippet`. */
export async function findFigure(tab: Tab, snippet: string, span: string): Promise<Figure[]> {
  const figures = await figuresIn(tab, 'body', snippet);
  if (!figures) throw new Error(`no block of the page contains "${snippet}"`);
  const bare = (s: string) => s.replace(/\s+/g, '');
  return figures.filter((f) => bare(f.text) === bare(span));
}

/** Number of distinct highlighted figures and of `zb-mark` elements on the page. */
export function markCounts(tab: Tab): Promise<{ figures: number; marks: number }> {
  return tab.evaluate(() => {
    const marks = Array.from(document.querySelectorAll('zb-mark'));
    return { figures: new Set(marks.map((m) => m.getAttribute('data-zb-id'))).size, marks: marks.length };
  }, null);
}

/** Waits until some figures are highlighted and their number has stopped changing. */
export async function waitForStableHighlights(tab: Tab, options: { timeout?: number; quietMs?: number } = {}): Promise<number> {
  const timeout = options.timeout ?? 60_000;
  const quietMs = options.quietMs ?? 800;
  const deadline = Date.now() + timeout;
  let last = -1;
  let since = Date.now();
  for (;;) {
    const { figures } = await markCounts(tab);
    if (figures !== last) {
      last = figures;
      since = Date.now();
    } else if (figures > 0 && Date.now() - since >= quietMs) return figures;
    if (Date.now() > deadline) throw new Error(`highlights did not settle within ${timeout} ms (figures: ${last})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Opens the popup as a tab and chooses the page of the given title in its `tab-picker`. The picker
 * lists the pages whose content script answered when the popup opened, so a page that was still
 * loading then is found by opening the popup again, as a user would.
 */
export async function openPopupFor(browser: ExtensionBrowser, title: string, attempts = 4): Promise<Tab> {
  const key = title.slice(0, 16);
  for (let attempt = 1; ; attempt++) {
    const popup = await browser.openPopup();
    let option: { value: string; chosen: boolean };
    try {
      option = await waitFor(
        popup,
        (key) => {
          const select = document.querySelector<HTMLSelectElement>('[data-testid="tab-picker"]');
          const found = select && Array.from(select.options).find((o) => (o.textContent ?? '').includes(key));
          return found ? { value: found.value, chosen: select.value === found.value } : null;
        },
        key,
        { what: `an option "${key}…" in the popup's tab-picker`, timeout: 5_000 },
      );
    } catch (e) {
      await popup.close().catch(() => {});
      if (attempt >= attempts) throw e;
      continue;
    }
    if (!option.chosen) await popup.select(tid('tab-picker'), option.value);
    await waitFor(
      popup,
      (value) => document.querySelector<HTMLSelectElement>('[data-testid="tab-picker"]')?.value === value && !!document.querySelector('[data-testid="verdict"]'),
      option.value,
      { what: `the popup's verdict on "${key}…"` },
    );
    return popup;
  }
}

export async function clickInPopup(popup: Tab, testId: string): Promise<void> {
  await popup.click(tid(testId));
}

/**
 * Makes sure the page is highlighted, through the popup as the user would: clicks highlight-page
 * when the popup offers it (a page already highlighted offers remove-highlights instead), then
 * waits for the highlights to settle.
 */
export async function highlightViaPopup(browser: ExtensionBrowser, page: Tab, title: string): Promise<number> {
  const popup = await openPopupFor(browser, title);
  const offered = await waitFor(
    popup,
    () => (document.querySelector('[data-testid="highlight-page"]') ? 'highlight' : document.querySelector('[data-testid="remove-highlights"]') ? 'remove' : null),
    null,
    { what: 'highlight-page or remove-highlights in the popup' },
  );
  if (offered === 'highlight') await clickInPopup(popup, 'highlight-page');
  await popup.close();
  await page.bringToFront();
  return waitForStableHighlights(page);
}

export function popupText(popup: Tab, testId: string): Promise<string | null> {
  return popup.evaluate((sel) => document.querySelector(sel)?.textContent ?? null, tid(testId));
}

/** The clips the popup lists in a section (`page-clips` or `all-clips`). */
export function listedClips(popup: Tab, section: 'page-clips' | 'all-clips') {
  return popup.evaluate(
    (sel) =>
      Array.from(document.querySelectorAll(`${sel} [data-testid="clip-item"]`)).map((item) => {
        const part = (id: string) => item.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
        return {
          id: item.getAttribute('data-clip-id'),
          url: item.getAttribute('data-url'),
          label: part('clip-label'),
          figure: part('clip-figure'),
          role: part('clip-role'),
          sentence: part('clip-sentence'),
        };
      }),
    tid(section),
  );
}

/** Clicks an export button and returns the bytes behind the popup's `download-link`. */
export async function exportFromPopup(popup: Tab, button: 'export-page' | 'export-all'): Promise<Uint8Array> {
  const before = await popup.evaluate(() => document.querySelector('[data-testid="download-link"]')?.getAttribute('href') ?? '', null);
  await clickInPopup(popup, button);
  const href = await waitFor(
    popup,
    (before) => {
      const href = document.querySelector('[data-testid="download-link"]')?.getAttribute('href');
      return href && href !== before && href.startsWith('blob:') ? href : null;
    },
    before,
    { what: 'a new blob: href on the download-link' },
  );
  const bytes = await popup.evaluate(async (href) => Array.from(new Uint8Array(await (await fetch(href)).arrayBuffer())), href);
  return Uint8Array.from(bytes);
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += c;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  return rows;
}
