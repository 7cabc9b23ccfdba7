// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../extract';
import { collectBlocks } from './blocks';
import { type Detection, detectPolicyPage } from './detect';
import { mainRoot } from './dom-rules';
import { corpusFiles, fixture, loadHtmlPage, loadTextPage } from './test-support/pages';

/** Detection as the content script runs it: blocks → extract (count) → detect. */
function detectLoaded(url: string): Detection {
  const blocks = collectBlocks(mainRoot(document)!);
  const mainText = blocks.map((b) => b.text).join('\n');
  const indicatorCount = blocks.reduce((n, b) => n + extractIndicators(b.text).length, 0);
  return detectPolicyPage(document, { indicatorCount, textLength: mainText.length, mainText, url });
}

describe('detectPolicyPage on the corpus (policy pages with their page chrome)', () => {
  const files = corpusFiles();

  it('has the five corpus texts', () => expect(files.length).toBeGreaterThanOrEqual(5));

  it.each(files.map((f) => [f.name, f.text]))('detects %s without title or government address', (_name, text) => {
    loadTextPage(document, text);
    const result = detectLoaded('https://www.example.com/article/123.html');
    expect(result.isPolicy).toBe(true);
    expect(result.reasons.length).toBeGreaterThan(0);
  });

  it('says why, in Chinese', () => {
    loadTextPage(document, files.find((f) => f.name.startsWith('000'))!.text);
    const { reasons } = detectLoaded('https://www.example.com/a.html');
    expect(reasons).toContain('有称呼“同志们”');
    expect(reasons.some((r) => /^有 \d+ 个“一、二、”式小标题$/.test(r))).toBe(true);
    expect(reasons.some((r) => /^正文每千字 \d+\.\d 个指标$/.test(r))).toBe(true);
  });

  it('reads traditional Chinese', () => {
    loadTextPage(document, files.find((f) => f.name.startsWith('001'))!.text, { title: '黨的群團工作會議上的講話(精選22篇)' });
    const { reasons } = detectLoaded('https://www.example.com/a.html');
    expect(reasons).toContain('标题含“講話”');
    expect(reasons).toContain('有称呼“同志們”');
  });

  it('counts a government site in favour, and reasons name it', () => {
    loadTextPage(document, files.find((f) => f.name.startsWith('004'))!.text);
    const plain = detectLoaded('https://www.example.com/a.html');
    const gov = detectLoaded('https://www.fengjie.gov.cn/zwgk/1.htm');
    expect(gov.score).toBeGreaterThan(plain.score);
    expect(gov.reasons).toContain('政府网站 (gov.cn)');
  });
});

describe('detectPolicyPage on pages that only hold numbers', () => {
  it.each([
    ['news.html', 'https://news.example.com/finance/2023-10/18/c_1.htm', '像新闻报道'],
    ['shop.html', 'https://item.shop.example.com/item/10086.html', '像购物页'],
    ['forum.html', 'https://bbs.example.com/thread-1234-1-1.html', '像论坛或评论页'],
    ['search.html', 'https://www.search.example.com/s?wd=政府工作报告', '像搜索结果页'],
  ])('does not take %s for a policy page', (file, url, reason) => {
    loadHtmlPage(document, fixture(file));
    const result = detectLoaded(url);
    expect(result.isPolicy).toBe(false);
    expect(result.reasons.some((r) => r.startsWith(reason))).toBe(true);
  });

  it('does not take a short page on a government site for a policy text', () => {
    loadHtmlPage(document, '<html><head><title>关于放假的通知</title></head><body><p>登录</p></body></html>');
    const result = detectLoaded('https://www.beijing.gov.cn/login');
    expect(result.isPolicy).toBe(false);
    expect(result.reasons.some((r) => r.startsWith('正文太短'))).toBe(true);
  });

  it('computes the main text itself when not given it', () => {
    loadTextPage(document, corpusFiles()[0].text);
    const result = detectPolicyPage(document, { indicatorCount: 0, textLength: 0, url: 'https://www.example.com/' });
    expect(result.isPolicy).toBe(true);
  });
});
