/**
 * Section headings of a page given as text (一、… （一）… 第一章…), which set the role of the
 * uncued figures under them. Lines from /work/shared/corpus.
 */
import { describe, expect, it } from 'vitest';
import { extractIndicators } from './index';
import { isHeadingLine } from './headings';
import { matchingView } from './normalize';

const heading = (line: string) => {
  const view = matchingView(line);
  return isHeadingLine(view, 0, view.length);
};

describe('isHeadingLine', () => {
  it.each([
    '(二)计划下达情况',
    '(二)计划下达情况。',
    '（三）资金到位情况',
    '一、围绕中心,服务大局,20全市质监工作成绩显著。',
    '二、突出重点,狠抓落实,确保十二五质监工作良好开局。',
    '第三章 考核',
    '  (一)指導思想',
  ])('heading: %s', (line) => {
    expect(heading(line)).toBe(true);
  });

  it.each([
    '13、創新為農服務機制,促進農技推廣體系建設。',
    '2.堅持質量立校原則,全面提高教育教學質量。',
    '(6)檢查企業是否按照規定制訂水污染事故應急預案;',
    '三要努力抓好“三個結合”。',
    '同志們:',
    '(一)隊伍層次“高”。成立了6個農業農村工作督察組',
    '一',
    '',
  ])('not a heading: %s', (line) => {
    expect(heading(line)).toBe(false);
  });

  it('rejects a line longer than a heading would be', () => {
    expect(heading(`一、${'全面推进党的建设、作风建设和精神文明建设'.repeat(3)}`)).toBe(false);
  });

  it('reads only the stretch it is given', () => {
    const view = matchingView('完成环评本底监测项目25个;\n(二)计划下达情况\n');
    const start = view.indexOf('(');
    expect(isHeadingLine(view, 0, start - 1)).toBe(false);
    expect(isHeadingLine(view, start, view.length - 1)).toBe(true);
  });
});

describe('headings in a page given line by line', () => {
  it('a plan heading makes the uncued figures under it targets, up to the next heading', () => {
    const page = ['(二)计划下达情况', '**点150户747人,投资896.4万元;', '(三)资金到位情况', '地方配套100万元。'].join('\n');
    expect(extractIndicators(page).map((i) => [i.text, i.role])).toEqual([
      ['150户', 'target'],
      ['747人', 'target'],
      ['896.4万元', 'target'],
      ['100万元', 'actual'],
    ]);
  });

  it('a heading that says neither falls back to the heading option', () => {
    // Round 2: not a bare budget line (投资222万元 alone plans), so that the heading decides.
    const page = '(一)指導思想\n**点40户185人,入住率100%;';
    expect(extractIndicators(page, { heading: '二〇二三年计划下达情况' }).map((i) => i.role)).toEqual(['target', 'target', 'target']);
    expect(extractIndicators(page).map((i) => i.role)).toEqual(['actual', 'actual', 'actual']);
  });

  it('takes no figure from a heading line itself', () => {
    expect(extractIndicators('一、围绕中心,服务大局,20全市质监工作成绩显著。')).toEqual([]);
  });
});
