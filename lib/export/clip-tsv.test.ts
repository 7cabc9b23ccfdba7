import { beforeAll, describe, expect, it } from 'vitest';
import { sampleClip } from '../model/sample-clip.test-support';
import { rowsToTsv } from './clip-tsv';
import { clipWith, TEST_HEADERS, testRoleName } from './test-support';

const columns = ['label', 'value', 'unit', 'role', 'text', 'sentence', 'clippedAt'] as const;
const options = { headers: TEST_HEADERS, roleName: testRoleName, columns };
const cells = (tsv: string) => {
  expect(tsv.endsWith('\r\n')).toBe(true);
  return tsv
    .slice(0, -2)
    .split('\r\n')
    .map((line) => line.split('\t'));
};

beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
});

describe('rowsToTsv', () => {
  it('writes a header row and one line per clip, one cell per column, as Excel pastes them', () => {
    const tsv = rowsToTsv([sampleClip(), clipWith({ exact: '795亿元' }, { value: 79_500_000_000, unit: '元', role: 'actual' })], options);
    expect(cells(tsv)).toEqual([
      ['指标', '数值', '单位', '类型', '原文数字', '句子', '摘录时间'],
      ['国内生产总值增长', '5', '%', '目标', "'5%", '国内生产总值增长5%左右；城镇新增就业1200万人以上。', '2024-03-05T09:00:00+08:00'],
      ['国内生产总值增长', '79500000000', '元', '实际', '795亿元', '国内生产总值增长5%左右；城镇新增就业1200万人以上。', '2024-03-05T09:00:00+08:00'],
    ]);
  });

  it('leaves the header out when asked, and writes nothing for nothing', () => {
    expect(cells(rowsToTsv([sampleClip()], { ...options, includeHeader: false }))).toHaveLength(1);
    expect(rowsToTsv([], { ...options, includeHeader: false })).toBe('');
  });

  it('turns tabs and line breaks inside a cell into spaces, so every cell stays in its place', () => {
    const clip = sampleClip({ sentence: '第一行\n第二行\r\n第三\t列\u2028完', label: '指\t标' });
    const [, row] = cells(rowsToTsv([clip], options));
    expect(row).toHaveLength(columns.length);
    expect(row[0]).toBe('指 标');
    expect(row[5]).toBe('第一行 第二行  第三 列 完');
  });

  it('keeps formulas, dates and numbers written as text from being read as such on paste', () => {
    const clip = clipWith({ exact: '1/3', sentence: '=HYPERLINK("http://evil.example","点此")', label: '"稳中求进"的目标' });
    const [, row] = cells(rowsToTsv([clip], options));
    expect(row[4]).toBe("'1/3");
    expect(row[5]).toBe('\'=HYPERLINK("http://evil.example","点此")');
    // A leading quote would open a quoted field on paste: the cell is quoted, its quotes doubled.
    expect(row[0]).toBe('"""稳中求进""的目标"');
  });
});
