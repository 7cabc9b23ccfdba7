import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';

/**
 * Page text is never rendered as HTML. Preact keeps one HTML path, for dangerouslySetInnerHTML,
 * which this project never uses: the build replaces it with an error, so the shipped bundle holds
 * no innerHTML assignment at all (and the add-on linter has nothing to flag). If a Preact upgrade
 * changes that code, the build fails here rather than shipping the path unnoticed.
 */
function noHtmlRendering(): Plugin {
  const ASSIGN = /\(\s*(\w+)\.innerHTML\s*=\s*(\w+)\.__html\s*\)/g;
  return {
    name: 'zhibiao:no-html-rendering',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id)) return null;
      const found = code.match(ASSIGN)?.length ?? 0;
      if (found !== 1) this.error(`expected one innerHTML assignment in ${id}, found ${found}: review noHtmlRendering`);
      return { code: code.replace(ASSIGN, '(()=>{throw new Error("zhibiao: rendering HTML strings is disabled")})()'), map: null };
    },
  };
}

// Firefox add-on id: fixed so storage and the e2e harness can address the extension.
export const GECKO_ID = 'zhibiao@zhibiao.app';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // No auto-imports: every file says what it uses, and the content script and background do not
  // get Preact (which directory scanning of components/ pulled into every bundle).
  imports: false,
  vite: () => ({ plugins: [noHtmlRendering(), preact()] }),
  manifest: ({ browser }) => ({
    // In the browser's language, from public/_locales (the catalogue's common.extension* keys).
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'zh_CN',
    // No API permissions: clips and per-site settings live in the extension's own IndexedDB, export
    // is an <a download> in the popup, and the popup reaches the page through its content script.
    permissions: [],
    // The content script, listed here rather than through WXT's content-script wrapper (whose
    // start-up message carries the extension id to the page: see entrypoints/page-content).
    content_scripts: [
      {
        matches: ['<all_urls>'],
        js: ['page-content.js'],
        css: ['assets/page-content.css'],
        run_at: 'document_idle',
      },
    ],
    // Keyboard shortcuts (no permission needed). Alt+Shift+J/K/L/H are used by neither Chrome nor
    // Firefox; the reader can change them at chrome://extensions/shortcuts or in Firefox's add-on
    // manager (Manage Extension Shortcuts).
    commands: {
      'next-figure': { suggested_key: { default: 'Alt+Shift+J' }, description: 'Next figure' },
      'previous-figure': { suggested_key: { default: 'Alt+Shift+K' }, description: 'Previous figure' },
      'toggle-clip': { suggested_key: { default: 'Alt+Shift+L' }, description: 'Clip or unclip the focused figure' },
      'toggle-highlights': { suggested_key: { default: 'Alt+Shift+H' }, description: 'Highlight this page, or remove its highlights' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 142: the first Firefox (desktop and Android) that knows data_collection_permissions.
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
