// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { removeHighlights, setMarksClipped, tooltipFor } from './annotate';
import { Highlighter } from './highlighter';
import { simpleExtractor } from './test-support/extractor';
import type { Indicator } from '../extract/types';

async function highlight(html: string): Promise<Highlighter> {
  document.body.innerHTML = html; // the test's own markup
  const h = new Highlighter(document, simpleExtractor);
  await h.apply(await h.scan(document.body));
  return h;
}

const marks = () => Array.from(document.querySelectorAll('zb-mark'));
const figureTexts = () => {
  const byId = new Map<string, string>();
  for (const m of marks()) byId.set(m.getAttribute('data-zb-id')!, (byId.get(m.getAttribute('data-zb-id')!) ?? '') + m.textContent);
  return Array.from(byId.values());
};

describe('highlighting', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('wraps each figure with the contract attributes and a tooltip', async () => {
    await highlight('<p>今年力争新增耕地30吨。</p>');
    const [mark] = marks();
    expect(mark.textContent).toBe('30吨');
    expect(mark.getAttribute('data-zb-id')).toMatch(/\S/);
    expect(mark.getAttribute('data-value')).toBe('30');
    expect(mark.getAttribute('data-unit')).toBe('吨');
    expect(mark.getAttribute('data-dimension')).toBe('mass');
    expect(mark.getAttribute('data-role')).toBe('target');
    expect(mark.getAttribute('data-label')).toBe('');
    expect(mark.getAttribute('data-clipped')).toBe('false');
    expect(mark.getAttribute('title')).toContain('30 吨');
    expect(mark.getAttribute('title')).toContain('目标');
  });

  it('marks figures split across inline elements, one mark per text node, sharing an id', async () => {
    await highlight('<p>完成率<b>98</b>%，新增<span>3.86</span>万亩。</p>');
    expect(figureTexts()).toEqual(['98%', '3.86万亩']);
    const ids = new Set(marks().map((m) => m.getAttribute('data-zb-id')));
    expect(ids.size).toBe(2);
    expect(marks().length).toBe(4);
    expect(document.querySelector('b > zb-mark')?.textContent).toBe('98');
    expect(document.querySelector('span > zb-mark')?.textContent).toBe('3.86');
  });

  it('does not join figures across table cells or list items', async () => {
    await highlight('<table><tr><td>合计12</td><td>%</td><td>15个</td></tr></table><ul><li>20</li><li>吨</li></ul>');
    expect(figureTexts()).toEqual(['15个']);
  });

  it('leaves scripts, form fields, editable areas and navigation alone', async () => {
    await highlight(
      '<nav>栏目15个</nav><p>正文98%</p><script>var s = "12%";</script><textarea>13%</textarea><div contenteditable>14%</div><style>.a{width:50%}</style>',
    );
    expect(figureTexts()).toEqual(['98%']);
    expect(document.querySelector('script')!.textContent).toBe('var s = "12%";');
    expect((document.querySelector('textarea') as HTMLTextAreaElement).value).toBe('13%');
  });

  it('gives the text back exactly on removal', async () => {
    const html =
      '<h2>一、总体情况</h2><p>完成率<b>98</b>%，新增<span>3.86</span>万亩，共15个，投入2048万元。</p><table><tr><td>98%</td><td>15 个</td></tr></table><p>  前后有  空白 60  人 </p>';
    document.body.innerHTML = html;
    const textBefore = document.body.textContent;
    const innerBefore = document.body.innerText;
    const htmlBefore = document.body.innerHTML;
    const textNodes = () => {
      const walker = document.createTreeWalker(document.body, 4);
      let n = 0;
      while (walker.nextNode()) n++;
      return n;
    };
    const textNodesBefore = textNodes();
    const h = new Highlighter(document, simpleExtractor);
    await h.apply(await h.scan(document.body));
    expect(marks().length).toBeGreaterThan(5);
    expect(document.body.innerText).toBe(innerBefore);
    expect(removeHighlights(document)).toBeGreaterThan(5);
    expect(document.body.innerText).toBe(innerBefore);
    expect(document.body.textContent).toBe(textBefore);
    expect(document.body.innerHTML).toBe(htmlBefore);
    expect(textNodes()).toBe(textNodesBefore);
  });

  it('keeps markup-like page text as text', async () => {
    const p = document.createElement('p');
    p.textContent = '<img src=x onerror="window.__zbHacked = 1"> 完成98%';
    document.body.appendChild(p);
    const h = new Highlighter(document, simpleExtractor);
    await h.apply(await h.scan(document.body));
    expect(document.querySelector('img')).toBeNull();
    expect(p.textContent).toBe('<img src=x onerror="window.__zbHacked = 1"> 完成98%');
    expect(figureTexts()).toEqual(['98%']);
  });

  it('does not highlight a figure twice', async () => {
    const h = await highlight('<p>共15个，完成98%。</p>');
    await h.apply(await h.scan(document.body));
    expect(figureTexts()).toEqual(['15个', '98%']);
  });

  it('shows clipped state on every segment', async () => {
    const h = await highlight('<p>完成率<b>98</b>%。</p>');
    const fig = Array.from(h.figures.values())[0];
    setMarksClipped(fig.marks, fig.indicator, true);
    expect(marks().map((m) => m.getAttribute('data-clipped'))).toEqual(['true', 'true']);
    expect(marks()[0].getAttribute('title')).toContain('已摘录');
  });
});

describe('tooltipFor', () => {
  const base: Indicator = {
    start: 0, end: 4, text: '3萬噸', value: 30000, unit: '吨', dimension: 'mass', role: 'target',
    label: '建筑业总产值', sentence: { start: 0, end: 4 },
  };
  it('reads value, unit, label and role', () => {
    expect(tooltipFor(base, false)).toBe('30000 吨 · 标签：建筑业总产值 · 目标 · 点击摘录');
  });
  it('shows qualifier, range and change', () => {
    expect(tooltipFor({ ...base, unit: '%', value: 95, from: 55, qualifier: '>=', role: 'actual', label: '' }, true)).toBe('≥55% → 95% · 实际 · 已摘录，再点一下取消');
    expect(tooltipFor({ ...base, unit: '年', value: 3, valueMax: 5, role: 'unknown', label: '' }, false)).toBe('3–5 年 · 未定 · 点击摘录');
  });
});
