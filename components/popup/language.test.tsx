// @vitest-environment happy-dom
/** The popup's language: the stored setting, the browser's languages under 'auto', and the picker. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentLocale, setLocale } from '../../lib/i18n';
import { MessageError } from '../../lib/messages/bus';
import { byTestId, choose, makeClip, makeStatus, textReason, unmountAll, until } from '../shared/test-support';
import { App } from './App';
import { type FakeWorld, fakePort, mountWithPort } from './test-support';

const REPORT = 'https://www.gov.cn/zhengce/report.htm';
const world = (extra: Partial<FakeWorld> = {}): FakeWorld => ({
  clips: [makeClip({ url: REPORT, role: 'actual' })],
  pages: new Map([[7, makeStatus({ url: REPORT, isPolicy: false, reasons: [textReason('没有政策用语')] })]]),
  tabs: [{ id: 7, url: REPORT }],
  active: { id: 7, url: REPORT },
  ...extra,
});

function show(w: FakeWorld) {
  const port = fakePort(w);
  return { root: mountWithPort(<App />, port).root, port };
}

const verdictIs = (root: HTMLElement, text: string) => until(() => expect(byTestId(root, 'verdict').textContent).toBe(text));

afterEach(() => {
  unmountAll();
  vi.unstubAllGlobals();
  setLocale('zh-CN');
});

describe('the popup language', () => {
  it('starts in the stored language', async () => {
    const { root } = show(world({ ui: { locale: 'en' } }));
    await verdictIs(root, 'Not a policy page');
    expect(byTestId<HTMLSelectElement>(root, 'ui-language').value).toBe('en');
    expect(byTestId(root, 'all-clips').querySelector('h2')!.textContent).toBe('All clips (1)');
    expect(byTestId(root, 'clip-role').textContent).toBe('actual');
    expect(document.documentElement.lang).toBe('en');
  });

  it('follows the browser’s languages under "follow the browser"', async () => {
    vi.stubGlobal('navigator', { ...navigator, languages: ['zh-HK', 'en'], language: 'zh-HK' });
    const { root } = show(world({ ui: { locale: 'auto' } }));
    await verdictIs(root, '非政策頁面');
    expect(byTestId<HTMLSelectElement>(root, 'ui-language').value).toBe('auto');
    expect(byTestId<HTMLSelectElement>(root, 'ui-language').selectedOptions[0].textContent).toBe('跟隨瀏覽器');
  });

  it('switches when the user picks a language, and stores the choice', async () => {
    const w = world();
    const { root, port } = show(w);
    await verdictIs(root, '非政策页面');
    await choose(byTestId<HTMLSelectElement>(root, 'ui-language'), 'zh-TW');
    await verdictIs(root, '非政策頁面');
    expect(port.setUiSettings.mock.calls).toEqual([[{ locale: 'zh-TW' }]]);
    expect(w.ui).toEqual({ locale: 'zh-TW' });
    expect(byTestId(root, 'search').getAttribute('placeholder')).toBe('搜尋指標、數值、單位、句子或頁面標題');
    await choose(byTestId<HTMLSelectElement>(root, 'ui-language'), 'en');
    await verdictIs(root, 'Not a policy page');
    expect(byTestId(root, 'clip-delete').getAttribute('aria-label')).toMatch(/^Delete clip /);
  });

  it('keeps the language and explains when the choice cannot be stored', async () => {
    const { root } = show(
      world({
        override: {
          setUiSettings: async () => {
            throw new MessageError({ code: 'store.writeFailed' });
          },
        },
      }),
    );
    await verdictIs(root, '非政策页面');
    await choose(byTestId<HTMLSelectElement>(root, 'ui-language'), 'en');
    const error = await until(() => byTestId(root, 'error'));
    expect(error.querySelector('.banner-text')!.textContent).toBe('保存界面语言失败：无法写入摘录数据库，什么也没有改动');
    expect(byTestId<HTMLSelectElement>(root, 'ui-language').value).toBe('zh-CN');
    expect(currentLocale()).toBe('zh-CN');
  });

  it('follows a choice made in another window', async () => {
    const w = world();
    const { root, port } = show(w);
    await verdictIs(root, '非政策页面');
    w.ui = { locale: 'en' };
    port.emit({ type: 'settings.changed' });
    await verdictIs(root, 'Not a policy page');
  });
});
