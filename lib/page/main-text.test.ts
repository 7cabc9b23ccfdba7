// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectBlocks } from './blocks';
import { buildMainTextIndex, rangeOfSegments, segmentsOfMainText } from './main-text';

describe('buildMainTextIndex', () => {
  it('joins blocks with newlines and maps text nodes back to main-text offsets', () => {
    document.body.innerHTML = '<h2>标题</h2><p>完成<b>98</b>%。</p><ul><li>共15个</li></ul>';
    const index = buildMainTextIndex(collectBlocks(document.body));
    expect(index.text).toBe('标题\n完成98%。\n共15个');
    const b = document.querySelector('b')!.firstChild as Text;
    expect(index.locate(b, 0)).toBe(index.text.indexOf('98'));
    expect(index.locate(document.createTextNode('x'), 0)).toBe(-1);
  });

  it('maps main text to text-node pieces and back, across inline elements', () => {
    document.body.innerHTML = '<h2>标题</h2><p>完成<b>98</b>%。</p>';
    const index = buildMainTextIndex(collectBlocks(document.body));
    const at = index.text.indexOf('98%');
    const segments = segmentsOfMainText(index, at, at + 3);
    expect(segments.map((s) => s.node.data.slice(s.start, s.end))).toEqual(['98', '%']);
    expect(rangeOfSegments(segments, index)).toEqual({ start: at, end: at + 3 });
  });
});
