/**
 * Clips of a PDF: built from a figure of the document text (its quote, page number included) and
 * found again when the same document is opened anew. Pure; errors are codes for the UI to word.
 */
import { anchorFor, findAnchor } from '../page/anchor';
import { type Clip, ClipSchema, clipId } from '../model/clip';
import { clippedIndicatorOf } from '../model/figure';
import type { PdfFigure } from './document';

export interface PdfDocumentInfo {
  /** The PDF's address, or urn:sha256:… for a local file (see source.ts). */
  url: string;
  title: string;
  /** Host name ('' for a local file). */
  site: string;
}

export type PdfClipResult = { ok: true; clip: Clip } | { ok: false; code: 'url-too-long' | 'invalid'; detail?: string };

export function clipOfFigure(figure: PdfFigure, docText: string, doc: PdfDocumentInfo, clippedAt: Date): PdfClipResult {
  if (doc.url.length > 4096) return { ok: false, code: 'url-too-long' };
  const anchor = { ...anchorFor(docText, figure.docStart, figure.docEnd), pdfPage: figure.page };
  const indicator = clippedIndicatorOf(figure.indicator);
  const checked = ClipSchema.safeParse({
    id: clipId(doc.url, anchor),
    url: doc.url,
    title: doc.title.slice(0, 1000),
    site: doc.site.slice(0, 255),
    section: figure.heading.slice(0, 500),
    indicator,
    sentence: figure.sentence.slice(0, 4000),
    anchor,
    clippedAt: clippedAt.toISOString(),
  });
  if (!checked.success) return { ok: false, code: 'invalid', detail: checked.error.issues[0]?.path.join('.') };
  return { ok: true, clip: checked.data };
}

/**
 * Which figures the stored clips fall on, as clip id → figure id. A clip whose quote is not in the
 * text (the document changed) is left out. Clips are anchored once the text past their page is
 * read (`complete` or a later page), so a quote is never matched against half its context.
 */
export function anchorClips(clips: Clip[], docText: string, figures: PdfFigure[], pagesRead: number, complete: boolean): Map<string, string> {
  const byStart = new Map(figures.map((f) => [f.docStart, f]));
  const found = new Map<string, string>();
  for (const clip of clips) {
    const page = clip.anchor.pdfPage;
    if (!complete && (page === undefined || page >= pagesRead)) continue;
    const at = findAnchor(clip.anchor, { text: docText });
    const figure = at && byStart.get(at.start);
    if (figure && figure.docEnd === at.end) found.set(clip.id, figure.id);
  }
  return found;
}
