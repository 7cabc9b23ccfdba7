/**
 * The page a frame's content script works for. A frame with an address is its own page. An
 * about:blank or srcdoc frame has none (`about:srcdoc` would lump every site's frames together):
 * it belongs to the nearest ancestor with an address, read through the same-origin parent chain
 * (`location` cannot be faked by the page). The background decides the same from what the browser
 * says (lib/background/frames.ts); this copy only lets the frame know its own clips when told of a change.
 */
import { pageKey, siteOf } from '../model/page';
import { type PageInfo, pageInfoOf } from './clip-builder';

export function framePageInfo(doc: Document): PageInfo {
  const own = pageInfoOf(doc);
  if (!/^about:/i.test(own.url)) return own;
  let win: Window | null = doc.defaultView;
  try {
    while (win && win.parent !== win) {
      const parent: Window = win.parent;
      const href = parent.location.href; // throws for a cross-origin parent
      if (!/^about:/i.test(href)) return { url: pageKey(href), title: parent.document.title || own.title, site: siteOf(href) };
      win = parent;
    }
  } catch {
    // A cross-origin ancestor: the frame stays on its own.
  }
  return own;
}
