/** Test helper: text items laid out as a PDF printer lays them out (page units, y upwards). */
import type { PdfTextItem } from './lines';

export const PAGE_WIDTH = 595;
export const SIZE = 12;

/** One item a string, each character SIZE wide (CJK) or SIZE/2 (Latin and digits), plus `gap` after each. */
export function run(str: string, x: number, y: number, options: { size?: number; gap?: number; perChar?: boolean; eol?: boolean } = {}): PdfTextItem[] {
  const size = options.size ?? SIZE;
  const widthOf = (ch: string) => (/[\x20-\x7e]/.test(ch) ? size / 2 : size);
  if (!options.perChar) {
    const width = [...str].reduce((w, ch) => w + widthOf(ch), 0);
    return [{ str, x, y, width, size, hasEOL: options.eol ?? true }];
  }
  const items: PdfTextItem[] = [];
  let at = x;
  for (const ch of str) {
    items.push({ str: ch, x: at, y, width: widthOf(ch), size, hasEOL: false });
    at += widthOf(ch) + (options.gap ?? 0);
  }
  if (options.eol ?? true) items.push({ str: '', x: at, y, width: 0, size, hasEOL: true });
  return items;
}
