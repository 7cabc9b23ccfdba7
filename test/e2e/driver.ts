/**
 * The one interface the end-to-end scenarios drive, so the same scenario file runs in Chromium
 * (playwright-core over CDP) and in Firefox (puppeteer-core over WebDriver BiDi).
 */
import { resolve } from 'node:path';
import { REPO_ROOT } from './server';

export type BrowserName = 'chromium' | 'firefox';

export const CHROME_DIST = resolve(REPO_ROOT, '.output/chrome-mv3');
export const FIREFOX_DIST = resolve(REPO_ROOT, '.output/firefox-mv2');

/** A function run inside the page; it gets one serialisable argument. */
export type PageFunction<A, R> = (arg: A) => R | Promise<R>;

export interface Tab {
  readonly url: () => string;
  /** Navigates and waits for the load event. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  evaluate<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R>;
  /** A real mouse click on the first element matching the selector (scrolled into view). */
  click(selector: string): Promise<void>;
  /**
   * A real (trusted) mouse gesture at viewport point (x, y): `count` 2 is a double click, `alt`
   * holds Alt down; `move` only moves the pointer there.
   */
  mouse(x: number, y: number, options?: { count?: 1 | 2; alt?: boolean; move?: boolean }): Promise<void>;
  /** Chooses the option of a <select> whose value is given, as a user would (input + change events). */
  select(selector: string, value: string): Promise<void>;
  bringToFront(): Promise<void>;
  /**
   * The file the browser downloads when `action` runs (a click on an export button): its name and
   * its bytes as saved to disk by the browser itself, not read back from the page.
   */
  download(action: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }>;
  /** Sets the file of an <input type=file>, as the user's file picker would. */
  uploadFile(selector: string, path: string): Promise<void>;
  screenshot(path: string, fullPage?: boolean): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  readonly name: BrowserName;
  /** Opens a web page in a new tab and waits for its load event. */
  openTab(url: string): Promise<Tab>;
  /** Opens the extension's popup page as a full tab and waits until it has rendered. */
  openPopup(): Promise<Tab>;
  /**
   * Runs one of the manifest's keyboard commands on the active tab: by pressing its shortcut where
   * the driver can reach the browser's shortcuts, else by sending the message the background's
   * command handler sends (`page.command`, from the background itself). Says which it did.
   */
  command(name: string, tab: Tab): Promise<'shortcut' | 'message'>;
  /** Opens an extension page (e.g. 'pdf-viewer.html?src=…') as a tab and waits for `readySelector`. */
  openExtensionPage(path: string, readySelector: string): Promise<Tab>;
  /** The tab opened next (by a click in another tab), once `readySelector` is in it. */
  nextTab(action: () => Promise<void>, readySelector: string): Promise<Tab>;
  close(): Promise<void>;
}

export class WaitTimeout extends Error {}

/**
 * Polls `fn` in the page until it returns a truthy value, and returns that value. Errors while
 * the page navigates (context destroyed) are retried; the last value or error is in the message.
 */
export type Truthy<T> = Exclude<T, null | undefined | false | 0 | ''>;

export async function waitFor<A, R>(
  tab: Tab,
  fn: PageFunction<A, R>,
  arg: A,
  options: { timeout?: number; interval?: number; what?: string } = {},
): Promise<Truthy<R>> {
  const timeout = options.timeout ?? 15_000;
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await tab.evaluate(fn, arg);
      if (value) return value as Truthy<R>;
      last = value;
    } catch (e) {
      last = e instanceof Error ? e.message.split('\n')[0] : e;
    }
    if (Date.now() > deadline) {
      throw new WaitTimeout(`timed out after ${timeout} ms waiting for ${options.what ?? fn.toString().slice(0, 120)} (last: ${JSON.stringify(last)})`);
    }
    await new Promise((r) => setTimeout(r, options.interval ?? 100));
  }
}

/** Waits until the popup page has rendered something into its root. */
export function waitForPopupReady(tab: Tab, timeout = 20_000): Promise<unknown> {
  return waitFor(tab, () => location.href.includes('popup.html') && document.readyState !== 'loading' && !!document.querySelector('[data-testid]'), null, {
    timeout,
    what: 'the popup to render (an element with data-testid)',
  });
}

export interface LaunchOptions {
  /**
   * The browser's language as a BCP 47 tag (e.g. 'en', 'zh-TW'): its UI language and the first of
   * the languages it asks web pages for. Absent: the browser's default.
   */
  language?: string;
}

export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (name === 'chromium') return (await import('./chromium')).launchChromium(options);
  return (await import('./firefox')).launchFirefox(undefined, options);
}
