// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { pageText, pageTextSample } from './detect';
import { sample, sampleLines } from './detect-page-text';
import { PointerTest } from './detect-evidence';

afterEach(() => {
  document.body.textContent = '';
});

/** sample() of detect.ts, as it was applied to the whole page text. */
const sampled = (text: string): string => (text.length <= 40000 ? text : `${text.slice(0, 30000)}\n${text.slice(-10000)}`);

function fill(paragraphs: number): void {
  for (let i = 0; i < paragraphs; i++) {
    const p = document.createElement('p');
    p.append(`第${i}段：完成投资`, Object.assign(document.createElement('b'), { textContent: `${i % 97}.5亿元` }), '，同比增长3%。');
    if (i % 50 === 0) p.append(Object.assign(document.createElement('script'), { textContent: 'var x = 1;' }));
    document.body.append(p);
  }
  const button = Object.assign(document.createElement('input'), { type: 'submit', value: '搜索' });
  document.body.append(button);
}

describe('pageTextSample', () => {
  it('is the sample of the whole page text on a long page, read from both ends only', () => {
    fill(3000);
    expect(pageText(document).length).toBeGreaterThan(40000);
    expect(pageTextSample(document)).toBe(sampled(pageText(document)));
  });

  it('is the whole text on a short page', () => {
    fill(20);
    expect(pageTextSample(document)).toBe(pageText(document));
  });
});

describe('sampleLines', () => {
  it("is the sample of the lines joined by '\\n', at every length around the sample's bounds", () => {
    const line = (i: number) => `第${i}行：完成投资${i % 97}.5亿元，同比增长3%。`.slice(0, 5 + (i % 23));
    for (const count of [0, 1, 2, 50, 1500, 1800, 2000, 2400, 5000]) {
      const lines = Array.from({ length: count }, (_, i) => line(i));
      expect(sampleLines(lines)).toBe(sample(lines.join('\n')));
    }
    // Lines longer than the sample's ends.
    const long = ['甲'.repeat(45000), '乙'.repeat(12000), '丙'.repeat(3)];
    expect(sampleLines(long)).toBe(sample(long.join('\n')));
    expect(sampleLines(long.slice(1))).toBe(sample(long.slice(1).join('\n')));
  });
});

describe('PointerTest', () => {
  it('answers from ancestors: text in a link, a nav, a link list; not in a plain list', () => {
    document.body.innerHTML =
      '<nav><p><span id="a">菜单</span></p></nav><ul id="links"><li><a href="#">一</a></li><li><a href="#">二</a></li></ul>' +
      '<ul><li><b id="b">第一</b>项</li><li>第二项</li></ul><p><a href="#"><i id="c">链接</i></a><em id="d">正文</em></p>';
    const pointers = new PointerTest();
    const at = (id: string) => document.getElementById(id);
    expect(pointers.isPointer(at('a'))).toBe(true);
    expect(pointers.isPointer(document.querySelector('#links a'))).toBe(true);
    expect(pointers.isPointer(at('b'))).toBe(false);
    expect(pointers.isPointer(at('c'))).toBe(true);
    expect(pointers.isPointer(at('d'))).toBe(false);
    // Cached answers agree with fresh ones.
    expect([at('a'), at('b'), at('c'), at('d')].map((el) => pointers.isPointer(el))).toEqual([true, false, true, false]);
  });
});
