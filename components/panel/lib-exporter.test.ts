import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../lib/export/parse-csv.test-support';
import { readXlsx } from '../../lib/export/read-xlsx.test-support';
import { sampleClip } from '../../lib/model/sample-clip.test-support';
import { exportRowOfClip, type ExportRow } from './exporter';
import { libExporter } from './lib-exporter';

const edited = () => {
  const clip = sampleClip({ label: '国内生产总值增长', role: 'target' });
  return {
    ...clip,
    indicator: { ...clip.indicator, label: '国内生产总值增速', role: 'actual' as const },
    original: clip.indicator,
    edited: ['label' as const, 'role' as const],
    note: '核对过',
  };
};
const unclipped: ExportRow = {
  url: 'https://www.gov.cn/a.htm',
  title: '甲页',
  section: '',
  sentence: '粮食产量13908亿斤。',
  indicator: { text: '13908亿斤', value: 1.3908e12, unit: '斤', dimension: 'mass', role: 'actual', label: '粮食产量' },
};

describe('libExporter', () => {
  it('CSV: the corrected values in the main columns, the extractor’s in their own, an unclipped figure without a time', async () => {
    const text = await libExporter.csv([exportRowOfClip(edited()), unclipped]).text();
    const [header, first, second] = parseCsv(text.replace(/^\uFEFF/, ''));
    const cell = (row: string[], name: string) => row[header.indexOf(name)];
    expect(cell(first, '指标名称')).toBe('国内生产总值增速');
    expect(header.some((h) => h.includes('原'))).toBe(true);
    expect(first).toContain('国内生产总值增长');
    expect(first).toContain('核对过');
    expect(second).toContain('粮食产量');
  });

  it('TSV: a header line and one line per row', () => {
    const lines = libExporter
      .tsv([exportRowOfClip(edited()), unclipped])
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2].split('\t')).toContain('粮食产量');
  });

  it('xlsx: a real workbook whose sheet holds the rows', async () => {
    const blob = await libExporter.xlsx([exportRowOfClip(edited()), unclipped]);
    const { sheets } = readXlsx(new Uint8Array(await blob.arrayBuffer()));
    const cells = JSON.stringify(sheets[0]);
    expect(cells).toContain('国内生产总值增速');
    expect(cells).toContain('粮食产量');
  });
});
