/**
 * What a user does and sees, in terms of the page contract: highlights are ranges in the
 * document's CSS.highlights registry under fixed names (zb-target, zb-actual, zb-unknown by role;
 * zb-clipped; zb-focus), read from the page's own world (the registry is the document's, shared by
 * the page and the content script in both browsers); what the extension knows of each figure
 * (value, unit) is asked through its own pages (the popup tab, `tab.figures`); the popup's
 * `data-testid`s. Shared by the scenarios of both browsers.
 */
import { type ExtensionBrowser, type Tab, waitFor } from './driver';

const tid = (id: string) => `[data-testid="${id}"]`;

export const ROLE_HIGHLIGHTS = { 'zb-target': 'target', 'zb-actual': 'actual', 'zb-unknown': 'unknown' } as const;

/** One highlighted figure as the page shows it. */
export interface Figure {
  /** Where its text starts (a path of child indices from <body>, and the offset): stable while the page stays. */
  id: string;
  text: string;
  /** From the highlight it is drawn in. */
  role: 'target' | 'actual' | 'unknown';
  /** In how many role highlights it is drawn (must be 1). */
  drawn: number;
  clipped: boolean;
  focused: boolean;
}

/**
 * Figures drawn inside the first block element (p, li, td, th, h1–h4) whose text contains
 * `snippet`, or on the whole page. Runs in the page: it reads only the registry, writes nothing.
 */
export function figuresIn(tab: Tab, snippet?: string): Promise<Figure[] | null> {
  return tab.evaluate(
    ({ snippet, names }) => {
      const reg = (globalThis as unknown as { CSS: { highlights?: Map<string, Set<AbstractRange>> } }).CSS.highlights;
      if (!reg) return [];
      const root = snippet
        ? Array.from(document.querySelectorAll('p, li, td, th, h1, h2, h3, h4')).find((b) => (b.textContent ?? '').includes(snippet))
        : document.body;
      if (!root) return null;
      const live = (r: AbstractRange) => {
        const x = document.createRange();
        x.setStart(r.startContainer, r.startOffset);
        x.setEnd(r.endContainer, r.endOffset);
        return x;
      };
      const overlaps = (a: Range, b: Range) => a.compareBoundaryPoints(Range.START_TO_END, b) > 0 && a.compareBoundaryPoints(Range.END_TO_START, b) < 0;
      const pathOf = (node: Node) => {
        const path: number[] = [];
        for (let n: Node | null = node; n && n !== document.body; n = n.parentNode)
          path.unshift(Array.prototype.indexOf.call(n.parentNode?.childNodes ?? [], n));
        return path.join('.');
      };
      const clipped = Array.from(reg.get('zb-clipped') ?? []).map(live);
      const focus = Array.from(reg.get('zb-focus') ?? []).map(live);
      const byId = new Map<string, Figure>();
      for (const [name, role] of Object.entries(names)) {
        for (const r of reg.get(name) ?? []) {
          if (!root.contains(r.startContainer)) continue;
          const range = live(r);
          const id = `${pathOf(r.startContainer)}:${r.startOffset}`;
          const known = byId.get(id);
          if (known) {
            known.drawn++;
            continue;
          }
          byId.set(id, {
            id,
            text: range.toString(),
            role: role as Figure['role'],
            drawn: 1,
            clipped: clipped.some((c) => overlaps(c, range)),
            focused: focus.some((c) => overlaps(c, range)),
          });
        }
      }
      return Array.from(byId.values());
    },
    { snippet, names: ROLE_HIGHLIGHTS },
  );
}

/** The figures written exactly as `span` (white space ignored) in the block that contains `snippet`. */
export async function findFigure(tab: Tab, snippet: string, span: string): Promise<Figure[]> {
  const figures = await figuresIn(tab, snippet);
  if (!figures) throw new Error(`no block of the page contains "${snippet}"`);
  const bare = (s: string) => s.replace(/\s+/g, '');
  return figures.filter((f) => bare(f.text) === bare(span));
}

/** Sizes of the highlights: figures drawn (all roles), clipped ranges, focus. */
export function highlightCounts(tab: Pick<Tab, 'evaluate'>): Promise<{ figures: number; clipped: number; focus: number }> {
  return tab.evaluate(() => {
    const reg = (globalThis as unknown as { CSS: { highlights?: Map<string, Set<unknown>> } }).CSS.highlights;
    const size = (name: string) => reg?.get(name)?.size ?? 0;
    return { figures: size('zb-target') + size('zb-actual') + size('zb-unknown'), clipped: size('zb-clipped'), focus: size('zb-focus') };
  }, null);
}

/** Waits until the figure's clipped state is `clipped`. */
export async function waitClipped(tab: Tab, figure: Figure, clipped: boolean, timeout = 3000): Promise<Figure> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const now = ((await figuresIn(tab)) ?? []).find((f) => f.id === figure.id);
    if (now && now.clipped === clipped) return now;
    if (Date.now() > deadline)
      throw new Error(`figure ${figure.text} (${figure.id}) did not become clipped=${clipped} within ${timeout} ms (now: ${JSON.stringify(now)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Scrolls the figure into view and returns the viewport point in the middle of its first line box. */
export async function pointOf(tab: Tab, figure: Figure): Promise<{ x: number; y: number }> {
  const point = await tab.evaluate(
    ({ id, names }) => {
      const reg = (globalThis as unknown as { CSS: { highlights: Map<string, Set<AbstractRange>> } }).CSS.highlights;
      const [path, offset] = id.split(':');
      let node: Node = document.body;
      for (const i of path ? path.split('.') : []) node = node.childNodes[Number(i)];
      for (const name of Object.keys(names)) {
        for (const r of reg.get(name) ?? []) {
          if (r.startContainer !== node || r.startOffset !== Number(offset)) continue;
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          (node.parentElement ?? document.body).scrollIntoView({ block: 'center' });
          const rect = range.getClientRects()[0];
          return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
        }
      }
      return null;
    },
    { id: figure.id, names: ROLE_HIGHLIGHTS },
  );
  if (!point) throw new Error(`figure ${figure.text} (${figure.id}) is not drawn any more`);
  return point;
}

/** A trusted click on the figure (Alt held with `alt`; a double click with `count: 2`). */
export async function clickFigure(tab: Tab, figure: Figure, options: { alt?: boolean; count?: 1 | 2 } = {}): Promise<void> {
  const { x, y } = await pointOf(tab, figure);
  await tab.mouse(x, y, options);
}

/** Waits until some figures are highlighted and their number has stopped changing. */
export async function waitForStableHighlights(tab: Tab, options: { timeout?: number; quietMs?: number } = {}): Promise<number> {
  const timeout = options.timeout ?? 60_000;
  const quietMs = options.quietMs ?? 800;
  const deadline = Date.now() + timeout;
  let last = -1;
  let since = Date.now();
  for (;;) {
    const { figures } = await highlightCounts(tab);
    if (figures !== last) {
      last = figures;
      since = Date.now();
    } else if (figures > 0 && Date.now() - since >= quietMs) return figures;
    if (Date.now() > deadline) throw new Error(`highlights did not settle within ${timeout} ms (figures: ${last})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sends a message to the background as an extension page does (the bus's envelope), from a popup tab. */
export function askFromPopup<R>(popup: Tab, type: string, payload: unknown): Promise<R> {
  return popup.evaluate(
    async ({ type, payload }) => {
      type Runtime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      const g = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
      const api = g.browser ?? g.chrome;
      const reply = (await api.runtime.sendMessage({ zb: 1, direction: 'ui->background', type, payload })) as { ok: boolean; data?: unknown; error?: unknown };
      if (!reply?.ok) throw new Error(`${type}: ${JSON.stringify(reply?.error)}`);
      return reply.data as never;
    },
    { type, payload },
  );
}

/** The tab id of the page at `url`, as the extension knows it. */
export async function tabIdOf(popup: Tab, url: string): Promise<number> {
  const bare = url.replace(/#.*$/, '');
  const { tabs } = await askFromPopup<{ tabs: { tabId: number; status: { url: string } }[] }>(popup, 'tabs.list', {});
  const found = tabs.find((t) => t.status.url === bare);
  if (!found) throw new Error(`the extension lists no tab at ${bare} (tabs: ${tabs.map((t) => t.status.url).join(', ')})`);
  return found.tabId;
}

export interface FigureRowSeen {
  key: string;
  indicator: { text: string; value: number; unit: string; role: string };
  sentence: string;
  clipIds: string[];
}

/** The content script's status of the page at `url` (`tab.status`, as the popup asks). */
export async function extensionStatus(browser: ExtensionBrowser, url: string): Promise<{ highlighted: boolean; indicatorCount: number; orphanCount: number }> {
  const popup = await browser.openPopup();
  try {
    const tabId = await tabIdOf(popup, url);
    return await askFromPopup(popup, 'tab.status', { tabId });
  } finally {
    await popup.close().catch(() => {});
  }
}

/** What the extension knows of the page's figures and orphan clips (`tab.figures`, as the side panel asks). */
export async function extensionFigures(browser: ExtensionBrowser, url: string): Promise<{ figures: FigureRowSeen[]; orphans: { id: string }[] }> {
  const popup = await browser.openPopup();
  try {
    const tabId = await tabIdOf(popup, url);
    return await askFromPopup(popup, 'tab.figures', { tabId });
  } finally {
    await popup.close().catch(() => {});
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
      (value) =>
        document.querySelector<HTMLSelectElement>('[data-testid="tab-picker"]')?.value === value && !!document.querySelector('[data-testid="verdict"]'),
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
    () =>
      document.querySelector('[data-testid="highlight-page"]') ? 'highlight' : document.querySelector('[data-testid="remove-highlights"]') ? 'remove' : null,
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
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
