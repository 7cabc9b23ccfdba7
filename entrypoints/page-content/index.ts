/**
 * The content script. An unlisted script, listed in the manifest's content_scripts by
 * wxt.config.ts, rather than a WXT content script: WXT's ContentScriptContext announces itself with
 * a window.postMessage and a document event that carry the extension's id, which a page can read
 * (fingerprinting) and replay (it shut the script down). Here nothing the page can see or forge
 * drives the script: it hears the browser's runtime messages and trusted user events only.
 */
import './style.css';
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { isPageMessage, pageT as t } from '../../lib/i18n/page-words';
import { indexWordTables } from '../../lib/extract/word-index';
import { listenAsContent, tellBackground } from '../../lib/messages/bus';
import { prepareTables } from '../../lib/messages/protocol';
import { announceFocused, announcePageChanged, busBackground } from '../../lib/page/background-api';
import type { Notice } from '../../lib/page/clips';
import { PageController } from '../../lib/page/controller';
import { framePageInfo } from '../../lib/page/frame-page';
import { Overlay, tooltipLines } from '../../lib/page/overlay';
import { yieldToPage } from '../../lib/page/schedule';

/** How often an orphaned copy of the script (extension reloaded or removed) notices and stops. */
const ALIVE_CHECK_MS = 2000;

/** A failure in the reader's words. */
export function noticeText(notice: Notice): string {
  const reason = isPageMessage(notice.reason) ? t(notice.reason) : notice.reason || t('page.error.unknown');
  return t(notice.code, { reason });
}

function prepareToRead(): void {
  indexWordTables();
  prepareTables(['content->background']);
}

/** Starts the content script in this document; returns the function that stops it. */
export function startContentScript(doc: Document, win: Window): () => void {
  const overlay = new Overlay(doc);
  const controller = new PageController({
    doc,
    background: busBackground,
    notify: (notice) => overlay.showToast(noticeText(notice)),
    announce: announcePageChanged,
    focused: announceFocused,
    // An about:blank or srcdoc frame is part of the page that holds it (its clips are that page's).
    page: () => framePageInfo(doc),
  });
  const stopListening = listenAsContent({
    ...controller.handlers,
    // The background lost its list of frames (a restarted service worker): this frame is here.
    'frame.rollCall': () => tellBackground('frame.present', {}),
  });
  const abort = new AbortController();
  const on = <K extends keyof WindowEventMap>(type: K, fn: (e: WindowEventMap[K]) => void, capture = true) =>
    win.addEventListener(type, fn as EventListener, { capture, passive: type !== 'click', signal: abort.signal });
  // Capture on window, so a page that stops propagation still lets the reader clip; the click
  // itself is never prevented (except Alt+click on a link, which is ours).
  on('click', controller.onClick);
  on('dblclick', controller.onDoubleClick);
  let frame = 0;
  on('mousemove', (event) => {
    if (!event.isTrusted || frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      const hit = controller.hoverAt(event.clientX, event.clientY, event.target);
      if (hit) overlay.showTooltip(tooltipLines(hit.figure.indicator, hit.clipped, hit.inLink), hit.rect);
      else overlay.hideTooltip();
    });
  });
  let viewportFrame = 0;
  const onViewport = () => {
    overlay.hideTooltip();
    // A huge page draws the figures near the viewport only: follow the reader's scrolling.
    if (!controller.highlighter.virtualised || viewportFrame) return;
    viewportFrame = win.requestAnimationFrame(() => {
      viewportFrame = 0;
      controller.highlighter.updateViewport();
    });
  };
  on('scroll', onViewport);
  on('resize', onViewport);
  // Single-page sites change the address without a reload: look at it now and then.
  let href = win.location.href;
  const timer = win.setInterval(() => {
    if (!browser.runtime?.id) return stop();
    if (win.location.href !== href) {
      href = win.location.href;
      void controller.onLocationChange();
    }
  }, ALIVE_CHECK_MS);
  function stop(): void {
    abort.abort();
    win.clearInterval(timer);
    stopListening();
    controller.dispose();
    overlay.dispose();
  }
  // What reading the page needs first (the extractor's word tables, the schemas of the background's
  // replies) is built in a task of its own, after this first one and before reading begins.
  void yieldToPage().then(prepareToRead);
  void controller.start();
  return stop;
}

export default defineUnlistedScript(() => {
  startContentScript(document, window);
});
