/** Debian's Chromium with the built MV3 extension, driven by playwright-core (see shared/notes/browsers.md). */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROME_DIST, type ExtensionBrowser, type LaunchOptions, type Tab, waitForPopupReady } from './driver';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** How every test browser runs here, extension or not: no sandbox, no GPU, no network but 127.0.0.1. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export function chromiumArgs(dist: string): string[] {
  return [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, ...CHROMIUM_FLAGS];
}

/** Launches Chromium with the extension; returns the context and the extension's id. */
export async function launchChromiumContext(
  options: { dist?: string; initScript?: string } & LaunchOptions = {},
): Promise<{ context: BrowserContext; extensionId: string; cleanup: () => Promise<void>; profile: string }> {
  const dist = options.dist ?? CHROME_DIST;
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`no built extension in ${dist}: run npx wxt build`);
  const profile = mkdtempSync(join(tmpdir(), 'zb-chromium-'));
  const languageArgs: string[] = [];
  if (options.language) {
    // The UI language (--lang) and the languages pages are asked in (the profile's accept_languages).
    languageArgs.push(`--lang=${options.language}`, `--accept-lang=${options.language}`);
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(
      join(profile, 'Default', 'Preferences'),
      JSON.stringify({ intl: { accept_languages: options.language, selected_languages: options.language } }),
    );
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...chromiumArgs(dist), ...languageArgs],
    viewport: { width: 1280, height: 900 },
  });
  if (options.initScript) await context.addInitScript(options.initScript);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  const cleanup = async () => {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, extensionId, cleanup, profile };
}

const pages = new WeakMap<Tab, Page>();

/** Manifest command → page.command, as lib/background/commands.ts maps them. */
const PAGE_COMMANDS: Record<string, string> = {
  'next-figure': 'next',
  'previous-figure': 'previous',
  'toggle-clip': 'toggle',
  'toggle-highlights': 'highlight',
};

function wrap(page: Page): Tab {
  const tab: Tab = {
    url: () => page.url(),
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    reload: async () => {
      await page.reload({ waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    click: (selector) => page.click(selector, { timeout: 10_000 }),
    mouse: async (x, y, options = {}) => {
      if (options.move) return page.mouse.move(x, y);
      if (options.alt) await page.keyboard.down('Alt');
      try {
        if (options.count === 2) await page.mouse.dblclick(x, y);
        else await page.mouse.click(x, y);
      } finally {
        if (options.alt) await page.keyboard.up('Alt');
      }
    },
    select: async (selector, value) => {
      await page.selectOption(selector, value, { timeout: 10_000 });
    },
    bringToFront: () => page.bringToFront(),
    // Playwright accepts downloads by default and reports each one; the file is on disk once path() resolves.
    download: async (action) => {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), action()]);
      const path = await download.path();
      return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
    },
    uploadFile: (selector, path) => page.setInputFiles(selector, path, { timeout: 10_000 }),
    screenshot: async (path, fullPage = false) => {
      await page.screenshot({ path, fullPage });
    },
    close: () => page.close(),
  };
  pages.set(tab, page);
  return tab;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const { context, extensionId, cleanup } = await launchChromiumContext(options);
  // The persistent context opens with one blank tab; it stays as the browser's first tab.
  return {
    name: 'chromium',
    openTab: async (url) => {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return wrap(page);
    },
    openPopup: async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      const tab = wrap(page);
      await waitForPopupReady(tab);
      return tab;
    },
    // CDP's key events go to the page, not to the browser's shortcut handling, so the background
    // sends what its onCommand handler sends, from the service worker itself.
    command: async (name, tab) => {
      const page = pages.get(tab)!;
      await page.bringToFront();
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const url = page.url();
      await worker.evaluate(
        async ({ url, command }) => {
          const c = (
            globalThis as unknown as {
              chrome: {
                tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(id: number, m: unknown, o: object): Promise<unknown> };
              };
            }
          ).chrome;
          // As the command handler does: the active tab (no tabs permission, so no urls to compare).
          const [target] = await c.tabs.query({ active: true, lastFocusedWindow: true });
          if (target?.id === undefined) throw new Error(`no active tab (expected ${url})`);
          const reply = (await c.tabs.sendMessage(
            target.id,
            { zb: 1, direction: 'background->content', type: 'page.command', payload: { command } },
            { frameId: 0 },
          )) as { ok?: boolean; error?: unknown };
          if (!reply?.ok) throw new Error(JSON.stringify(reply?.error));
        },
        { url, command: PAGE_COMMANDS[name] },
      );
      return 'message' as const;
    },
    openExtensionPage: async (path, readySelector) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      await page.waitForSelector(readySelector, { timeout: 20_000, state: 'attached' });
      return wrap(page);
    },
    nextTab: async (action, readySelector) => {
      const opened = context.waitForEvent('page', { timeout: 20_000 });
      await action();
      const page = await opened;
      await page.waitForSelector(readySelector, { timeout: 20_000, state: 'attached' });
      return wrap(page);
    },
    close: cleanup,
  };
}
