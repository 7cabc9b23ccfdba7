/**
 * Test helper: reads an .xlsx back as a spreadsheet would, independently of how it was written.
 * The zip through its central directory (node:zlib inflates), the workbook's sheets through
 * their relationships, cells with their type (`n` number, `s` shared string, `inlineStr`, `str`,
 * `b`), style and value. Throws on anything it does not understand rather than guessing.
 */
import { inflateRawSync } from 'node:zlib';

export function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('zip: no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const files = new Map<string, Uint8Array>();
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`zip: bad central directory entry ${i}`);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`zip: bad local header for ${name}`);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    const content = method === 0 ? data : method === 8 ? new Uint8Array(inflateRawSync(data)) : null;
    if (!content) throw new Error(`zip: compression method ${method} for ${name}`);
    if (content.length !== size) throw new Error(`zip: ${name} inflates to ${content.length} bytes, not ${size}`);
    files.set(name, content);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function xmlDecode(text: string): string {
  return text.replace(ENTITY, (_, dec, hex, name) => (name ? NAMED[name] : String.fromCodePoint(Number.parseInt(dec ?? hex, dec ? 10 : 16))));
}

export const attributes = (tag: string): Record<string, string> =>
  Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], xmlDecode(m[2])]));

/** The text of the `<t>` runs inside an element (rich text has several). */
const runsText = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>|<t(?:\s[^>]*)?\/>/g)].map((m) => xmlDecode(m[1] ?? '')).join('');

export interface XlsxCell {
  type: string;
  style: number;
  /** The cell's value as the spreadsheet shows it: a number for `n`, the text otherwise. */
  value: number | string;
}

export interface XlsxSheet {
  name: string;
  xml: string;
  cells: Map<string, XlsxCell>;
  /** Rows of values, '' for an absent cell, up to the last column of the header row. */
  rows: (number | string)[][];
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? '';
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

export function readXlsx(bytes: Uint8Array): { files: Map<string, string>; sheets: XlsxSheet[] } {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const files = new Map([...unzip(bytes)].map(([name, data]) => [name, utf8.decode(data)]));
  const need = (name: string) => {
    const text = files.get(name);
    if (text === undefined) throw new Error(`xlsx: no ${name}`);
    return text;
  };
  const rels = new Map(
    [...need('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\s[^>]*>/g)].map((m) => {
      const a = attributes(m[0]);
      return [a.Id, a.Target.replace(/^\/?(xl\/)?/, 'xl/')];
    }),
  );
  const shared = files.has('xl/sharedStrings.xml') ? [...need('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => runsText(m[1])) : [];
  const sheets = [...need('xl/workbook.xml').matchAll(/<sheet\s[^>]*>/g)].map((m): XlsxSheet => {
    const a = attributes(m[0]);
    const path = rels.get(a['r:id']);
    if (!path) throw new Error(`xlsx: sheet ${a.name} has no part`);
    const xml = need(path);
    const cells = new Map<string, XlsxCell>();
    for (const c of xml.matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ca = attributes(c[1]);
      const inner = c[2] ?? '';
      const type = ca.t ?? 'n';
      const v = /<v>([^<]*)<\/v>/.exec(inner)?.[1];
      let value: number | string;
      if (type === 'n') value = v === undefined ? '' : Number(v);
      else if (type === 's') value = shared[Number(v)];
      else if (type === 'inlineStr') value = runsText(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? '');
      else value = xmlDecode(v ?? '');
      if (value === undefined) throw new Error(`xlsx: cell ${ca.r} points past the shared strings`);
      cells.set(ca.r, { type, style: Number(ca.s ?? 0), value });
    }
    const width = Math.max(0, ...[...cells.keys()].filter((r) => /^[A-Z]+1$/.test(r)).map((r) => columnIndex(r) + 1));
    const rows: (number | string)[][] = [];
    for (const [ref, cell] of cells) {
      const r = Number(/\d+$/.exec(ref)?.[0]) - 1;
      while (rows.length <= r) rows.push(Array.from({ length: width }, () => ''));
      rows[r][columnIndex(ref)] = cell.value;
    }
    return { name: a.name, xml, cells, rows };
  });
  return { files, sheets };
}
