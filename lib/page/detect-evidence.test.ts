// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectBlocks } from './blocks';
import { evidenceLines, isLinkList, pageTitles } from './detect-evidence';
import { loadHtmlPage } from './test-support/pages';

const list = (html: string): Element => {
  loadHtmlPage(document, `<html><body>${html}</body></html>`);
  return document.querySelector('ul,ol,dl')!;
};

describe('isLinkList', () => {
  it('takes a list of links with dates beside them for a link list', () => {
    expect(
      isLinkList(
        list('<ul><li><a href="/1">政府工作报告</a> 03-05</li><li><a href="/2">优化营商环境</a> 02-28</li><li><a href="/3">乡村振兴</a> 01-16</li></ul>'),
      ),
    ).toBe(true);
  });

  it('does not take a list of the text’s own items, one of which cites a link, for one', () => {
    expect(
      isLinkList(
        list(
          '<ol><li>城镇新增就业1200万人以上，城镇调查失业率5.5%左右。</li><li>居民消费价格涨幅3%左右，详见<a href="/t">附表</a>。</li><li>粮食产量1.3万亿斤以上。</li></ol>',
        ),
      ),
    ).toBe(false);
  });

  it('needs two items at least', () => {
    expect(isLinkList(list('<ul><li><a href="/">首页</a></li></ul>'))).toBe(false);
  });
});

describe('evidenceLines', () => {
  it('keeps a paragraph’s own words and drops its links, menus and nested link lists', () => {
    loadHtmlPage(
      document,
      '<html><body><p>全文见<a href="/r">政府工作报告</a>，请认真学习。</p>' +
        '<div role="menu"><span>规划计划</span></div>' +
        '<ul><li><a href="/a">政务公开</a><ul><li>政府工作报告</li><li>统计公报</li></ul></li><li><a href="/b">办事服务</a></li></ul>' +
        '<p>各位代表：</p></body></html>',
    );
    expect(evidenceLines(collectBlocks(document.body))).toEqual(['全文见，请认真学习。', '各位代表：']);
  });
});

describe('pageTitles', () => {
  it('reads <title>, og:title and <h1>, but not an <h1> that is a link or sits in a menu', () => {
    loadHtmlPage(
      document,
      '<html><head><title>江城市人民政府</title><meta property="og:title" content="2024年政府工作报告"></head>' +
        '<body><h1><a href="/">江城市政府门户</a></h1><nav><h1>政务公开</h1></nav><h1>政府工作报告</h1></body></html>',
    );
    expect(pageTitles(document)).toEqual(['江城市人民政府', '2024年政府工作报告', '政府工作报告']);
  });
});
