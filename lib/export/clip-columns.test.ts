import { describe, expect, it } from 'vitest';
import { sampleClip } from '../model/sample-clip.test-support';
import { CLIP_COLUMN_IDS, clipTable, type ExportClip } from './clip-columns';
import { TEST_HEADERS } from './test-support';

describe('clipTable', () => {
  it('has one stable id per column and reads every column of a full clip', () => {
    expect(new Set(CLIP_COLUMN_IDS).size).toBe(CLIP_COLUMN_IDS.length);
    const clip = sampleClip();
    const full: ExportClip = { ...clip, note: '备注', tags: ['甲'], original: { ...clip.indicator, value: 4 }, edited: ['value'] };
    const table = clipTable({ headers: TEST_HEADERS, utcOffset: 480 });
    const row = table.row(full);
    expect(row).toHaveLength(CLIP_COLUMN_IDS.length);
    expect(table.headers).toEqual(CLIP_COLUMN_IDS.map((id) => TEST_HEADERS[id]));
    // Numbers stay numbers, in exactly the numeric columns.
    const numeric = CLIP_COLUMN_IDS.filter((_, i) => table.kinds[i] === 'number');
    expect(numeric).toEqual(['value', 'valueMax', 'from', 'originalValue']);
    expect(Object.fromEntries(CLIP_COLUMN_IDS.map((id, i) => [id, row[i]]))).toMatchObject({
      value: { kind: 'number', value: 5 },
      valueMax: { kind: 'number', value: undefined },
      originalValue: { kind: 'number', value: 4 },
      role: { kind: 'text', text: 'target' },
      qualifier: { kind: 'text', text: '~' },
      clippedAt: { kind: 'text', text: '2024-03-05T09:00:00+08:00' },
      tags: { kind: 'text', text: '甲' },
      edited: { kind: 'text', text: 'value' },
    });
  });

  it("names codes through the caller's functions", () => {
    const table = clipTable({
      headers: TEST_HEADERS,
      columns: ['role', 'dimension', 'qualifier', 'originalRole', 'edited'],
      roleName: (r) => `role:${r}`,
      dimensionName: (d) => `dim:${d}`,
      qualifierName: (q) => `q:${q}`,
      fieldName: (f) => `field:${f}`,
    });
    const clip = sampleClip();
    expect(table.row({ ...clip, original: { ...clip.indicator, role: 'actual' }, edited: ['role', 'label'] })).toEqual([
      { kind: 'text', text: 'role:target' },
      { kind: 'text', text: 'dim:percent' },
      { kind: 'text', text: 'q:~' },
      { kind: 'text', text: 'role:actual' },
      { kind: 'text', text: 'field:role; field:label' },
    ]);
    // Not edited: the original columns stay empty rather than repeating the values.
    expect(table.row(clip).slice(3)).toEqual([
      { kind: 'text', text: '' },
      { kind: 'text', text: '' },
    ]);
  });
});
