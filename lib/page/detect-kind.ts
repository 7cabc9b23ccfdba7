/**
 * What the tab shows: an HTML page, or a PDF document in the browser's own viewer. A content
 * script cannot read the text of a PDF the browser renders, so detection must say "PDF" rather
 * than judge an empty page.
 */
export type PageKind = 'html' | 'pdf';

const PDF_TYPE = 'application/pdf';

function isPdfEmbed(el: Element): boolean {
  return el.tagName.toUpperCase() === 'EMBED' && (el.getAttribute('type') ?? '').trim().toLowerCase() === PDF_TYPE;
}

/**
 * 'pdf' when the document is a PDF (document.contentType, as Firefox reports it for its viewer), or
 * Chromium's wrapper around its viewer: a body that holds one <embed type="application/pdf"> and
 * no text.
 */
export function pageKind(doc: Document): PageKind {
  if ((doc.contentType ?? '').toLowerCase() === PDF_TYPE) return 'pdf';
  const body = doc.body;
  if (!body) return 'html';
  const children = Array.from(body.children);
  if (children.length !== 1 || !isPdfEmbed(children[0])) return 'html';
  return (body.textContent ?? '').trim() === '' ? 'pdf' : 'html';
}
