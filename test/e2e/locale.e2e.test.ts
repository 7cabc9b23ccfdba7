/**
 * The popup in the browser's language, and the popup's language setting over it, in real Chromium
 * and real Firefox with the built extension.
 *
 * "The browser's language" is set as a user sets it: the languages the browser asks pages for
 * (Chromium: --accept-lang and the profile's intl.accept_languages, with --lang; Firefox:
 * intl.accept_languages, with intl.locale.requested). What the browsers then report, found on these
 * machines: navigator.languages is exactly that list in both (['en'], ['zh-TW']), while
 * i18n.getUILanguage() stays 'en-US' in both, because Debian's Chromium and Firefox ESR ship the
 * en-US UI only. So lib/i18n follows navigator.languages, the one setting both browsers expose and
 * let the user order (and which they seed from their UI language).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserName, type ExtensionBrowser, launch, type Tab, waitFor } from './driver';
import { exportFromPopup, highlightViaPopup, openPopupFor, parseCsv } from './page-actions';

const BROWSERS = (process.env.ZB_E2E_BROWSERS ?? 'chromium,firefox').split(',').filter(Boolean) as BrowserName[];
const base = inject('baseUrl');
const NEWS_TITLE = '城市马拉松周日开跑 三万名跑者齐聚滨江';

/** What the reader sees of the popup's words. */
function popupWords(popup: Tab) {
  return popup.evaluate(() => {
    const text = (selector: string) => document.querySelector(selector)?.textContent?.trim() ?? null;
    const picker = document.querySelector<HTMLSelectElement>('[data-testid="ui-language"]');
    return {
      lang: document.documentElement.lang,
      title: document.title,
      heading: text('h1'),
      verdict: text('[data-testid="verdict"]'),
      highlight: text('[data-testid="highlight-page"]'),
      allClips: text('[data-testid="all-clips"] h2'),
      search: document.querySelector('[data-testid="search"]')?.getAttribute('placeholder') ?? null,
      setting: picker?.value ?? null,
      settingText: picker?.selectedOptions[0]?.textContent ?? null,
    };
  }, null);
}

type Words = Awaited<ReturnType<typeof popupWords>>;

const ENGLISH: Partial<Words> = {
  lang: 'en',
  title: 'Zhibiao 指标',
  heading: 'Zhibiao 指标',
  verdict: 'Not a policy page',
  highlight: 'Highlight this page',
  allClips: 'All clips (0)',
  search: 'Search figures, values, units, sentences or page titles',
};
const TRADITIONAL: Partial<Words> = {
  lang: 'zh-TW',
  title: '指標 Zhibiao',
  heading: '指標 Zhibiao',
  verdict: '非政策頁面',
  highlight: '標示本頁',
  allClips: '全部摘錄（0）',
  search: '搜尋指標、數值、單位、句子或頁面標題',
};
const SIMPLIFIED: Partial<Words> = {
  lang: 'zh-CN',
  title: '指标 Zhibiao',
  heading: '指标 Zhibiao',
  verdict: '非政策页面',
  highlight: '高亮本页',
  allClips: '全部摘录（0）',
  search: '搜索指标、数值、单位、句子或页面标题',
};

/** Waits until the popup shows `expected` (the stored setting is read after the first render). */
async function expectWords(popup: Tab, expected: Partial<Words>) {
  const verdict = expected.verdict;
  await waitFor(popup, (v) => document.querySelector('[data-testid="verdict"]')?.textContent?.trim() === v, verdict, {
    what: `the verdict "${verdict}"`,
  });
  expect(await popupWords(popup)).toMatchObject(expected);
}

describe.each(BROWSERS)('%s: the popup speaks the browser language', (name) => {
  describe.each([
    ['en', ENGLISH, 'Follow the browser', 'zh-CN', SIMPLIFIED, { label: 'indicator', role: 'role', roles: ['target', 'actual', 'unknown'] }],
    ['zh-TW', TRADITIONAL, '跟隨瀏覽器', 'en', ENGLISH, { label: '指標名稱', role: '性質', roles: ['目標', '實際', '未知'] }],
  ] as const)('with the browser set to %s', (language, inBrowserLanguage, followText, override, inOverride, csv) => {
    let browser: ExtensionBrowser;
    let page: Tab;

    beforeAll(async () => {
      browser = await launch(name, { language });
      page = await browser.openTab(`${base}/pages/news.html`);
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('shows the popup in that language, following the browser', async () => {
      const popup = await openPopupFor(browser, NEWS_TITLE);
      await expectWords(popup, { ...inBrowserLanguage, setting: 'auto', settingText: followText });
      await popup.close();
    });

    it('lets the language setting override it, keeps the choice, and follows the browser again on request', async () => {
      const popup = await openPopupFor(browser, NEWS_TITLE);
      await expectWords(popup, inBrowserLanguage);
      await popup.select('[data-testid="ui-language"]', override);
      await expectWords(popup, { ...inOverride, setting: override });
      await popup.close();

      // The background keeps the choice: a popup opened later starts in it.
      const again = await openPopupFor(browser, NEWS_TITLE);
      await expectWords(again, { ...inOverride, setting: override });
      await again.select('[data-testid="ui-language"]', 'auto');
      await expectWords(again, { ...inBrowserLanguage, setting: 'auto' });
      await again.close();
      await page.bringToFront();
    });

    it('exports CSV with headers and role names in that language', async () => {
      await highlightViaPopup(browser, page, NEWS_TITLE);
      await page.click('zb-mark');
      await waitFor(page, () => document.querySelector('zb-mark')?.getAttribute('data-clipped') === 'true', null, { what: 'the first figure clipped' });
      const popup = await openPopupFor(browser, NEWS_TITLE);
      const bytes = await exportFromPopup(popup, 'export-all');
      const [header, row] = parseCsv(new TextDecoder('utf-8').decode(bytes.subarray(3))).filter((r) => r.some((cell) => cell !== ''));
      expect(header).toContain(csv.label);
      expect(header).toContain(csv.role);
      expect(csv.roles as readonly string[]).toContain(row[header.indexOf(csv.role)]);
      await popup.close();
    });
  });
});
