/**
 * The page a frame's content script works for. A frame with an address is its own page. An
 * about:blank or srcdoc frame has none (`about:srcdoc` would lump every site's frames together):
 * it belongs to the tab's top page — the page the reader sees, and the one address the browser
 * reports to the background for a frame's tab (its parent's it does not, without webNavigation):
 * lib/background/frames.ts decides the same from `sender`. Read through `location`, which the page
 * cannot fake; a cross-origin ancestor leaves the frame on its own (the background refuses it).
 */
import { pageKey, siteOf } from '../model/page';
import { type PageInfo, pageInfoOf } from './clip-builder';

export function framePageInfo(doc: Document): PageInfo {
  const own = pageInfoOf(doc);
  const win = doc.defaultView;
  if (!/^about:/i.test(own.url) || !win || win.top === win || !win.top) return own;
  try {
    const top = win.top;
    const href = top.location.href; // throws for a cross-origin top
    if (/^about:/i.test(href)) return own;
    return { url: pageKey(href), title: top.document.title || own.title, site: siteOf(href) };
  } catch {
    return own;
  }
}
