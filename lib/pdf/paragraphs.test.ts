import { describe, expect, it } from 'vitest';
import { linesOf } from './lines';
import { continuesAcrossPages, isPageMark, joinParagraphText, paragraphsOf } from './paragraphs';
import { PAGE_WIDTH, run, SIZE } from './test-items';

const STEP = SIZE * 1.5;
const LEFT = 72;
const FULL = 36; // characters on a full line (36 * 12 = 432 wide: right margin 504)

/** Lays out paragraphs as a justified page: first line indented by two characters. */
function page(paragraphs: string[], options: { indent?: boolean; gapBetween?: number } = {}) {
  const items = [];
  let y = 760;
  for (const p of paragraphs) {
    let rest = p;
    let first = true;
    while (rest.length) {
      const indent = first && options.indent !== false ? 2 : 0;
      const take = FULL - indent;
      items.push(...run(rest.slice(0, take), LEFT + indent * SIZE, y));
      rest = rest.slice(take);
      first = false;
      y -= STEP;
    }
    y -= options.gapBetween ?? 0;
  }
  return paragraphsOf(linesOf(items), { width: PAGE_WIDTH });
}

const LONG_A =
  '全年地区生产总值达到一万二千亿元，比上年增长百分之六点五，城镇新增就业三十万人以上，居民人均可支配收入增长百分之七，粮食产量稳定在一千万吨以上。';
const LONG_B = '今年主要预期目标是：地区生产总值增长百分之六左右，城镇调查失业率控制在百分之五点五以内，居民消费价格涨幅控制在百分之三左右。';

describe('paragraphsOf', () => {
  it('joins the lines of a paragraph without spaces between CJK characters', () => {
    const paras = page([LONG_A]);
    expect(paras).toHaveLength(1);
    expect(paras[0].text).toBe(LONG_A);
    expect(paras[0].sources).toHaveLength(2 * LONG_A.length);
  });

  it('breaks at the indent of a new paragraph', () => {
    expect(page([LONG_A, LONG_B]).map((p) => p.text)).toEqual([LONG_A, LONG_B]);
  });

  it('breaks at a wide vertical gap when paragraphs are not indented', () => {
    expect(page([LONG_A, LONG_B], { indent: false, gapBetween: SIZE }).map((p) => p.text)).toEqual([LONG_A, LONG_B]);
  });

  it('joins Latin words across lines with one space', () => {
    const items = [
      ...run('The regional output reached 1.2 trillion yuan, up 6.5 percent over the', LEFT, 700, { size: 6 }),
      ...run('previous year.', LEFT, 691, { size: 6 }),
    ];
    expect(paragraphsOf(linesOf(items), { width: PAGE_WIDTH }).map((p) => p.text)).toEqual([
      'The regional output reached 1.2 trillion yuan, up 6.5 percent over the previous year.',
    ]);
  });

  it('finds numbered headings, centred lines and larger lines', () => {
    const items = [
      ...run('2024年政府工作报告', 220, 780, { size: 18 }),
      ...run('一、过去一年工作回顾', LEFT, 750),
      ...run(LONG_A.slice(0, FULL - 2), LEFT + 2 * SIZE, 732),
      ...run(LONG_A.slice(FULL - 2), LEFT, 714),
      ...run('（二）主要目标', LEFT, 690),
      ...run('附表', PAGE_WIDTH / 2 - SIZE, 660),
    ];
    const paras = paragraphsOf(linesOf(items), { width: PAGE_WIDTH });
    expect(paras.map((p) => [p.text, p.heading])).toEqual([
      ['2024年政府工作报告', true],
      ['一、过去一年工作回顾', true],
      [LONG_A, false],
      ['（二）主要目标', true],
      ['附表', true],
    ]);
  });

  it('does not take a centred page number for a heading', () => {
    const body = [...run(LONG_A.slice(0, FULL), LEFT, 700), ...run(LONG_A.slice(FULL, 2 * FULL), LEFT, 682)];
    // (a centred word is a heading: the page-number rule is what keeps these out)
    expect(paragraphsOf(linesOf([...body, ...run('附表', PAGE_WIDTH / 2 - SIZE, 40)]), { width: PAGE_WIDTH }).at(-1)?.heading).toBe(true);
    for (const number of ['— 3 —', '- 12 -', '第3页', '第 3 页，共 20 页', '3/20']) {
      const width = [...number].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? SIZE / 2 : SIZE), 0);
      const paras = paragraphsOf(linesOf([...body, ...run(number, (PAGE_WIDTH - width) / 2, 40)]), { width: PAGE_WIDTH });
      expect(paras.at(-1)?.heading, number).toBe(false);
    }
  });

  it('returns nothing for a page without text', () => {
    expect(paragraphsOf(linesOf([]), { width: PAGE_WIDTH })).toEqual([]);
  });
});

describe('paragraphs across a page break', () => {
  const para = (text: string, extra: { heading?: boolean; indented?: boolean } = {}) => ({ text, heading: false, indented: false, sources: [], ...extra });

  it('goes on when the last paragraph stops mid-sentence and the next page opens without indent', () => {
    expect(continuesAcrossPages(para('全市地区生产总值增长'), para('6%左右。'))).toBe(true);
    expect(continuesAcrossPages(para('以上。'), para('城镇新增就业'))).toBe(false);
    expect(continuesAcrossPages(para('主要目标是：'), para('增长6%。'))).toBe(false);
    expect(continuesAcrossPages(para('全市地区生产总值增长'), para('城镇新增就业', { indented: true }))).toBe(false);
    expect(continuesAcrossPages(para('全市地区生产总值增长'), para('三、重点任务', { heading: true }))).toBe(false);
    expect(continuesAcrossPages(para('一、主要目标', { heading: true }), para('增长6%。'))).toBe(false);
  });

  it('joins CJK text with nothing between, Latin words with a space', () => {
    expect(joinParagraphText('地区生产总值增长', '6%左右')).toBe('地区生产总值增长6%左右');
    expect(joinParagraphText('gross domestic', 'product')).toBe('gross domestic product');
  });

  it('knows a page number is no paragraph of the text', () => {
    expect(isPageMark(para('— 3 —'))).toBe(true);
    expect(isPageMark(para('第3页'))).toBe(true);
    expect(isPageMark(para('增长3%'))).toBe(false);
  });

  it('marks a paragraph that opens with an indent', () => {
    const found = page([LONG_A, LONG_A]);
    expect(found.every((p) => p.indented)).toBe(true);
    expect(page([LONG_A], { indent: false }).every((p) => !p.indented)).toBe(true);
  });
});
