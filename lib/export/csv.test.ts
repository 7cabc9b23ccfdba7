import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvColumn, csvBlob, literalColumn, numberCell, numberColumn, plainDecimal, readsAsNumberOrDate, textCell, textColumn, toCsv } from './csv';
import { parseCsv } from './parse-csv.test-support';

interface Row {
  name: string | undefined;
  amount: number | null | undefined;
}
const columns: CsvColumn<Row>[] = [textColumn('name', (r) => r.name), numberColumn('amount', (r) => r.amount)];

const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

describe('toCsv', () => {
  it('starts with a BOM, has a header row, and ends every line with CRLF', () => {
    const csv = toCsv(columns, [
      { name: '粮食产量', amount: 1.3e12 },
      { name: '', amount: undefined },
    ]);
    expect(csv).toBe('\uFEFFname,amount\r\n粮食产量,1300000000000\r\n,\r\n');
  });

  it('writes only the header for no rows', () => {
    expect(toCsv(columns, [])).toBe('\uFEFFname,amount\r\n');
  });

  it('quotes cells holding a quote, comma, CR or LF, doubling the quotes, and leaves others bare', () => {
    const rows = [
      { name: '他说"稳中求进"', amount: 1 },
      { name: '一、二,三', amount: 2 },
      { name: '第一行\n第二行', amount: 3 },
      { name: '回车\r在中间', amount: 4 },
      { name: '全角，逗号不必引', amount: 5 },
    ];
    const lines = toCsv(columns, rows).slice(1).split('\r\n');
    expect(lines.slice(1, -1)).toEqual(['"他说""稳中求进""",1', '"一、二,三",2', '"第一行\n第二行",3', '"回车\r在中间",4', '全角，逗号不必引,5']);
    expect(
      parseCsv(toCsv(columns, rows).slice(1))
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(rows.map((r) => r.name));
  });
});

describe('text cells that a spreadsheet would run as formulas', () => {
  it.each(FORMULA_STARTS)('neutralises a cell starting with %j by prefixing a single quote', (start) => {
    const cell = textCell(`${start}1+2`);
    const [[read]] = parseCsv(`${cell}\r\n`);
    expect(read).toBe(`'${start}1+2`);
  });

  it('neutralises a hostile formula and still quotes it correctly', () => {
    expect(textCell('=HYPERLINK("http://evil.example","点此")')).toBe('"\'=HYPERLINK(""http://evil.example"",""点此"")"');
    expect(textCell('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(textCell('－3个百分点')).toBe("'－3个百分点");
  });

  it('leaves text that only contains those characters later alone', () => {
    expect(textCell('增长5-6%')).toBe('增长5-6%');
    expect(textCell('a=b')).toBe('a=b');
    expect(textCell(' =1')).toBe(' =1');
  });

  it('keeps negative numbers as numbers, not neutralised text', () => {
    const csv = toCsv(columns, [{ name: '-2.5', amount: -2.5 }]);
    expect(csv.split('\r\n')[1]).toBe("'-2.5,-2.5");
  });
});

describe('number cells', () => {
  it.each([
    [79500000000, '79500000000'],
    [7.95e10, '79500000000'],
    [0.5, '0.5'],
    [-3.2, '-3.2'],
    [1e21, '1000000000000000000000'],
    [1.2345e22, '12345000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-4e-9, '-0.000000004'],
    [-0, '0'],
  ])('writes %s as %s', (value, expected) => {
    expect(numberCell(value)).toBe(expected);
  });

  it.each([undefined, null, Number.NaN, Number.POSITIVE_INFINITY])('leaves %s empty', (value) => {
    expect(numberCell(value)).toBe('');
  });

  it('writes any finite number as a plain decimal that reads back as the same number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = plainDecimal(value);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(value === 0 ? 0 : value);
      }),
    );
  });
});

describe('round trip', () => {
  it('reads back every text exactly, with a quote added only before a formula start', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom(...FORMULA_STARTS).chain((s) => fc.string().map((t) => s + t)),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ name: text, amount: fc.option(fc.integer(), { nil: undefined }) })), (rows) => {
        const csv = toCsv(columns, rows);
        expect(csv.startsWith('\uFEFF')).toBe(true);
        const read = parseCsv(csv.slice(1));
        expect(read[0]).toEqual(['name', 'amount']);
        expect(read.slice(1)).toEqual(
          rows.map((r) => [FORMULA_STARTS.includes(r.name[0]) ? `'${r.name}` : r.name, r.amount === undefined ? '' : String(r.amount)]),
        );
      }),
    );
    // Property runs take seconds when the machine's two cores are shared; the time is not the point.
  }, 30_000);

  it('reads back literal text exactly, marked only where a spreadsheet would not keep it as text', () => {
    const literal: CsvColumn<{ text: string }>[] = [literalColumn('text', (r) => r.text)];
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.stringMatching(/^[0-9/\-.:,%e ]{1,12}$/),
      fc.constantFrom(...FORMULA_STARTS).chain((s) => fc.string().map((t) => s + t)),
    );
    fc.assert(
      fc.property(fc.array(text), (texts) => {
        const read = parseCsv(
          toCsv(
            literal,
            texts.map((t) => ({ text: t })),
          ).slice(1),
        )
          .slice(1)
          .map((r) => r[0]);
        expect(read).toEqual(texts.map((t) => (FORMULA_STARTS.includes(t[0]) || readsAsNumberOrDate(t) ? `'${t}` : t)));
      }),
    );
  }, 30_000);

  it('marks every number and date a spreadsheet would convert, however it is written', () => {
    const written = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.integer({ min: 0, max: 99999 }).map((n) => String(n).padStart(6, '0')),
      fc
        .date({ min: new Date(1900, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true })
        .chain((d) =>
          fc.constantFrom(
            `${d.getFullYear()}-${d.getMonth() + 1}`,
            `${d.getMonth() + 1}/${d.getDate()}`,
            `${d.getDate()}-${d.getMonth() + 1}`,
            `${d.getFullYear()}/${d.getMonth() + 1}/${d.getDate()}`,
            `${d.getFullYear()}年${d.getMonth() + 1}月`,
            `${d.getMonth() + 1}月${d.getDate()}日`,
            `${d.getHours()}:${String(d.getMinutes()).padStart(2, '0')}`,
            d.toDateString().slice(4),
          ),
        ),
      fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`),
    );
    fc.assert(
      fc.property(written, (text) => {
        expect(readsAsNumberOrDate(text)).toBe(true);
      }),
    );
    expect(readsAsNumberOrDate('国内生产总值增长5%')).toBe(false);
    expect(readsAsNumberOrDate('')).toBe(false);
  });
});

describe('bytes', () => {
  it('encodes as UTF-8 with the BOM bytes first', async () => {
    const csv = toCsv(columns, [{ name: '单位：亿元', amount: 1 }]);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(csv);
    const blob = csvBlob(csv);
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
  });
});
