import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

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

/**
 * pdf.js data the PDF viewer reads at run time from the extension's own files (no remote code, no
 * CDN): CMaps and the standard fonts (CJK PDFs from government sites often do not embed their
 * fonts), and the image decoders' wasm with its JS fallbacks (quickjs is for PDF scripts, which the
 * viewer never runs: left out).
 */
function pdfjsAssets(): { absoluteSrc: string; relativeDest: string }[] {
  const root = resolve('node_modules/pdfjs-dist');
  return ['cmaps', 'standard_fonts', 'wasm', 'iccs'].flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((file) => !file.startsWith('quickjs') && !file.startsWith('LICENSE_PDFJS_QUICKJS') && !file.startsWith('LICENSE_QUICKJS'))
      .map((file) => ({ absoluteSrc: join(root, dir, file), relativeDest: `pdfjs/${dir}/${file}` })),
  );
}

/**
 * Reading a tab's PDF from the viewer page is a cross-origin fetch: it needs host access to that
 * one origin, asked at the user's click (optional, never at install). Both patterns are listed so
 * any http(s) origin can be asked for; only the PDF's own origin ever is.
 */
const OPTIONAL_ORIGINS = ['http://*/*', 'https://*/*'];

// Firefox add-on id: fixed so storage and the e2e harness can address the extension.
export const GECKO_ID = 'zhibiao@zhibiao.app';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // No auto-imports: every file says what it uses, and the content script and background do not
  // get Preact (which directory scanning of components/ pulled into every bundle).
  imports: false,
  // ZB_NO_MINIFY=1: readable function names in a profile (test/bench/page-profile.ts); never for a release.
  vite: () => ({ plugins: [noHtmlRendering(), preact()], ...(process.env.ZB_NO_MINIFY ? { build: { minify: false } } : {}) }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...pdfjsAssets());
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    // In the browser's language, from public/_locales (the catalogue's common.extension* keys).
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'zh_CN',
    // Clips and per-site settings live in the extension's own IndexedDB, export is an <a download>
    // in the popup, and the popup reaches the page through its content script. activeTab only: the
    // toolbar click lets the popup see the active tab's address, to offer the PDF viewer on a PDF
    // (Firefox runs no content script in its PDF viewer). contextMenus: the 摘录为指标 item on
    // selected text (Firefox knows the permission by this name too, as an alias of menus).
    permissions: ['activeTab', 'contextMenus'],
    ...(manifestVersion === 2 ? { optional_permissions: OPTIONAL_ORIGINS } : { optional_host_permissions: OPTIONAL_ORIGINS }),
    // The content script, listed here rather than through WXT's content-script wrapper (whose
    // start-up message carries the extension id to the page: see entrypoints/page-content).
    content_scripts: [
      {
        matches: ['<all_urls>'],
        js: ['page-content.js'],
        css: ['assets/page-content.css'],
        run_at: 'document_end',
        // Frames too, each its own instance: old government CMSs put the article in a same-origin
        // iframe, or write it into a srcdoc / about:blank frame, which have no address of their own
        // (match_about_blank; Chromium's match_origin_as_fallback also covers blob: and data: frames
        // by their creator's origin). The background merges the frames of a page (lib/background/frames.ts).
        all_frames: true,
        match_about_blank: true,
        ...(browser === 'firefox' ? {} : { match_origin_as_fallback: true }),
      },
    ],
    // Keyboard shortcuts (no permission needed), described in the browser's language
    // (public/_locales). Alt+Shift+J/K/L/H are used by neither Chrome nor Firefox; the reader can
    // change them at chrome://extensions/shortcuts or in Firefox's add-on manager (Manage Extension
    // Shortcuts). Chrome takes at most four suggested keys, so clipping the selection has none
    // there (the reader assigns one); Firefox has no such limit and suggests Alt+Shift+C, which
    // neither browser uses.
    commands: {
      'next-figure': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_commandNextFigure__' },
      'previous-figure': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandPreviousFigure__' },
      'toggle-clip': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_commandToggleClip__' },
      'toggle-highlights': { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_commandToggleHighlights__' },
      'clip-selection': {
        ...(browser === 'firefox' ? { suggested_key: { default: 'Alt+Shift+C' } } : {}),
        description: '__MSG_commandClipSelection__',
      },
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
