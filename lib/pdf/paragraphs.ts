/**
 * Lines of one PDF page → paragraphs and headings. Pure.
 *
 * PDF text breaks lines mid-sentence: the lines of a paragraph are joined back (no space between
 * CJK characters, one between Latin words). A paragraph ends at a vertical gap wider than the
 * page's usual line step, at an indented line, after a short line, at a change of font size, and
 * around headings (一、… （一）… or short centred / larger lines).
 */
import { looksLikeHeading, MAX_HEADING_LENGTH } from '../extract/headings';
import { isCjk, type PdfLine } from './lines';

export interface PdfParagraph {
  text: string;
  heading: boolean;
  /** Its first line starts right of the page's left margin (a paragraph's opening indent). */
  indented: boolean;
  /** Two entries a character of `text`: item index on the page, offset in its str (-1 for made-up characters). */
  sources: number[];
}

export interface PageGeometry {
  /** Width of the page in the same units as the items. */
  width: number;
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** How the body text of a page sits: its font size, line step and margins. */
function bodyMetrics(lines: PdfLine[]) {
  const size = median(lines.map((l) => l.size)) || 12;
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const step = lines[i - 1].y - lines[i].y;
    if (step > 0 && Math.abs(lines[i].size - size) < size * 0.2) steps.push(step);
  }
  const step = median(steps) || size * 1.5;
  const body = lines.filter((l) => Math.abs(l.size - size) < size * 0.2);
  const left = median(body.map((l) => l.left));
  const right = Math.max(...body.map((l) => l.right), 0);
  return { size, step, left, right };
}

/** Page numbers (— 3 —, - 3 -, 第3页, 3/20, Page 3) are centred but name no section. */
const PAGE_NUMBER = /^(?:[-—–─\s]*\d+[-—–─\s]*|第\s*\d+\s*[页頁](?:\s*[,，]?\s*共\s*\d+\s*[页頁])?|\d+\s*\/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)$/i;

function isHeadingLine(line: PdfLine, metrics: ReturnType<typeof bodyMetrics>, page: PageGeometry): boolean {
  const text = line.text.trim();
  if (text.length === 0 || text.length > MAX_HEADING_LENGTH) return false;
  if (looksLikeHeading(text)) return true;
  if (/[。，,；;]$/.test(text) || PAGE_NUMBER.test(text)) return false;
  const bigger = line.size > metrics.size * 1.15;
  const centre = (line.left + line.right) / 2;
  const centred = page.width > 0 && Math.abs(centre - page.width / 2) < metrics.size * 2 && line.left > metrics.left + metrics.size * 2;
  return bigger || centred;
}

/** Joins line b onto text a: nothing between CJK characters, one space between Latin words. */
function joiner(a: string, b: string): string {
  const last = a[a.length - 1];
  const first = b[0];
  if (!last || !first || isCjk(last) || isCjk(first) || last === ' ' || first === ' ') return '';
  if (last === '-' && /[a-z]/.test(first)) return ''; // a word hyphenated at the line end keeps its hyphen
  return ' ';
}

export function paragraphsOf(lines: PdfLine[], page: PageGeometry): PdfParagraph[] {
  if (!lines.length) return [];
  const metrics = bodyMetrics(lines);
  const out: PdfParagraph[] = [];
  let current: PdfParagraph | null = null;
  let prev: PdfLine | null = null;
  let prevHeading = false;
  for (const line of lines) {
    const heading = isHeadingLine(line, metrics, page);
    let breaks = current === null || heading || prevHeading;
    if (!breaks && prev) {
      const gap = prev.y - line.y;
      const sizeChange = Math.abs(line.size - prev.size) > Math.max(line.size, prev.size) * 0.15;
      const indented = line.left > metrics.left + metrics.size * 1.2;
      const prevShort = prev.right < metrics.right - metrics.size * 2;
      const wideGap = gap > metrics.step * 1.4 || gap < 0; // gap < 0: a new column or text box above
      breaks = sizeChange || indented || prevShort || wideGap;
    }
    if (breaks || !current) {
      if (current) out.push(current);
      current = { text: line.text, heading, indented: line.left > metrics.left + metrics.size * 1.2, sources: [...line.sources] };
    } else {
      const sep = joiner(current.text, line.text);
      if (sep) current.sources.push(-1, -1);
      current.text += sep + line.text;
      for (const s of line.sources) current.sources.push(s);
    }
    prev = line;
    prevHeading = heading;
  }
  if (current) out.push(current);
  return out;
}

/** A page number or a bare running mark at the foot or head of a page: no part of the text. */
export function isPageMark(paragraph: PdfParagraph): boolean {
  return PAGE_NUMBER.test(paragraph.text.trim());
}

const SENTENCE_CLOSED = /[。！？!?；;：:…]["”’」』)）]*$/;

/**
 * True when `next` (the first paragraph of a page) goes on with `last` (the last of the page
 * before): `last` stops mid-sentence, and `next` is no heading and opens without an indent.
 */
export function continuesAcrossPages(last: PdfParagraph, next: PdfParagraph): boolean {
  const text = last.text.trim();
  return text.length > 0 && !last.heading && !next.heading && !next.indented && !SENTENCE_CLOSED.test(text) && next.text.trim().length > 0;
}

/** The text of two paragraphs joined as their lines are (no space between CJK characters). */
export function joinParagraphText(a: string, b: string): string {
  return a + joiner(a, b) + b;
}
