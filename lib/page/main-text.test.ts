// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectBlocks } from './blocks';
import { buildMainTextIndex, rangeOfMarks } from './main-text';

describe('buildMainTextIndex', () => {
  it('joins blocks with newlines and maps text nodes back to main-text offsets', () => {
    document.body.innerHTML = '<h2>标题</h2><p>完成<b>98</b>%。</p><ul><li>共15个</li></ul>';
    const index = buildMainTextIndex(collectBlocks(document.body));
    expect(index.text).toBe('标题\n完成98%。\n共15个');
    const b = document.querySelector('b')!.firstChild as Text;
    expect(index.locate(b, 0)).toBe(index.text.indexOf('98'));
    expect(index.locate(document.createTextNode('x'), 0)).toBe(-1);
  });

  it('gives the main-text range of a figure from its marks', () => {
    document.body.innerHTML = '<p>完成<b><zb-mark>98</zb-mark></b><zb-mark>%</zb-mark>。</p>';
    const index = buildMainTextIndex(collectBlocks(document.body));
    const range = rangeOfMarks(Array.from(document.querySelectorAll('zb-mark')), index)!;
    expect(index.text.slice(range.start, range.end)).toBe('98%');
  });
});
