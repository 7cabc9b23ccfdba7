/**
 * Detection as the reader meets it in the popup: a short work-report excerpt that opens with
 * 各位代表 is a policy page; a portal whose only policy words sit in its navigation menu is not.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserName, type ExtensionBrowser, launch } from './driver';
import { openPopupFor } from './page-actions';

const BROWSERS = (process.env.ZB_E2E_BROWSERS ?? 'chromium,firefox').split(',').filter(Boolean) as BrowserName[];
const base = inject('baseUrl');

describe.each(BROWSERS)('%s: policy-page detection', (name) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch(name);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    { file: 'short-report', titleKey: '政府工作报告', expected: 'true' },
    { file: 'portal-nav', titleKey: '', expected: 'false' },
  ])('$file.html: the popup says policy = $expected', async ({ file, titleKey, expected }) => {
    const page = await browser.openTab(`${base}/pages/${file}.html`);
    const title = titleKey || (await page.evaluate(() => document.title, null));
    const popup = await openPopupFor(browser, title);
    const verdict = await popup.evaluate(() => document.querySelector('[data-testid="verdict"]')?.getAttribute('data-policy') ?? null, null);
    const reasons = await popup.evaluate(() => Array.from(document.querySelectorAll('[data-testid="reasons"] li')).map((li) => li.textContent ?? ''), null);
    expect(verdict, `verdict (reasons: ${reasons.join(' | ')})`).toBe(expected);
    expect(
      reasons.every((r) => r.trim() !== '' && !r.includes('{')),
      'every reason is worded',
    ).toBe(true);
    await popup.close();
    await page.close();
  });
});
