/** Debian's Chromium with the built MV3 extension, driven by playwright-core (see shared/notes/browsers.md). */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROME_DIST, type ExtensionBrowser, type LaunchOptions, type Tab, waitForPopupReady } from './driver';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export function chromiumArgs(dist: string): string[] {
  return [
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ];
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
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ intl: { accept_languages: options.language, selected_languages: options.language } }));
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

function wrap(page: Page): Tab {
  return {
    url: () => page.url(),
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    reload: async () => {
      await page.reload({ waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    click: (selector) => page.click(selector, { timeout: 10_000 }),
    select: async (selector, value) => {
      await page.selectOption(selector, value, { timeout: 10_000 });
    },
    bringToFront: () => page.bringToFront(),
    uploadFile: (selector, path) => page.setInputFiles(selector, path, { timeout: 10_000 }),
    screenshot: async (path, fullPage = false) => {
      await page.screenshot({ path, fullPage });
    },
    close: () => page.close(),
  };
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
