// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Highlighter } from './highlighter';
import { simpleExtractor } from './test-support/extractor';

const texts = () => Array.from(document.querySelectorAll('zb-mark')).map((m) => m.textContent);

describe('Highlighter', () => {
  it('highlights only what changed, with the heading it sits under', async () => {
    document.body.innerHTML = '<h2>一、2024年目标计划</h2><div id="list"><p>完成98%。</p></div>';
    const h = new Highlighter(document, simpleExtractor);
    await h.apply(await h.scan(document.body));
    const p = document.createElement('p');
    p.textContent = '新增15个。';
    document.getElementById('list')!.appendChild(p);
    expect(await h.rescan([p], document.body)).toBe(1);
    expect(texts()).toEqual(['98%', '15个']);
    const added = Array.from(h.figures.values()).find((f) => f.indicator.text === '15个')!;
    expect(added.heading).toBe('一、2024年目标计划');
    expect(added.indicator.role).toBe('target');
  });

  it('drops figures whose text the page rewrote, and finds the new figure', async () => {
    document.body.innerHTML = '<p id="p">完成98%。</p>';
    const h = new Highlighter(document, simpleExtractor);
    await h.apply(await h.scan(document.body));
    const mark = document.querySelector('zb-mark')!;
    (mark.firstChild as Text).data = '97%';
    await h.rescan([mark.firstChild!], document.body);
    expect(texts()).toEqual(['97%']);
    expect(h.figures.size).toBe(1);
    expect(document.getElementById('p')!.textContent).toBe('完成97%。');
  });

  it('ignores changes inside navigation chrome', async () => {
    document.body.innerHTML = '<nav id="nav">栏目</nav><p>正文</p>';
    const h = new Highlighter(document, simpleExtractor);
    const span = document.createElement('span');
    span.textContent = '访问量15个';
    document.getElementById('nav')!.appendChild(span);
    expect(await h.rescan([span], document.body)).toBe(0);
  });

  it('removes marks it did not make (left by an earlier copy of the script)', async () => {
    document.body.innerHTML = '<p>完成<zb-mark data-zb-id="old">98%</zb-mark>。</p>';
    const h = new Highlighter(document, simpleExtractor);
    expect(await h.removeAll()).toBe(1);
    expect(document.body.innerHTML).toBe('<p>完成98%。</p>');
  });
});
