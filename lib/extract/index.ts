// TEMPORARY: minimal placeholder so other parts compile; the real extractor replaces this file.
import type { ExtractOptions, Indicator } from './types';
export type { ExtractOptions, Indicator } from './types';

export function extractIndicators(text: string, _options: ExtractOptions = {}): Indicator[] {
  const out: Indicator[] = [];
  const re = /(\d+(?:\.\d+)?)(%|个|家|万元|亩|人|户)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const unit = m[2] === '万元' ? '元' : m[2];
    const value = Number(m[1]) * (m[2] === '万元' ? 10000 : 1);
    out.push({
      start: m.index, end: m.index + m[0].length, text: m[0], value, unit,
      dimension: unit === '%' ? 'percent' : unit === '元' ? 'money' : unit === '亩' ? 'area' : 'count',
      role: 'unknown', label: '', sentence: { start: 0, end: text.length },
    });
  }
  return out;
}
