import { beforeAll, describe, expect, it } from 'vitest';
import { sampleClip } from '../model/sample-clip.test-support';
import { CLIP_COLUMN_IDS } from './clip-columns';
import { clipsToCsv } from './clip-csv';
import { parseCsv } from './parse-csv.test-support';
import { clipWith, TEST_HEADERS, testRoleName } from './test-support';

const options = { headers: TEST_HEADERS, roleName: testRoleName };
const read = (csv: string) => {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return parseCsv(csv.slice(1));
};
/** Rows as objects keyed by column id, to assert one field without counting columns. */
const readRows = (csv: string) =>
  read(csv)
    .slice(1)
    .map((row) => Object.fromEntries(CLIP_COLUMN_IDS.map((id, i) => [id, row[i]])));

beforeAll(() => {
  // Beijing: the reader the times are written for (checked below, so a wrong zone fails loudly).
  process.env.TZ = 'Asia/Shanghai';
});

describe('clipsToCsv', () => {
  it("writes the caller's headers and one row per clip, every field in its column, times in local time", () => {
    expect(new Date('2024-03-05T01:00:00.000Z').getTimezoneOffset()).toBe(-480);
    const growth = sampleClip();
    const range = clipWith(
      { exact: '3—5年', prefix: '用', suffix: '时间', label: '', sentence: '用3—5年时间，基本完成改造。', clippedAt: '2024-03-05T17:30:09.123Z' },
      { value: 3, unit: '年', dimension: 'duration', qualifier: undefined, valueMax: 5, role: 'target' },
    );
    const change = clipWith(
      { exact: '95%', prefix: '由55%提高到', suffix: '。', label: '覆盖率' },
      { value: 95, from: 55, qualifier: undefined, role: 'actual' },
    );

    const [header, ...rows] = read(clipsToCsv([growth, range, change], options));
    expect(header).toEqual([
      '页面标题',
      '网址',
      '章节',
      '指标',
      '数值',
      '单位',
      '量纲',
      '限定',
      '上限',
      '原值',
      '类型',
      '原文数字',
      '句子',
      '摘录时间',
      '备注',
      '标签',
      '原指标',
      '原类型',
      '原数值',
      '原单位',
      '原量纲',
      '已修改',
    ]);
    const page = ['2024年政府工作报告', 'https://www.gov.cn/gongbao/2024/content_1.htm', '二、2024年经济社会发展总体要求和政策取向'];
    const notEdited = ['', '', '', '', '', '', '', ''];
    expect(rows).toEqual([
      [
        ...page,
        '国内生产总值增长',
        '5',
        '%',
        'percent',
        '~',
        '',
        '',
        '目标',
        "'5%",
        '国内生产总值增长5%左右；城镇新增就业1200万人以上。',
        '2024-03-05T09:00:00+08:00',
        ...notEdited,
      ],
      [...page, '', '3', '年', 'duration', '', '5', '', '目标', '3—5年', '用3—5年时间，基本完成改造。', '2024-03-06T01:30:09+08:00', ...notEdited],
      [
        ...page,
        '覆盖率',
        '95',
        '%',
        'percent',
        '',
        '',
        '55',
        '实际',
        "'95%",
        '国内生产总值增长5%左右；城镇新增就业1200万人以上。',
        '2024-03-05T09:00:00+08:00',
        ...notEdited,
      ],
    ]);
  });

  it.each([
    ['1/3', "'1/3"],
    ['3-5', "'3-5"],
    ['2024-01', "'2024-01"],
    ['1e5', "'1e5"],
    ['00123', "'00123"],
    ['12:30', "'12:30"],
    ['5%', "'5%"],
    ['(100)', "'(100)"],
    ['1,200', "'1,200"],
    ['¥3.5', "'¥3.5"],
    ['１/３', "'１/３"],
    ['2024年1月', "'2024年1月"],
    ['3月5日', "'3月5日"],
    ['Jan-5', "'Jan-5"],
    ['5 March 2024', "'5 March 2024"],
    ['TRUE', "'TRUE"],
    ['-0.2%', "'-0.2%"],
    ['=1/3', "'=1/3"],
    ['１.３万亿斤', '１.３万亿斤'],
    ['3—5年', '3—5年'],
    ['5%左右', '5%左右'],
    ['第3季度', '第3季度'],
    ['March madness', 'March madness'],
    ['e', 'e'],
  ])('keeps the figure as written %j as text in a spreadsheet: reads back as %j', (written, expected) => {
    const clip = clipWith({ exact: written }, {}, { note: written, tags: [written] });
    const [row] = readRows(clipsToCsv([clip], options));
    expect(row.text).toBe(expected);
    // Every text column gets the same treatment: a note or a tag is page text too.
    expect(row.note).toBe(expected);
    expect(row.tags).toBe(expected);
    expect(row.value).toBe('5');
  });

  it("writes the user's values in the main columns and the extractor's in the original columns", () => {
    const clip = sampleClip();
    const edited = {
      ...clip,
      indicator: { ...clip.indicator, label: 'GDP增速', value: 5.2, role: 'actual' as const },
      original: clip.indicator,
      edited: ['label', 'value', 'role'],
      note: '核对过：见统计公报',
      tags: ['经济', '2024'],
    };
    const [row] = readRows(
      clipsToCsv([edited], { ...options, fieldName: (f) => ({ label: '指标', value: '数值', role: '类型' })[f] ?? f, listSeparator: '、' }),
    );
    expect(row).toMatchObject({
      label: 'GDP增速',
      value: '5.2',
      role: '实际',
      text: "'5%",
      originalLabel: '国内生产总值增长',
      originalValue: '5',
      originalRole: '目标',
      originalUnit: '%',
      originalDimension: 'percent',
      edited: '指标、数值、类型',
      note: '核对过：见统计公报',
      tags: '经济、2024',
    });
  });

  it('writes the columns asked for, in that order, and times in the offset given', () => {
    const csv = clipsToCsv([sampleClip({ clippedAt: '2026-11-29T08:45:00.000Z' })], {
      ...options,
      columns: ['clippedAt', 'value', 'label'],
      utcOffset: -300,
    });
    expect(read(csv)).toEqual([
      ['摘录时间', '数值', '指标'],
      ['2026-11-29T03:45:00-05:00', '5', '国内生产总值增长'],
    ]);
  });

  it('writes large values as plain numbers and neutralises hostile page text', () => {
    const clip = sampleClip({ exact: '795亿元', value: 79_500_000_000, title: '=cmd|" /C calc"!A0', sentence: '+预算"内"投资795亿元' });
    const line = clipsToCsv([clip], options).split('\r\n')[1];
    expect(line).toContain(',79500000000,');
    expect(line.startsWith('"\'=cmd|"" /C calc""!A0",')).toBe(true);
    expect(line).toContain(',"\'+预算""内""投资795亿元",');
  });

  it('writes only the header when there are no clips; without headers, the column ids', () => {
    expect(clipsToCsv([], options)).toBe(`\uFEFF${Object.values(TEST_HEADERS).join(',')}\r\n`);
    expect(clipsToCsv([])).toBe(`\uFEFF${CLIP_COLUMN_IDS.join(',')}\r\n`);
  });
});
