/** A small, predictable extractor for DOM tests, so they test the page code and not the real extractor. */
import type { ExtractOptions, Indicator } from '../../extract/types';

const FIGURE = /(\d+(?:\.\d+)?)\s*(万亩|万元|%|个|亩|吨|人)/g;

export function simpleExtractor(text: string, options: ExtractOptions = {}): Indicator[] {
  const out: Indicator[] = [];
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(text); m; m = FIGURE.exec(text)) {
    const scale = m[2].startsWith('万') ? 10000 : 1;
    const unit = m[2].replace('万', '');
    const sentenceStart = Math.max(text.lastIndexOf('。', m.index) + 1, 0);
    const stop = text.indexOf('。', m.index);
    const sentenceEnd = stop === -1 ? text.length : stop + 1;
    const sentence = text.slice(sentenceStart, sentenceEnd);
    const target = /目标|力争|计划/.test(sentence) || /目标|计划/.test(options.heading ?? '');
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      value: Number(m[1]) * scale,
      unit,
      dimension: unit === '%' ? 'percent' : unit === '元' ? 'money' : unit === '亩' ? 'area' : unit === '吨' ? 'mass' : 'count',
      role: target ? 'target' : 'actual',
      label: '',
      sentence: { start: sentenceStart, end: sentenceEnd },
    });
  }
  return out;
}
