import { describe, expect, it } from 'vitest';
import type { Clip } from '../../lib/model/clip';
import { displayItems, filterRows, NO_FILTER, prepareSearch, sortRows, toTableRows } from './figure-table';
import { makeFigure, reportFigures } from './testing';

const rows = (clipped: string[] = []) =>
  toTableRows(
    reportFigures().map((f) => ({ ...f, clipIds: clipped.includes(f.key) ? [`c_${f.key}`] : [] })),
    new Map(),
  );
const keys = (list: { key: string }[]) => list.map((r) => r.key);

describe('filterRows', () => {
  it('filters by role, dimension and clipped, together', () => {
    const all = rows(['gdp24', 'jobs23']);
    expect(keys(filterRows(all, { ...NO_FILTER, role: 'target' }))).toEqual(['gdp24', 'jobs24', 'invest24']);
    expect(keys(filterRows(all, { ...NO_FILTER, dimension: 'count' }))).toEqual(['jobs23', 'jobs24']);
    expect(keys(filterRows(all, { ...NO_FILTER, clipped: 'clipped' }))).toEqual(['jobs23', 'gdp24']);
    expect(keys(filterRows(all, { ...NO_FILTER, clipped: 'unclipped', role: 'actual' }))).toEqual(['gdp23', 'grain23']);
  });

  it('matches simplified and traditional alike, every word, in label, figure or sentence', () => {
    const all = rows();
    expect(keys(filterRows(all, { ...NO_FILTER, text: '計劃總投資' }))).toEqual(['invest24']);
    expect(keys(filterRows(all, { ...NO_FILTER, text: '计划总投资' }))).toEqual(['invest24']);
    expect(keys(filterRows(all, { ...NO_FILTER, text: '就業 1200' }))).toEqual(['jobs24']);
    expect(keys(filterRows(all, { ...NO_FILTER, text: '左右' }))).toEqual(['gdp24']);
    expect(keys(filterRows(all, { ...NO_FILTER, text: 'ＧＤＰ' }))).toEqual([]);
  });
});

describe('sortRows', () => {
  it('sorts by a column either way; missing values last; ties in document order', () => {
    const all = rows();
    expect(keys(sortRows(all, { key: 'value', descending: false }))).toEqual(['gdp24', 'gdp23', 'jobs24', 'jobs23', 'invest24', 'grain23']);
    expect(keys(sortRows(all, { key: 'value', descending: true }))).toEqual(['grain23', 'invest24', 'jobs23', 'jobs24', 'gdp23', 'gdp24']);
    // Qualifiers: only two rows have one; the rest keep document order after them.
    expect(keys(sortRows(all, { key: 'qualifier', descending: false }))).toEqual(['gdp24', 'jobs24', 'gdp23', 'jobs23', 'grain23', 'invest24']);
    expect(keys(sortRows(all, { key: 'role', descending: false }))).toEqual(['gdp24', 'jobs24', 'invest24', 'gdp23', 'jobs23', 'grain23']);
  });

  it('sorts ranges by width and changes by size', () => {
    const list = toTableRows(
      [
        makeFigure({ key: 'a', order: 0, value: 3, valueMax: 5 }),
        makeFigure({ key: 'b', order: 1, value: 1 }),
        makeFigure({ key: 'c', order: 2, value: 1, valueMax: 2 }),
        makeFigure({ key: 'd', order: 3, value: 95, from: 55 }),
      ].map((f) => ({ ...f, clipIds: [] })),
      new Map(),
    );
    expect(keys(sortRows(list, { key: 'range', descending: false }))).toEqual(['c', 'a', 'b', 'd']);
    expect(keys(sortRows(list, { key: 'change', descending: true }))).toEqual(['d', 'a', 'b', 'c']);
  });
});

describe('displayItems', () => {
  it('groups rows under their sections in document order, keeping the chosen order inside', () => {
    const sorted = sortRows(rows(), { key: 'value', descending: true });
    const items = displayItems(sorted, true);
    expect(items.map((i) => (i.kind === 'group' ? `# ${i.heading} ${i.count}` : i.row.key))).toEqual([
      '# 一、2023年工作回顾 3',
      'grain23',
      'jobs23',
      'gdp23',
      '# 二、2024年发展主要预期目标 3',
      'invest24',
      'jobs24',
      'gdp24',
    ]);
    expect(displayItems(sorted, false).every((i) => i.kind === 'row')).toBe(true);
  });
});

describe('toTableRows', () => {
  it('shows the stored clip’s corrected reading for a clipped figure', () => {
    const figure = { ...makeFigure({ key: 'x', label: '粮食产量' }), clipIds: ['c1'] };
    const clip = { id: 'c1', indicator: { ...figure.indicator, label: '粮食总产量' }, edited: ['label'] } as Clip;
    const [row] = toTableRows([figure], new Map([['c1', clip]]));
    expect(row.indicator.label).toBe('粮食总产量');
    expect(row.clipped).toBe(true);
    expect(filterRows([row], { ...NO_FILTER, text: '總產量' })).toHaveLength(1);
  });
});

describe('prepareSearch', () => {
  it('is left out of building the rows; the first text filter or prepareSearch sets it, with the same matches', () => {
    const built = rows();
    expect(built.every((r) => r.search === undefined)).toBe(true);
    expect(keys(filterRows(built, { ...NO_FILTER, role: 'actual' }))).toEqual(['gdp23', 'jobs23', 'grain23']);
    expect(built.every((r) => r.search === undefined)).toBe(true);
    const early = rows();
    prepareSearch(early);
    expect(early.every((r) => typeof r.search === 'string')).toBe(true);
    expect(keys(filterRows(early, { ...NO_FILTER, text: '就業 1200' }))).toEqual(keys(filterRows(built, { ...NO_FILTER, text: '就業 1200' })));
    expect(keys(filterRows(built, { ...NO_FILTER, text: '就業 1200' }))).toEqual(['jobs24']);
  });
});
