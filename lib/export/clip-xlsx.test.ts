import { beforeAll, describe, expect, it } from 'vitest';
import { sampleClip } from '../model/sample-clip.test-support';
import { CLIP_COLUMN_IDS, type ExportClip } from './clip-columns';
import { clipsToXlsx, type XlsxOptions, xlsxBlob, XLSX_MIME } from './clip-xlsx';
import { attributes, readXlsx } from './read-xlsx.test-support';
import { clipWith, TEST_HEADERS, testRoleName } from './test-support';

const options: XlsxOptions = {
  headers: TEST_HEADERS,
  roleName: testRoleName,
  pageHeaders: { pageTitle: '标题', url: '网址', clipCount: '摘录数', lastClippedAt: '最后摘录' },
  sheetNames: { clips: '指标', pages: '页面' },
};
const col = (id: (typeof CLIP_COLUMN_IDS)[number]) => CLIP_COLUMN_IDS.indexOf(id);
const letter = (id: (typeof CLIP_COLUMN_IDS)[number]) => String.fromCharCode(65 + col(id));

beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
});

/** Whether cell style `s` of the workbook sets a bold font. */
function isBold(files: Map<string, string>, style: number): boolean {
  const styles = files.get('xl/styles.xml') ?? '';
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const xf = [...xfs.matchAll(/<xf\b[^>]*>/g)][style]?.[0];
  if (!xf) throw new Error(`no cell style ${style}`);
  const fonts = [...(/<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1] ?? '').matchAll(/<font\/>|<font>([\s\S]*?)<\/font>/g)];
  const font = fonts[Number(attributes(xf).fontId ?? 0)];
  return /<b\/>|<b val="(1|true)"\/>/.test(font?.[1] ?? '');
}

describe('clipsToXlsx', () => {
  it('writes numbers as numeric cells and text as text cells, the figure as written exactly as written', async () => {
    const clips = [
      clipWith({ exact: '1/3', label: '完成进度' }, { value: 1 / 3, unit: '', dimension: 'ratio', qualifier: undefined }),
      clipWith({ exact: '795亿元' }, { value: 79_500_000_000, unit: '元', dimension: 'money', from: 700_0000_0000 }),
      clipWith({ exact: '3-5' }, { value: 3, valueMax: 5, unit: '', qualifier: undefined }),
    ];
    const { sheets } = readXlsx(await clipsToXlsx(clips, [], options));
    const [figures] = sheets;
    expect(figures.name).toBe('指标');
    expect(figures.rows[0]).toEqual(Object.values(TEST_HEADERS));
    expect(figures.rows).toHaveLength(4);

    const cell = (id: (typeof CLIP_COLUMN_IDS)[number], row: number) => figures.cells.get(`${letter(id)}${row}`);
    expect(cell('text', 2)).toMatchObject({ type: expect.stringMatching(/^(inlineStr|s|str)$/), value: '1/3' });
    expect(cell('text', 4)).toMatchObject({ type: expect.stringMatching(/^(inlineStr|s|str)$/), value: '3-5' });
    expect(cell('value', 2)).toEqual({ type: 'n', style: 0, value: 1 / 3 });
    expect(cell('value', 3)).toEqual({ type: 'n', style: 0, value: 79_500_000_000 });
    expect(cell('from', 3)).toEqual({ type: 'n', style: 0, value: 70_000_000_000 });
    expect(cell('valueMax', 4)).toEqual({ type: 'n', style: 0, value: 5 });
    expect(cell('valueMax', 2)).toBeUndefined();
    expect(cell('label', 2)?.value).toBe('完成进度');
    expect(cell('role', 2)?.value).toBe('目标');
    expect(cell('clippedAt', 2)?.value).toBe('2024-03-05T09:00:00+08:00');
  });

  it('makes the header row bold and frozen, and sizes the columns to their content', async () => {
    const { sheets, files } = readXlsx(await clipsToXlsx([sampleClip(), clipWith({ exact: '12%' }, { value: 12 })], [], options));
    for (const sheet of sheets) {
      const headerCells = [...sheet.cells].filter(([ref]) => /^[A-Z]+1$/.test(ref));
      expect(headerCells.length).toBeGreaterThan(0);
      for (const [, cell] of headerCells) expect(isBold(files, cell.style)).toBe(true);
      for (const [ref, cell] of sheet.cells) if (!/^[A-Z]+1$/.test(ref)) expect(isBold(files, cell.style)).toBe(false);

      const pane = /<pane\s[^>]*>/.exec(sheet.xml)?.[0] ?? '';
      expect(attributes(pane)).toMatchObject({ ySplit: '1', topLeftCell: 'A2', state: 'frozen' });
      expect(attributes(pane).xSplit ?? '0').toBe('0');
    }
    // Strict readers (openpyxl) refuse an empty <fill/> or <font/>, which the library writes by default.
    expect(files.get('xl/styles.xml')).not.toMatch(/<fill\/>|<font\/>/);
    const widths = [...sheets[0].xml.matchAll(/<col\s[^>]*>/g)].map((m) => Number(attributes(m[0]).width));
    expect(widths).toHaveLength(CLIP_COLUMN_IDS.length);
    for (const w of widths) expect(w).toBeGreaterThanOrEqual(6);
    for (const w of widths) expect(w).toBeLessThanOrEqual(60);
    // The sentence (26 CJK characters, 52 columns wide) gets more room than the unit '%'.
    expect(widths[col('sentence')]).toBeGreaterThan(50);
    expect(widths[col('unit')]).toBeLessThan(widths[col('label')]);
  });

  it('lists the pages on a second sheet: title, URL, clip count and last clip in local time', async () => {
    const a = 'https://www.gov.cn/a.htm';
    const b = 'https://www.gov.cn/b.htm';
    const clips = [
      sampleClip({ url: a, title: '甲', exact: '1%', clippedAt: '2026-11-29T08:45:00.000Z' }),
      sampleClip({ url: b, title: '乙', exact: '2%', clippedAt: '2026-11-28T01:00:00.000Z' }),
      sampleClip({ url: a, title: '甲', exact: '3%', clippedAt: '2026-11-27T01:00:00.000Z' }),
    ];
    // The pages given supply titles and order; a page with none of these clips is left out.
    const pages = [
      { url: b, title: '乙（新标题）' },
      { url: 'https://www.gov.cn/none.htm', title: '无' },
    ];
    const { sheets } = readXlsx(await clipsToXlsx(clips, pages, options));
    expect(sheets.map((s) => s.name)).toEqual(['指标', '页面']);
    expect(sheets[1].rows).toEqual([
      ['标题', '网址', '摘录数', '最后摘录'],
      ['乙（新标题）', b, 1, '2026-11-28T09:00:00+08:00'],
      ['甲', a, 2, '2026-11-29T16:45:00+08:00'],
    ]);
    expect(sheets[1].cells.get('C3')?.type).toBe('n');
  });

  it("writes the user's values and keeps the extractor's in their own columns", async () => {
    const clip = sampleClip();
    const edited: ExportClip = {
      ...clip,
      indicator: { ...clip.indicator, value: 5.2, unit: '％', label: 'GDP增速' },
      original: clip.indicator,
      edited: ['value', 'unit', 'label'],
      tags: ['经济', '2024'],
      note: '见统计公报',
    };
    const { sheets } = readXlsx(await clipsToXlsx([edited, sampleClip()], [], options));
    const [, editedRow, plainRow] = sheets[0].rows;
    expect(editedRow[col('value')]).toBe(5.2);
    expect(editedRow[col('label')]).toBe('GDP增速');
    expect(editedRow[col('originalValue')]).toBe(5);
    expect(editedRow[col('originalLabel')]).toBe('国内生产总值增长');
    expect(editedRow[col('originalUnit')]).toBe('%');
    expect(editedRow[col('edited')]).toBe('value; unit; label');
    expect(editedRow[col('tags')]).toBe('经济; 2024');
    expect(plainRow[col('originalValue')]).toBe('');
    expect(plainRow[col('edited')]).toBe('');
  });

  it('keeps hostile or odd page text as text, and the file still reads', async () => {
    const odd = [
      '=HYPERLINK("http://evil.example","点此")',
      '<script>alert(1)</script> & "quotes"',
      'NS1:keep xmlns="" too',
      'line one\r\nline two',
      '  padded  ',
    ];
    const clips = odd.map((sentence, i) => sampleClip({ sentence, exact: `${i}%` }));
    const control = sampleClip({ sentence: 'bell\u0007 and a lone \uD800 surrogate', exact: '9%' });
    const { sheets } = readXlsx(await clipsToXlsx([...clips, control], [], options));
    const sentences = sheets[0].rows.slice(1).map((row) => row[col('sentence')]);
    expect(sentences).toEqual([...odd, 'bell\uFFFD and a lone \uFFFD surrogate']);
    expect(sheets[0].cells.get(`${letter('sentence')}2`)?.type).not.toBe('str');
  });

  it('writes the header alone for no clips, and cleans sheet names Excel would refuse', async () => {
    const { sheets } = readXlsx(await clipsToXlsx([], [], { ...options, sheetNames: { clips: 'a/b:c*d?[e]', pages: 'A/B:C*D?[E]' } }));
    expect(sheets.map((s) => s.name)).toEqual(['a b c d  e', 'A B C D  E_2']);
    expect(sheets[0].rows).toEqual([Object.values(TEST_HEADERS)]);
    expect(sheets[1].rows).toEqual([['标题', '网址', '摘录数', '最后摘录']]);
  });

  it('offers the bytes as an xlsx Blob', async () => {
    const bytes = await clipsToXlsx([sampleClip()], [], options);
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const blob = xlsxBlob(bytes);
    expect(blob.type).toBe(XLSX_MIME);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
  });
});
