/**
 * Debian's Firefox ESR with the built MV2 extension installed as a temporary add-on, driven by
 * puppeteer-core over WebDriver BiDi (see shared/notes/browsers.md).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { FIREFOX_DIST, type ExtensionBrowser, type LaunchOptions, type Tab, waitFor, waitForPopupReady } from './driver';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';
/** The internal UUID Firefox gives the add-on, fixed by a pref so the popup has a known URL. */
export const FIREFOX_EXTENSION_UUID = '5d1c9a4e-7b2f-4e1a-9c3d-2a6b8f0e4d71';

/** The gecko id of the built extension (set in wxt.config.ts). */
function geckoId(dist: string): string {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${dist}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

const pages = new WeakMap<Tab, Page>();

/** Manifest command → page.command, as lib/background/commands.ts maps them. */
const PAGE_COMMANDS: Record<string, string> = {
  'next-figure': 'next',
  'previous-figure': 'previous',
  'toggle-clip': 'toggle',
  'toggle-highlights': 'highlight',
};

/** The file's bytes, or null when it is gone (renamed or removed since it was listed). */
function readIfPresent(path: string): Uint8Array | null {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Waits for the file `action` makes Firefox save into `dir` (its download folder, set by prefs so
 * nothing asks): a new name that is not a partial (.part) file and whose size has settled.
 */
async function downloadInto(dir: string, action: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }> {
  const before = new Set(readdirSync(dir));
  await action();
  const deadline = Date.now() + 20_000;
  let last = '';
  for (;;) {
    const names = readdirSync(dir).filter((n) => !before.has(n));
    const done = names.find((n) => !n.endsWith('.part') && !names.includes(`${n}.part`));
    if (done) {
      // Firefox may write a download under a temporary name and rename it a moment later, so a
      // name seen in one poll can be gone by the next: look again rather than fail.
      const file = readIfPresent(join(dir, done));
      const seen = file ? `${done}:${file.length}` : '';
      if (file && seen === last && file.length > 0) return { name: done, bytes: file };
      last = seen;
    }
    if (Date.now() > deadline) throw new Error(`no download appeared in ${dir} (new: ${names.join(', ') || 'none'})`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

function wrap(page: Page, downloads: string): Tab {
  const tab: Tab = {
    url: () => page.url(),
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    reload: async () => {
      await page.reload({ waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    click: async (selector) => {
      await page.waitForSelector(selector, { timeout: 10_000 });
      await page.click(selector);
    },
    mouse: async (x, y, options = {}) => {
      if (options.move) return page.mouse.move(x, y);
      if (options.alt) await page.keyboard.down('Alt');
      try {
        await page.mouse.click(x, y, { count: options.count ?? 1 });
      } finally {
        if (options.alt) await page.keyboard.up('Alt');
      }
    },
    select: async (selector, value) => {
      await page.select(selector, value);
    },
    bringToFront: () => page.bringToFront(),
    download: (action) => downloadInto(downloads, action),
    uploadFile: async (selector, path) => {
      const input = await page.waitForSelector(selector, { timeout: 10_000 });
      await (input as import('puppeteer-core').ElementHandle<HTMLInputElement>).uploadFile(path);
    },
    screenshot: async (path, fullPage = false) => {
      await page.screenshot({ path: path as `${string}.png`, fullPage });
    },
    close: () => page.close(),
  };
  pages.set(tab, page);
  return tab;
}

export async function launchFirefox(dist = FIREFOX_DIST, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`no built extension in ${dist}: run npx wxt build -b firefox`);
  const downloads = mkdtempSync(join(tmpdir(), 'zb-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId(dist)]: FIREFOX_EXTENSION_UUID }),
      // Optional permissions asked at a click are granted without the prompt a test cannot answer
      // (the request still needs the click: the viewer's grant button is clicked for real).
      'extensions.webextOptionalPermissionPrompts': false,
      // Downloads go straight into a folder of this run (no dialog), where download() reads them.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      // The languages pages are asked in, and the UI language (used where its language pack is installed).
      ...(options.language ? { 'intl.accept_languages': options.language, 'intl.locale.requested': options.language } : {}),
    },
  });
  await browser.installExtension(dist);
  async function openPopupPage(): Promise<Tab> {
    const page = await browser.newPage();
    // This goto never resolves though the page loads (browsers.md): wait for the page instead.
    page.goto(`moz-extension://${FIREFOX_EXTENSION_UUID}/popup.html`).catch(() => {});
    const tab = wrap(page, downloads);
    await waitForPopupReady(tab);
    return tab;
  }
  return {
    name: 'firefox',
    openTab: async (url) => {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return wrap(page, downloads);
    },
    openPopup: openPopupPage,
    // WebDriver BiDi's key events stay in the page and never reach Firefox's shortcut handling
    // (tried: Alt+Shift+J did nothing), and BiDi cannot run code in the background page. So the
    // popup page asks the background for `tab.command`, which sends the same `page.command` the
    // shortcut's onCommand handler sends.
    command: async (name, tab) => {
      await pages.get(tab)!.bringToFront();
      const popup = await openPopupPage();
      try {
        await popup.evaluate(
          async ({ url, command }) => {
            type Runtime = { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; data?: unknown; error?: unknown }> } };
            const api = (globalThis as unknown as { browser: Runtime }).browser;
            const ask = async (type: string, payload: unknown) => {
              const reply = await api.runtime.sendMessage({ zb: 1, direction: 'ui->background', type, payload });
              if (!reply?.ok) throw new Error(`${type}: ${JSON.stringify(reply?.error)}`);
              return reply.data as never;
            };
            const { tabs } = (await ask('tabs.list', {})) as { tabs: { tabId: number; status: { url: string } }[] };
            const target = tabs.find((t) => t.status.url === url.replace(/#.*$/, ''));
            if (!target) throw new Error(`no tab at ${url}`);
            await ask('tab.command', { tabId: target.tabId, command });
          },
          { url: tab.url(), command: PAGE_COMMANDS[name] },
        );
      } finally {
        await popup.close().catch(() => {});
      }
      return 'message' as const;
    },
    openExtensionPage: async (path, readySelector) => {
      const page = await browser.newPage();
      // As with the popup, this goto never resolves on a moz-extension page: wait for the selector.
      page.goto(`moz-extension://${FIREFOX_EXTENSION_UUID}/${path}`).catch(() => {});
      const tab = wrap(page, downloads);
      // Polled (errors while the page loads are retried), as waitForPopupReady does.
      await waitFor(tab, (sel) => !!document.querySelector(sel), readySelector, { timeout: 20_000, what: readySelector });
      return tab;
    },
    nextTab: async (action, readySelector) => {
      const opened = new Promise<Page>((resolve) => {
        browser.once('targetcreated', (target: import('puppeteer-core').Target) => {
          void target.page().then((p) => p && resolve(p));
        });
      });
      await action();
      const tab = wrap(await opened, downloads);
      await waitFor(tab, (sel) => !!document.querySelector(sel), readySelector, { timeout: 20_000, what: readySelector });
      return tab;
    },
    close: async () => {
      await browser.close().catch(() => {});
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}
