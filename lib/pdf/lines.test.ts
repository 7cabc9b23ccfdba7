import { describe, expect, it } from 'vitest';
import { linesOf, toPdfTextItem } from './lines';
import { run, SIZE } from './test-items';

describe('linesOf', () => {
  it('puts the items of one baseline on one line and keeps where each character came from', () => {
    const items = [...run('到2025年', 72, 700, { eol: false }), ...run('，达到', 72 + 5 * SIZE, 700)];
    const [line] = linesOf(items);
    expect(line.text).toBe('到2025年，达到');
    // '，' is the first character of item 1
    const k = line.text.indexOf('，');
    expect([line.sources[2 * k], line.sources[2 * k + 1]]).toEqual([1, 0]);
  });

  it('starts a new line at a new baseline', () => {
    const lines = linesOf([...run('第一行', 72, 700), ...run('第二行', 72, 682)]);
    expect(lines.map((l) => l.text)).toEqual(['第一行', '第二行']);
  });

  it('drops the spacing of letter-spaced characters (2 0 2 4 年 → 2024年)', () => {
    expect(linesOf(run('2 0 2 4 年 工 作 报 告', 72, 700)).map((l) => l.text)).toEqual(['2024年工作报告']);
    // the same drawn as one glyph an item with gaps between them
    expect(linesOf(run('2024年工作报告', 72, 700, { perChar: true, gap: SIZE * 0.5 })).map((l) => l.text)).toEqual(['2024年工作报告']);
  });

  it('keeps one space between Latin words and none beside CJK characters', () => {
    expect(linesOf(run('GDP growth  of 5 %', 72, 700))[0].text).toBe('GDP growth of 5%');
    expect(linesOf(run('增长 5.2% 左右', 72, 700))[0].text).toBe('增长5.2%左右');
    // Justified Chinese text spaces digits apart too: a number amid CJK text is one number.
    expect(linesOf(run('增长1 2%，达到3 5万人', 72, 700))[0].text).toBe('增长12%，达到35万人');
    expect(linesOf(run('Table 1 2 and 3', 72, 700))[0].text).toBe('Table 1 2 and 3');
  });

  it('joins glyphs placed one an item without gaps and leaves no space at the ends', () => {
    expect(linesOf(run(' 城镇新增就业30万人 ', 72, 700, { perChar: true }))[0].text).toBe('城镇新增就业30万人');
  });

  it('reads pdf.js text items (transform, width, height)', () => {
    expect(toPdfTextItem({ str: '年', transform: [10.5, 0, 0, 10.5, 72, 700], width: 10.5, height: 10.5, hasEOL: false })).toEqual({
      str: '年',
      x: 72,
      y: 700,
      width: 10.5,
      size: 10.5,
      hasEOL: false,
    });
  });
});
