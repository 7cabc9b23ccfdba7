import { describe, expect, it } from 'vitest';
import { sampleClip } from '../store/sample-clip';
import { clipsToCsv } from './clip-csv';
import { parseCsv } from './parse-csv';

const HEADER = [
  'page title', 'URL', 'section', 'label', 'value', 'unit', 'dimension', 'qualifier', 'value max', 'from', 'role',
  'figure as written', 'sentence', 'clipped at',
];

describe('clipsToCsv', () => {
  it('writes the header and one row per clip, every field in its column', () => {
    const growth = sampleClip();
    const range = sampleClip({ exact: '3—5年', prefix: '用', suffix: '时间', value: 3, label: '', sentence: '用3—5年时间，基本完成改造。' });
    range.indicator = { ...range.indicator, unit: '年', dimension: 'duration', qualifier: undefined, valueMax: 5, role: 'target' };
    const change = sampleClip({ exact: '95%', prefix: '由55%提高到', suffix: '。', value: 95, label: '覆盖率' });
    change.indicator = { ...change.indicator, from: 55, qualifier: undefined, role: 'actual' };

    const csv = clipsToCsv([growth, range, change]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header).toEqual(HEADER);
    expect(rows).toEqual([
      [
        '2024年政府工作报告', 'https://www.gov.cn/gongbao/2024/content_1.htm', '二、2024年经济社会发展总体要求和政策取向',
        '国内生产总值增长', '5', '%', 'percent', '~', '', '', 'target', '5%',
        '国内生产总值增长5%左右；城镇新增就业1200万人以上。', '2024-03-05T01:00:00.000Z',
      ],
      [
        '2024年政府工作报告', 'https://www.gov.cn/gongbao/2024/content_1.htm', '二、2024年经济社会发展总体要求和政策取向',
        '', '3', '年', 'duration', '', '5', '', 'target', '3—5年', '用3—5年时间，基本完成改造。', '2024-03-05T01:00:00.000Z',
      ],
      [
        '2024年政府工作报告', 'https://www.gov.cn/gongbao/2024/content_1.htm', '二、2024年经济社会发展总体要求和政策取向',
        '覆盖率', '95', '%', 'percent', '', '', '55', 'actual', '95%',
        '国内生产总值增长5%左右；城镇新增就业1200万人以上。', '2024-03-05T01:00:00.000Z',
      ],
    ]);
  });

  it('writes large values as plain numbers and neutralises hostile page text', () => {
    const clip = sampleClip({ exact: '795亿元', value: 79_500_000_000, title: '=cmd|" /C calc"!A0', sentence: '+预算"内"投资795亿元' });
    const line = clipsToCsv([clip]).split('\r\n')[1];
    expect(line).toContain(',79500000000,');
    expect(line.startsWith('"\'=cmd|"" /C calc""!A0",')).toBe(true);
    expect(line).toContain(',"\'+预算""内""投资795亿元",');
  });

  it('writes only the header when there are no clips', () => {
    expect(clipsToCsv([])).toBe(`\uFEFF${HEADER.join(',')}\r\n`);
  });
});
