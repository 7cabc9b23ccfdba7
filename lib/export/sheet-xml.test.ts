import { describe, expect, it } from 'vitest';
import { xmlDecode } from './read-xlsx.test-support';
import { columnLetters, displayWidth, SharedStrings, sheetXml, xmlText } from './sheet-xml';

describe('columnLetters', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
  });
});

describe('displayWidth', () => {
  it('counts CJK, full-width forms and astral characters as two columns, the rest as one', () => {
    expect(displayWidth('GDP 5%')).toBe(6);
    expect(displayWidth('国内生产总值')).toBe(12);
    expect(displayWidth('５％（）')).toBe(8);
    expect(displayWidth('𠀀a')).toBe(3);
    expect(displayWidth('')).toBe(0);
  });
});

describe('xmlText', () => {
  it('escapes markup and reads back as the same text', () => {
    const text = '<b>"甲" & \'乙\'</b>\r\n';
    expect(xmlText(text)).not.toMatch(/[<>"\r]/);
    expect(xmlDecode(xmlText(text))).toBe(text);
  });

  it('replaces what XML cannot hold by U+FFFD and keeps surrogate pairs whole', () => {
    expect(xmlText('a\u0000b\u001Fc\uFFFEd')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
    expect(xmlText('lone \uDC00 and \uD800 x')).toBe('lone \uFFFD and \uFFFD x');
    expect(xmlText('pair 𠀀')).toBe('pair 𠀀');
    expect(xmlText('tab\tand\nline')).toBe('tab\tand\nline');
  });

  it('writes the N of NS<digits>: as a reference, which the library would otherwise strip', () => {
    expect(xmlText('NS1:x NSa: N')).toBe('&#78;S1:x NSa: N');
    expect(xmlDecode(xmlText('NS12:keep'))).toBe('NS12:keep');
  });
});

describe('sheetXml', () => {
  it("cuts a cell at Excel's 32,767 characters without splitting a character", () => {
    const long = `${'a'.repeat(32_766)}𠀀tail`;
    const xml = sheetXml({ headers: ['h'], rows: [[{ kind: 'text', text: long }]], headerStyle: 1 });
    const text = xmlDecode(/<c r="A2"[^>]*><is><t>([^<]*)<\/t>/.exec(xml)?.[1] ?? '');
    expect(text).toBe('a'.repeat(32_766));
  });

  it('leaves absent numbers and empty text out, and writes -0 as 0', () => {
    const xml = sheetXml({
      headers: ['a', 'b', 'c', 'd'],
      rows: [
        [
          { kind: 'number', value: undefined },
          { kind: 'text', text: '' },
          { kind: 'number', value: -0 },
          { kind: 'number', value: Number.NaN },
        ],
      ],
      headerStyle: 1,
    });
    expect(xml).toContain('<row r="2"><c r="C2"><v>0</v></c></row>');
  });

  it('keeps leading and trailing spaces and line breaks', () => {
    const xml = sheetXml({ headers: ['h'], rows: [[{ kind: 'text', text: '  两端有空格  ' }], [{ kind: 'text', text: '一\n二' }]], headerStyle: 1 });
    expect(xml).toContain('<t xml:space="preserve">  两端有空格  </t>');
    expect(xml).toContain('<t xml:space="preserve">一\n二</t>');
  });
});

describe('SharedStrings', () => {
  it('writes each text once, cells refer to it by index, and counts uses and unique texts', () => {
    const strings = new SharedStrings();
    const xml = sheetXml({
      headers: ['名称', '网址'],
      rows: [
        [
          { kind: 'text', text: '粮食产量' },
          { kind: 'text', text: 'https://x.gov.cn/a' },
        ],
        [
          { kind: 'text', text: ' 粮食产量' },
          { kind: 'text', text: 'https://x.gov.cn/a' },
        ],
        [
          { kind: 'text', text: 'a<b & "1/3"' },
          { kind: 'number', value: 3 },
        ],
      ],
      headerStyle: 1,
      strings,
    });
    expect(xml).not.toContain('inlineStr');
    expect(xml).toContain('<c r="A1" s="1" t="s"><v>0</v></c>');
    expect(xml).toContain('<c r="B3" t="s"><v>3</v></c>'); // the URL again: the same index
    expect(strings.size).toBe(6);
    const table = strings.xml();
    expect(table).toMatch(/^<sst [^>]*count="7" uniqueCount="6">/);
    expect(table).toContain('<si><t xml:space="preserve"> 粮食产量</t></si>');
    expect(table).toContain('<si><t>a&lt;b &amp; &quot;1/3&quot;</t></si>');
  });
});
