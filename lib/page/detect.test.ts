// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { extractIndicators } from '../extract';
import { CATALOG } from '../i18n/catalog';
import { LOCALES } from '../i18n/fragment';
import { type MessageKey, t } from '../i18n';
import { ReasonSchema } from '../messages/schemas';
import { collectBlocks } from './blocks';
import { type Detection, detectPolicyPage, pageKind, type Reason, REASON_CODES } from './detect';
import { mainRoot } from './dom-rules';
import { corpusFiles, fixture, loadHtmlPage, loadTextPage } from './test-support/pages';

const e2ePages = resolve(dirname(fileURLToPath(import.meta.url)), '../../test/e2e/fixtures/pages');
/** The pages the e2e tests serve (the lead's browser tests load the same files). */
const e2ePage = (name: string): string => readFileSync(join(e2ePages, name), 'utf8');

/** Detection as the content script runs it: blocks → extract (count) → detect. */
function detectLoaded(url: string): Detection {
  const blocks = collectBlocks(mainRoot(document)!);
  const mainText = blocks.map((b) => b.text).join('\n');
  const indicatorCount = blocks.reduce((n, b) => n + extractIndicators(b.text).length, 0);
  return detectPolicyPage(document, { indicatorCount, textLength: mainText.length, mainText, blocks, url });
}

const codes = (d: Detection): string[] => d.reasons.map((r) => r.code);
const find = (d: Detection, code: string): Reason | undefined => d.reasons.find((r) => r.code === code);
const say = (r: Reason | undefined, locale: (typeof LOCALES)[number] = 'zh-CN'): string => (r ? t(`detect.${r.code}` as MessageKey, r.params, locale) : '');

describe('detectPolicyPage on the corpus (policy pages with their page chrome)', () => {
  const files = corpusFiles();

  it('has the five corpus texts', () => expect(files.length).toBeGreaterThanOrEqual(5));

  it.each(files.map((f) => [f.name, f.text]))('detects %s without title or government address', (_name, text) => {
    loadTextPage(document, text);
    const result = detectLoaded('https://www.example.com/article/123.html');
    expect(result.isPolicy).toBe(true);
    expect(result.reasons.length).toBeGreaterThan(0);
  });

  it('says why as codes with params, which the catalogue words as before', () => {
    loadTextPage(document, files.find((f) => f.name.startsWith('000'))!.text);
    const result = detectLoaded('https://www.example.com/a.html');
    expect(find(result, 'salutation')).toEqual({ code: 'salutation', points: 4, params: { term: '同志们' } });
    expect(say(find(result, 'salutation'))).toBe('有称呼“同志们”');
    expect(say(find(result, 'sections'))).toMatch(/^有 \d+ 个“一、二、”式小标题$/);
    expect(say(find(result, 'density'))).toMatch(/^正文每千字 \d+(\.\d)? 个指标$/);
    expect(say(find(result, 'salutation'), 'en')).toBe('Addresses the audience as “同志们”, as a speech or report does');
  });

  it('reads traditional Chinese, and keeps page words as found', () => {
    loadTextPage(document, files.find((f) => f.name.startsWith('001'))!.text, { title: '黨的群團工作會議上的講話(精選22篇)' });
    const result = detectLoaded('https://www.example.com/a.html');
    expect(find(result, 'title')?.params).toEqual({ term: '講話' });
    expect(find(result, 'salutation')?.params).toEqual({ term: '同志們' });
    expect(say(find(result, 'title'))).toBe('标题含“講話”');
    expect(say(find(result, 'title'), 'zh-TW')).toBe('標題含「講話」');
  });

  it('counts a government site in favour, and reasons name it', () => {
    loadTextPage(document, files.find((f) => f.name.startsWith('004'))!.text);
    const plain = detectLoaded('https://www.example.com/a.html');
    const gov = detectLoaded('https://www.fengjie.gov.cn/zwgk/1.htm');
    expect(gov.score).toBeGreaterThan(plain.score);
    expect(find(gov, 'govSite')?.params).toEqual({ domain: 'gov.cn' });
    expect(say(find(gov, 'govSite'))).toBe('政府网站 (gov.cn)');
  });
});

describe('detectPolicyPage on pages that only hold numbers', () => {
  it.each([
    ['news.html', 'https://news.example.com/finance/2023-10/18/c_1.htm', 'newsByline'],
    ['shop.html', 'https://item.shop.example.com/item/10086.html', 'shopMarkup'],
    ['forum.html', 'https://bbs.example.com/thread-1234-1-1.html', 'forum'],
    ['search.html', 'https://www.search.example.com/s?wd=政府工作报告', 'searchResults'],
  ])('does not take %s for a policy page', (file, url, code) => {
    loadHtmlPage(document, fixture(file));
    const result = detectLoaded(url);
    expect(result.isPolicy).toBe(false);
    expect(codes(result)).toContain(code);
  });

  it('words a shop page by its shopping terms and prices when it has no product markup', () => {
    loadHtmlPage(document, fixture('shop.html').replace(/<meta property="og:type"[^>]*>/, ''));
    const result = detectLoaded('https://item.shop.example.com/item/10086.html');
    expect(result.isPolicy).toBe(false);
    expect(say(find(result, 'shop'))).toMatch(/^像购物页（\d+ 个购物用语，\d+ 处价格）$/);
  });

  it('does not take a short page on a government site for a policy text', () => {
    loadHtmlPage(document, '<html><head><title>关于放假的通知</title></head><body><p>登录</p></body></html>');
    const result = detectLoaded('https://www.beijing.gov.cn/login');
    expect(result.isPolicy).toBe(false);
    expect(find(result, 'tooShort')?.params).toEqual({ length: 2 });
  });

  it('computes the main text itself when not given it', () => {
    loadTextPage(document, corpusFiles()[0].text);
    const result = detectPolicyPage(document, { indicatorCount: 0, textLength: 0, url: 'https://www.example.com/' });
    expect(result.isPolicy).toBe(true);
  });
});

/** A page with a title and paragraphs, as text. */
function shortPage(title: string, paragraphs: string[]): string {
  const p = paragraphs.map((text) => `<p>${text}</p>`).join('');
  return `<html><head><title>${title}</title></head><body><article>${p}</article></body></html>`;
}
const REPORT_LINES = [
  '我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。',
  '过去一年，国内生产总值超126万亿元，增长5.2%。城镇新增就业1244万人，城镇调查失业率平均5.2%。',
  '今年主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。',
];

describe('short pages with strong evidence', () => {
  it('takes the 147-character work-report excerpt (title 政府工作报告, opening 各位代表) for a policy page', () => {
    loadHtmlPage(document, e2ePage('short-report.html'));
    const result = detectLoaded('https://www.example.com/report.html');
    expect(find(result, 'shortButStrong')?.params).toEqual({ length: 147 });
    expect(result.isPolicy).toBe(true);
    expect(find(result, 'title')?.params).toEqual({ term: '政府工作报告' });
    expect(find(result, 'salutation')?.params).toEqual({ term: '各位代表' });
    expect(codes(result)).not.toContain('tooShort');
  });

  it('takes a short text under a decisive title alone', () => {
    loadHtmlPage(document, shortPage('2024年政府工作报告', REPORT_LINES));
    const result = detectLoaded('https://www.example.com/report.html');
    expect(result.isPolicy).toBe(true);
    expect(codes(result)).not.toContain('salutation');
  });

  it('takes a short text that opens with a salutation under a policy-like title', () => {
    loadHtmlPage(
      document,
      shortPage('关于做好春季森林防火工作的意见', ['同志们：', '今年春季气温偏高，全市森林火险等级持续偏高，各地要落实24小时值班制度，确保不发生重大火灾。']),
    );
    const result = detectLoaded('https://www.example.com/a.html');
    expect(find(result, 'title')?.params).toEqual({ term: '意见' });
    expect(result.isPolicy).toBe(true);
  });

  it('still calls a short text too short when only one weak hint speaks for it', () => {
    loadHtmlPage(
      document,
      shortPage('周末活动安排', ['同志们：', '本周六上午九点在体育馆集合，参加全市职工羽毛球比赛，请带好运动鞋和水杯，比赛约进行3个小时。']),
    );
    const salutationOnly = detectLoaded('https://www.example.com/a.html');
    expect(salutationOnly.isPolicy).toBe(false);
    expect(codes(salutationOnly)).toContain('tooShort');

    loadHtmlPage(document, shortPage('2024年政府工作报告', ['登录后查看全文。']));
    const titleOnTinyText = detectLoaded('https://www.example.com/a.html');
    expect(titleOnTinyText.isPolicy).toBe(false);
    expect(codes(titleOnTinyText)).toContain('tooShort');
  });

  it('does not take a column page that lists the reports under a decisive title for one (its own text is dates)', () => {
    const items = Array.from(
      { length: 15 },
      (_, i) => `<li><a href="/r${i}">江城市${2024 - i}年政府工作报告（在市第十六届人民代表大会第${i + 1}次会议上）</a><span>${2024 - i}-01-15</span></li>`,
    );
    loadHtmlPage(
      document,
      `<html><head><title>政府工作报告_江城市人民政府</title></head><body><ul class="list">${items.join('')}</ul><footer>主办：江城市人民政府办公室 网站标识码：3699000001</footer></body></html>`,
    );
    const result = detectLoaded('https://www.jiangcheng.gov.cn/zwgk/gzbg/');
    expect(result.isPolicy).toBe(false);
    expect(codes(result)).toContain('tooShort');
  });

  it('lets a byline outweigh a decisive title on a short text (a news item about the report)', () => {
    loadHtmlPage(document, shortPage('政府工作报告', [...REPORT_LINES, '（本报记者 王小明）']));
    expect(detectLoaded('https://news.example.com/a.html').isPolicy).toBe(false);
  });
});

describe('navigation is not evidence', () => {
  const URL = 'https://www.jiangcheng.gov.cn/';
  const titleReasons = (d: Detection) => d.reasons.filter((r) => r.code === 'title' || r.code === 'heading');

  it('does not take a portal whose only policy words are in its <nav> menu and link lists for a policy page', () => {
    loadHtmlPage(document, e2ePage('portal-nav.html'));
    const result = detectLoaded(URL);
    expect(result.isPolicy).toBe(false);
    expect(titleReasons(result)).toEqual([]);
  });

  it('nor when the menu is a plain list of links without nav markup', () => {
    loadHtmlPage(
      document,
      e2ePage('portal-nav.html')
        .replace(/<nav class="main-menu">/, '<div class="main-menu">')
        .replace('</nav>', '</div>'),
    );
    expect(document.querySelector('nav')).toBeNull();
    const result = detectLoaded(URL);
    expect(result.isPolicy).toBe(false);
    expect(titleReasons(result)).toEqual([]);
  });

  it('nor when the menu is marked up with role=menu', () => {
    const html = e2ePage('portal-nav.html')
      .replace(/<nav class="main-menu">\s*<ul>/, '<div class="main-menu"><ul role="menubar">')
      .replace('</nav>', '</div>')
      .replace(/<li>(?=<a)/g, '<li role="menuitem">');
    loadHtmlPage(document, html);
    expect(titleReasons(detectLoaded(URL))).toEqual([]);
  });

  it('but the same words as the page’s own text do count', () => {
    // The control: without links, the list entry 政府工作报告 is a heading of the page's own text.
    loadHtmlPage(document, e2ePage('portal-nav.html').replace(/<a href="[^"]*">|<\/a>/g, ''));
    expect(titleReasons(detectLoaded(URL)).map((r) => r.params?.term)).toContain('政府工作报告');
  });

  it('leaves out a link inside a paragraph, and a logo heading that is a link', () => {
    loadHtmlPage(
      document,
      '<html><head><title>江城新闻</title></head><body><h1><a href="/">政府工作报告专题</a></h1><article>' +
        '<p>详见<a href="/r">政府工作报告全文</a>。</p><p>各位代表：</p><p>这是一段关于春季招聘会的普通新闻，共有420家企业参加，提供岗位1.2万个，现场达成意向2860人。</p></article></body></html>',
    );
    const result = detectLoaded('https://www.example.com/');
    expect(titleReasons(result)).toEqual([]);
    expect(result.isPolicy).toBe(false);
  });
});

describe('pageKind and PDF tabs', () => {
  afterEach(() => {
    delete (document as { contentType?: string }).contentType;
  });

  it('calls a normal page html', () => {
    loadHtmlPage(document, e2ePage('short-report.html'));
    expect(pageKind(document)).toBe('html');
  });

  it('recognises Chromium’s PDF wrapper, and gives the pdf reason instead of “too short”', () => {
    loadHtmlPage(
      document,
      '<html><head></head><body style="height:100%;margin:0"><embed name="x" style="position:absolute;left:0;top:0" width="100%" height="100%" src="about:blank" type="application/pdf"></body></html>',
    );
    expect(pageKind(document)).toBe('pdf');
    const result = detectLoaded('https://www.gov.cn/zhengce/report.pdf');
    expect(result).toEqual({ isPolicy: false, score: 0, reasons: [{ code: 'pdf', points: 0 }] });
    expect(say(result.reasons[0])).toBe('PDF 文件：请用指标的 PDF 查看器打开');
  });

  it('recognises a document served as application/pdf', () => {
    loadHtmlPage(document, '<html><body></body></html>');
    Object.defineProperty(document, 'contentType', { value: 'application/pdf', configurable: true });
    expect(pageKind(document)).toBe('pdf');
    expect(codes(detectLoaded('https://www.example.com/a.pdf'))).toEqual(['pdf']);
  });

  it('does not take a page that shows a PDF among its own text for a PDF tab', () => {
    loadHtmlPage(document, '<html><body><p>全文如下</p><embed type="application/pdf" src="/a.pdf"></body></html>');
    expect(pageKind(document)).toBe('html');
  });
});

describe('every reason has words in the catalogue', () => {
  it('has a key for every reason code in all three languages', () => {
    for (const code of REASON_CODES)
      for (const locale of LOCALES) expect((CATALOG[locale] as Record<string, string>)[`detect.${code}`], `${locale} ${code}`).toBeTruthy();
  });

  it('words every reason that detection gives on every test page, with all its params filled in', () => {
    const pages: [string, () => void, string][] = [
      ...corpusFiles().map(
        (f) =>
          [f.name, () => loadTextPage(document, f.text, { title: '在全市工作会议上的讲话' }), 'https://www.gz.gov.cn/a.html'] as [string, () => void, string],
      ),
      ...['news.html', 'shop.html', 'forum.html', 'search.html'].map(
        (f) => [f, () => loadHtmlPage(document, fixture(f)), 'https://www.example.com/s?wd=1'] as [string, () => void, string],
      ),
      ['short-report', () => loadHtmlPage(document, e2ePage('short-report.html')), 'https://www.example.com/'],
      ['portal-nav', () => loadHtmlPage(document, e2ePage('portal-nav.html')), 'https://www.jiangcheng.gov.cn/'],
      ['tiny', () => loadHtmlPage(document, shortPage('关于放假的通知', ['登录'])), 'https://www.example.com/'],
      ['pdf', () => loadHtmlPage(document, '<html><body><embed type="application/pdf"></body></html>'), 'https://www.example.com/a.pdf'],
    ];
    const seen = new Set<string>();
    for (const [name, load, url] of pages) {
      load();
      const { reasons } = detectLoaded(url);
      expect(() => z.array(ReasonSchema).parse(reasons), name).not.toThrow();
      for (const r of reasons) {
        seen.add(r.code);
        expect(REASON_CODES as readonly string[], name).toContain(r.code);
        for (const locale of LOCALES) {
          const words = say(r, locale);
          expect(words, `${name} ${r.code} ${locale}`).not.toBe(`detect.${r.code}`);
          expect(words, `${name} ${r.code} ${locale}`).not.toMatch(/\{\w+\}/);
        }
      }
    }
    // The pages above exercise most codes; the rest are covered by the key check above.
    expect(seen.size).toBeGreaterThanOrEqual(12);
    // Detection over the whole corpus in happy-dom takes seconds on a shared machine; this is no speed test.
  }, 60_000);
});
