import { describe, expect, it } from 'vitest';
import type { Indicator } from '../extract/types';
import { indicatorsToCsv } from './indicator-csv';
import { parseCsv } from './parse-csv.test-support';

function indicator(fields: Partial<Indicator> & Pick<Indicator, 'text' | 'value' | 'unit'>): Indicator {
  return { start: 0, end: fields.text.length, dimension: 'other', role: 'unknown', label: '', sentence: { start: 0, end: 0 }, ...fields };
}

describe('indicatorsToCsv', () => {
  it('writes file, the figure fields and the sentence, in the command line order', () => {
    const csv = indicatorsToCsv([
      {
        file: 'corpus/2024-report.txt',
        indicator: indicator({ text: '1.3万亿斤', value: 1.3e12, unit: '斤', dimension: 'mass', qualifier: '>=', role: 'target', label: '粮食产量' }),
        sentence: '粮食产量1.3万亿斤以上。',
      },
      {
        file: 'corpus/plan, draft.txt',
        indicator: indicator({ text: '-0.2%', value: -0.2, unit: '%', dimension: 'percent', from: 0.1, role: 'actual', label: '价格' }),
        sentence: '价格由0.1%变为-0.2%。',
      },
    ]);
    const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(header).toEqual(['file', 'label', 'value', 'unit', 'dimension', 'qualifier', 'value max', 'from', 'role', 'figure as written', 'sentence']);
    expect(rows).toEqual([
      ['corpus/2024-report.txt', '粮食产量', '1300000000000', '斤', 'mass', '>=', '', '', 'target', '1.3万亿斤', '粮食产量1.3万亿斤以上。'],
      ['corpus/plan, draft.txt', '价格', '-0.2', '%', 'percent', '', '', '0.1', 'actual', "'-0.2%", '价格由0.1%变为-0.2%。'],
    ]);
  });
});
