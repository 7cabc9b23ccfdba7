/**
 * A manual clip: the reader selected text in which the extractor reads no figure and asked to clip
 * it (context menu or keyboard command). The clip keeps the selection as written, anchored in the
 * page's main text like any other clip (so it is found again after a reload), with the value,
 * unit and dimension guessed by parseQuantity where a number is readable; the reader completes or
 * corrects it in the side panel. With no readable number the clip has its text and no value.
 */
import { parseQuantity, parseUnitHeader, type UnitHeader } from '../extract/quantity';
import { type Clip, ClipSchema, type ClippedIndicator, clipId } from '../model/clip';
import type { PageInfo } from '../model/page';
import { anchorFor } from './anchor';
import type { MainTextIndex } from './main-text';

/** A selection's place in the main text: [start, end), whitespace at either end left out. */
export interface MainTextSpan {
  start: number;
  end: number;
}

export type BuiltManualClip =
  | { ok: true; clip: Clip }
  | { ok: false; code: 'manual.error.notInText' | 'page.error.urlTooLong' | 'page.error.incomplete'; detail?: string };

const MAX_TEXT = 200;
const MAX_LABEL = 40;
/** What separates a label from its number and is not part of either. */
const LABEL_TRIM = /^[\s:：,，、;；。（(）)"“”'‘’]+|[\s:：,，、;；。（(）)"“”'‘’为是达到约]+$/g;

/** The main-text span of `range` (any DOM range, across elements), or null when none of it is main text. */
export function mainTextSpanOf(range: Range, index: MainTextIndex): MainTextSpan | null {
  const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
  const root = range.commonAncestorContainer;
  let start = -1;
  let end = -1;
  const visit = (node: Text) => {
    if (!range.intersectsNode(node)) return;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.data.length;
    for (let i = from; i < to; i++) {
      const at = index.locate(node, i);
      if (at === -1) continue;
      if (start === -1 || at < start) start = at;
      if (at + 1 > end) end = at + 1;
    }
  };
  if (root.nodeType === 3) visit(root as Text);
  else {
    const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) visit(node as Text);
  }
  if (start === -1) return null;
  const text = index.text;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

/** The block (paragraph, cell, line) of the main text around `at`, as the clip's sentence. */
function blockAround(text: string, at: number): string {
  const from = text.lastIndexOf('\n', at - 1) + 1;
  const to = text.indexOf('\n', at);
  return text.slice(from, to === -1 ? text.length : to).trim();
}

/**
 * The unit a table states for a bare number in one of its cells: the cell's column header, the
 * table's caption, or the line just before the table (单位：亿元). Null outside a table.
 */
export function tableUnitOf(node: Node): UnitHeader | null {
  const start = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const cell = start?.closest('td, th');
  const table = cell?.closest('table');
  if (!cell || !table) return null;
  const texts: string[] = [];
  const column = (cell as HTMLTableCellElement).cellIndex;
  const firstRow = table.querySelector('tr');
  if (firstRow && firstRow !== cell.parentElement && column >= 0) texts.push(firstRow.children[column]?.textContent ?? '');
  texts.push(table.querySelector('caption')?.textContent ?? '', table.previousElementSibling?.textContent ?? '');
  for (const text of texts) {
    const unit = text.length <= 200 ? parseUnitHeader(text) : null;
    if (unit) return unit;
  }
  return null;
}

/**
 * The figure read from the selection's text: the first readable number with its unit, or none. A
 * bare number takes the unit its table states (`header`), as the extractor reads table cells.
 */
export function manualIndicator(quote: string, header: UnitHeader | null = null): ClippedIndicator {
  const text = quote.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
  const found = parseQuantity(text);
  if (!found) return { text, unit: '', dimension: 'other', role: 'unknown', label: '' };
  const label = text.slice(0, found.start).replace(LABEL_TRIM, '');
  const bare = found.unit === '' && found.dimension === 'other' && header !== null;
  return {
    text,
    // 1.1 × 1e8 is 110000000.00000001 in floating point: kept to the digits a table can state.
    value: bare ? Number((found.value * header.scale).toPrecision(12)) : found.value,
    unit: bare ? header.unit : found.unit,
    dimension: bare ? header.dimension : found.dimension,
    ...(found.qualifier ? { qualifier: found.qualifier } : {}),
    role: 'unknown',
    label: label.length <= MAX_LABEL ? label : '',
  };
}

/** The manual clip of main text [span.start, span.end) on `page`, checked against ClipSchema. */
export function buildManualClip(
  span: MainTextSpan,
  mainText: string,
  page: PageInfo,
  section: string,
  clippedAt: Date,
  header: UnitHeader | null = null,
): BuiltManualClip {
  if (page.url.length > 4096) return { ok: false, code: 'page.error.urlTooLong' };
  if (span.end <= span.start || span.start < 0 || span.end > mainText.length) return { ok: false, code: 'manual.error.notInText' };
  const anchor = anchorFor(mainText, span.start, span.end);
  const candidate: Clip = {
    id: clipId(page.url, anchor),
    url: page.url,
    title: page.title.slice(0, 1000),
    site: page.site.slice(0, 255),
    section: section.slice(0, 500),
    indicator: manualIndicator(anchor.exact, header),
    sentence: blockAround(mainText, span.start).slice(0, 4000),
    anchor,
    clippedAt: clippedAt.toISOString(),
    source: 'manual',
  };
  const checked = ClipSchema.safeParse(candidate);
  if (!checked.success) return { ok: false, code: 'page.error.incomplete', detail: checked.error.issues[0]?.path.join('.') ?? '?' };
  return { ok: true, clip: checked.data };
}
