/**
 * Where the viewer's PDF comes from, and what it is called in the clip store. Pure.
 *
 * A tab's PDF is handed to the viewer as pdf-viewer.html?src=<url>; only http(s) addresses are
 * read (a file: tab cannot be fetched by an extension page: the user opens the file instead).
 * Reading a web address from an extension page needs host access to that one origin, asked as an
 * optional permission at the user's click: originPattern says which.
 */

export type ViewerSource = { kind: 'none' } | { kind: 'url'; url: string } | { kind: 'bad'; code: 'not-http' | 'malformed'; value: string };

export function parseViewerSource(search: string): ViewerSource {
  const src = new URLSearchParams(search).get('src');
  if (!src) return { kind: 'none' };
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return { kind: 'bad', code: 'malformed', value: src };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'bad', code: 'not-http', value: src };
  return { kind: 'url', url: withoutFragment(url.href) };
}

/** The query of the viewer page for a PDF at `url`. */
export function viewerQuery(url: string): string {
  return `?src=${encodeURIComponent(url)}`;
}

export function withoutFragment(href: string): string {
  const hash = href.indexOf('#');
  return hash === -1 ? href : href.slice(0, hash);
}

/** The match pattern of the one origin a PDF is read from (match patterns carry no port). */
export function originPattern(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

/**
 * Does a tab show a PDF? By its address (…/name.pdf, any case, query allowed), or by the content
 * type its content script reports (Chromium runs content scripts in its PDF viewer's wrapper
 * page; Firefox runs none in its own, so there the address decides).
 */
export function isPdfTab(tab: { url?: string; contentType?: string }): boolean {
  if (tab.contentType === 'application/pdf') return true;
  if (!tab.url) return false;
  try {
    const u = new URL(tab.url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'file:') return false;
    return /\.pdf$/i.test(decodeURIComponent(u.pathname));
  } catch {
    return false;
  }
}

/** The clip-store address of a local file: its SHA-256, so the same bytes are the same document whatever the file is called. */
export function localDocumentUrl(sha256Hex: string): string {
  return `urn:sha256:${sha256Hex}`;
}

/** Hex SHA-256 of the bytes (crypto.subtle: the viewer page, or node's webcrypto in tests). */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Is this file a PDF? Its first bytes say so (%PDF-), whatever its name or type. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  // The header may follow up to 1024 bytes of junk (PDF 32000-1 §7.5.2 implementation note).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}
