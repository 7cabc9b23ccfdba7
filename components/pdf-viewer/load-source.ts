/**
 * Getting the PDF's bytes: a file the user picked or dropped, or the address the viewer was opened
 * with. Reading a web address needs host access to its origin: asked as an optional permission
 * only when the browser does not already allow the fetch, and only from the user's click.
 */
import { browser } from 'wxt/browser';
import type { PdfDocumentInfo } from '../../lib/pdf/clips';
import { localDocumentUrl, looksLikePdf, originPattern, sha256Hex } from '../../lib/pdf/source';

export interface LoadedPdf {
  bytes: Uint8Array;
  info: PdfDocumentInfo;
}

export type LoadFailure =
  | { code: 'not-pdf'; name: string }
  | { code: 'need-access'; origin: string; url: string }
  | { code: 'fetch-failed'; url: string; detail: string };

export class LoadError extends Error {
  constructor(readonly failure: LoadFailure) {
    super(failure.code);
  }
}

export async function loadFile(file: File): Promise<LoadedPdf> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!looksLikePdf(bytes)) throw new LoadError({ code: 'not-pdf', name: file.name });
  return { bytes, info: { url: localDocumentUrl(await sha256Hex(bytes)), title: file.name, site: '' } };
}

export async function hasAccess(url: string): Promise<boolean> {
  const origin = originPattern(url);
  if (!origin) return false;
  try {
    return await browser.permissions.contains({ origins: [origin] });
  } catch {
    return false;
  }
}

/** Must run inside the handler of the user's click (both browsers require it for the prompt). */
export function requestAccess(url: string): Promise<boolean> {
  const origin = originPattern(url);
  if (!origin) return Promise.resolve(false);
  return browser.permissions.request({ origins: [origin] }).catch(() => false);
}

export async function loadUrl(url: string): Promise<LoadedPdf> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'include', cache: 'force-cache' });
  } catch (e) {
    // A network error from an extension page is most often a missing host permission (CORS).
    if (!(await hasAccess(url))) throw new LoadError({ code: 'need-access', origin: new URL(url).origin, url });
    throw new LoadError({ code: 'fetch-failed', url, detail: e instanceof Error ? e.message : String(e) });
  }
  if (!response.ok) throw new LoadError({ code: 'fetch-failed', url, detail: `HTTP ${response.status}` });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || url);
  if (!looksLikePdf(bytes)) throw new LoadError({ code: 'not-pdf', name });
  return { bytes, info: { url, title: name, site: new URL(url).hostname } };
}
