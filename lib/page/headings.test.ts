// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectBlocks } from './blocks';
import { HeadingTracker, headingBefore, looksLikeHeading } from './headings';

describe('looksLikeHeading', () => {
  it.each(['一、2023年工作回顾', '（二）主要目标', '(三)重点任务', '第一章 总则', '第3条 适用范围', '十一、保障措施', '一、20**年工作回顾。'])(
    'takes %s as a heading',
    (text) => expect(looksLikeHeading(text)).toBe(true),
  );

  it.each([
    '全市完成产值98%。',
    '(一)把工作的着力点放在抓质量上,努力开创质量振兴工作的新局面。制订印发了实施意见。',
    '一、' + '很长的标题'.repeat(10),
    '同志们：',
  ])('does not take %s as a heading', (text) => expect(looksLikeHeading(text)).toBe(false));
});

describe('HeadingTracker', () => {
  it('gives each block the nearest heading before it, h1–h6 or numbered', () => {
    document.body.innerHTML =
      '<h2>二〇二三年计划下达情况</h2><p>下达资金2048万元。</p><p>一、主要目标</p><p>完成率98%。</p><table><tr><td>（一）产业</td><td>15个</td></tr></table><h3>附件</h3><p>共5个。</p>';
    const tracker = new HeadingTracker();
    const pairs = collectBlocks(document.body).map((b) => [b.text, tracker.next(b)]);
    expect(pairs).toEqual([
      ['二〇二三年计划下达情况', '二〇二三年计划下达情况'],
      ['下达资金2048万元。', '二〇二三年计划下达情况'],
      ['一、主要目标', '一、主要目标'],
      ['完成率98%。', '一、主要目标'],
      ['（一）产业', '（一）产业'],
      ['15个', '（一）产业'],
      ['附件', '附件'],
      ['共5个。', '附件'],
    ]);
  });

  it('finds the heading before content added later', () => {
    document.body.innerHTML = '<h2>二、2024年目标</h2><div><p>一些文字。</p><p id="new">新增15个。</p></div>';
    expect(headingBefore(document.getElementById('new')!, document.body)).toBe('二、2024年目标');
  });
});
