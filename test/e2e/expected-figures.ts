/**
 * Figures the extension must highlight on the corpus pages, as labelled in
 * shared/corpus/gold-dev.jsonl (the id of each gold entry is given). `snippet` picks the paragraph,
 * `span` is the figure as written.
 */
export interface ExpectedFigure {
  gold: string;
  page: string;
  snippet: string;
  span: string;
  value: number;
  unit: string;
  role: 'target' | 'actual';
}

export const EXPECTED_FIGURES: ExpectedFigure[] = [
  { gold: 'dev-006', page: '001', snippet: '建成標準化基地3.86萬畝', span: '3.86萬畝', value: 38600, unit: '亩', role: 'actual' },
  { gold: 'dev-044', page: '001', snippet: '確保今年全市固定資產投資完成91 億元', span: '91 億元', value: 9_100_000_000, unit: '元', role: 'target' },
  { gold: 'dev-046', page: '001', snippet: '全市完成建築業總產值795億元', span: '795億元', value: 79_500_000_000, unit: '元', role: 'actual' },
  { gold: 'dev-071', page: '001', snippet: '群眾滿意率97.4%', span: '97.4%', value: 97.4, unit: '%', role: 'actual' },
  { gold: 'dev-138', page: '003', snippet: '绿地率达到36%', span: '36%', value: 36, unit: '%', role: 'target' },
];

/** Values agree within a relative 1e-6, as the indicator contract scores them. */
export function sameValue(actual: string | null, expected: number): boolean {
  const n = Number(actual);
  return actual !== null && actual !== '' && Number.isFinite(n) && Math.abs(n - expected) <= Math.abs(expected) * 1e-6;
}
