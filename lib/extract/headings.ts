/**
 * Section headings (一、… （一）… 第一章…): one recogniser for the extractor, which tracks the
 * headings of a page given as text, and for the page code, which tracks them block by block.
 */

const NUMERAL = '[一二三四五六七八九十百零〇壹贰貳叁參肆伍陆陸柒捌玖拾]';
/** 一、… （一）… (一)… 第一章… 第三部分… 第一、… (also with Arabic numerals for 第). Anchored: no backtracking. */
const HEADING_MARKER = new RegExp(`^(?:${NUMERAL}+[、.．]|[（(]${NUMERAL}+[)）]|第(?:${NUMERAL}+|\\d+)[章节節部篇编編条條]|第${NUMERAL}+、)`);
export const MAX_HEADING_LENGTH = 40;

/** True for text that reads as a numbered section heading: short, marker first, no sentence after it. */
export function looksLikeHeading(text: string): boolean {
  const t = text.trim();
  if (t.length < 2 || t.length > MAX_HEADING_LENGTH || !HEADING_MARKER.test(t)) return false;
  // A final 。 is allowed only on a very short, single-sentence heading (一、2023年工作回顾。).
  const stops = (t.match(/[。！？!?；;]/g) ?? []).length;
  if (stops === 0) return true;
  return stops === 1 && /[。]$/.test(t) && t.length <= 30;
}

/** Starts with a section marker, whatever follows (counted by page detection). */
export function startsWithSectionMarker(text: string): boolean {
  return HEADING_MARKER.test(text.trim());
}

/** Does view[start, end) look like a section heading? (Bounded: a long stretch is never sliced.) */
export function isHeadingLine(view: string, start: number, end: number): boolean {
  if (end - start < 2) return false;
  let s = start;
  for (; s < end; s++) {
    const c = view.charCodeAt(s); // by code unit: this runs for every sentence
    if (c !== 0x20 && c !== 0x3000 && c !== 0x09) break;
  }
  if (end - s < 2 || end - s > MAX_HEADING_LENGTH + 2) return false;
  return looksLikeHeading(view.slice(s, end));
}

/**
 * The level of a heading by its marker: 0 for 第一章 / 第二部分, 1 for 一、, 2 for (一); deeper
 * headings inherit what their parent says where they say nothing themselves.
 */
export function headingLevel(text: string): number {
  const t = text.trim();
  if (t.startsWith('第')) return /^第[^、]{1,4}、/.test(t) ? 1 : 0;
  if (t.startsWith('(') || t.startsWith('（')) return 2;
  return 1;
}
