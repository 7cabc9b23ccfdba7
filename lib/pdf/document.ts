/**
 * A PDF read page by page: each page's items → paragraphs → figures, with the section heading
 * carried from page to page. Pure and incremental, so the viewer reads one page at a time and
 * yields in between. The document's text is its paragraphs joined by '\n' in page order; clips
 * anchor on it as a web page's clips anchor on its main text.
 */
import { extractIndicators, type Indicator } from '../extract';
import { linesOf, type PdfTextItem } from './lines';
import { continuesAcrossPages, isPageMark, joinParagraphText, paragraphsOf, type PdfParagraph } from './paragraphs';

/** A stretch of one text item that a figure covers: item.str.slice(start, end). */
export interface ItemPiece {
  item: number;
  start: number;
  end: number;
}

export interface PdfFigure {
  /** Stable within one reading of the document: p<page>-<n>. */
  id: string;
  /** 1-based. */
  page: number;
  indicator: Indicator;
  heading: string;
  sentence: string;
  /** Offsets of the figure in the document text. */
  docStart: number;
  docEnd: number;
  pieces: ItemPiece[];
}

export interface PdfPageReading {
  page: number;
  paragraphs: PdfParagraph[];
  figures: PdfFigure[];
  /** Characters of text on the page (0 on a scanned page). */
  textLength: number;
}

/** Maps characters [start, end) of a paragraph back to the item stretches they came from. */
export function piecesOf(paragraph: PdfParagraph, start: number, end: number): ItemPiece[] {
  const pieces: ItemPiece[] = [];
  for (let k = start; k < end; k++) {
    const item = paragraph.sources[2 * k];
    const at = paragraph.sources[2 * k + 1];
    if (item < 0) continue;
    const last = pieces[pieces.length - 1];
    if (last && last.item === item && last.end === at) last.end = at + 1;
    else pieces.push({ item, start: at, end: at + 1 });
  }
  return pieces;
}

export class PdfDocumentReader {
  private parts: string[] = [];
  private length = 0;
  private heading = '';
  /** The last paragraph of the page before, while it stops mid-sentence (it may go on here). */
  private open: PdfParagraph | null = null;
  readonly pages: PdfPageReading[] = [];

  /** Reads the next page (pages must come in order, 1-based). */
  readPage(page: number, items: PdfTextItem[], pageWidth: number): PdfPageReading {
    const steps = this.readPageInSteps(page, items, pageWidth);
    for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
  }

  /**
   * The same, a paragraph a step, so a caller on the UI thread can yield between steps (a page
   * of dense text is tens of milliseconds of extraction). Steps must run to the end, in order.
   */
  *readPageInSteps(page: number, items: PdfTextItem[], pageWidth: number): Generator<void, PdfPageReading> {
    const paragraphs = paragraphsOf(linesOf(items), { width: pageWidth });
    yield;
    const figures: PdfFigure[] = [];
    let textLength = 0;
    const first = paragraphs.find((p) => !isPageMark(p));
    const carried = this.open && first && continuesAcrossPages(this.open, first) ? this.open.text : '';
    let firstText = '';
    for (const paragraph of paragraphs) {
      const offset = this.length + (this.parts.length ? 1 : 0);
      this.parts.push(paragraph.text);
      this.length = offset + paragraph.text.length;
      textLength += paragraph.text.trim().length;
      if (paragraph.heading) {
        this.heading = paragraph.text.trim();
        continue;
      }
      // A paragraph that goes on from the page before is read whole, so its first sentence keeps
      // its subject; only the figures on this page are this page's (those before were read there).
      const before = paragraph === first && carried ? joinParagraphText(carried, paragraph.text) : '';
      const text = before || paragraph.text;
      if (paragraph === first) firstText = text;
      const shift = before ? before.length - paragraph.text.length : 0;
      for (const found of extractIndicators(text, { heading: this.heading || undefined })) {
        if (found.start < shift) continue;
        const indicator = shift
          ? {
              ...found,
              start: found.start - shift,
              end: found.end - shift,
              sentence: { start: Math.max(0, found.sentence.start - shift), end: found.sentence.end - shift },
            }
          : found;
        figures.push({
          id: `p${page}-${figures.length}`,
          page,
          indicator,
          heading: this.heading,
          sentence: text.slice(found.sentence.start, found.sentence.end).trim(),
          docStart: offset + indicator.start,
          docEnd: offset + indicator.end,
          pieces: piecesOf(paragraph, indicator.start, indicator.end),
        });
      }
      yield;
    }
    const last = [...paragraphs].reverse().find((p) => !isPageMark(p));
    // A paragraph over three pages carries all it has read so far.
    this.open = last && !last.heading ? (last === first ? { ...last, text: firstText || last.text } : last) : null;
    const reading = { page, paragraphs, figures, textLength };
    this.pages.push(reading);
    return reading;
  }

  /** The text read so far (paragraphs joined by '\n'). */
  text(): string {
    return this.parts.join('\n');
  }

  /** Characters of text read so far, all pages. */
  textLength(): number {
    return this.pages.reduce((sum, p) => sum + p.textLength, 0);
  }
}
