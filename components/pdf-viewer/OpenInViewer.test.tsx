// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const bus = vi.hoisted(() => ({ allTabs: vi.fn(), sendToTab: vi.fn() }));
const fakeBrowser = vi.hoisted(() => ({
  runtime: { getURL: (path: string) => `chrome-extension://zbtest${path}` },
  tabs: { create: vi.fn(async () => ({ id: 99 })) },
}));
vi.mock('../../lib/messages/bus', () => bus);
vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

const { OpenInViewer } = await import('./OpenInViewer');
const { pdfTabs, pdfUrlOfTab } = await import('./pdf-tabs');
const { setPdfLocale } = await import('./strings');

const PDF = 'http://127.0.0.1:8080/pdf/report.pdf';
const HTML = 'https://www.gov.cn/zhengce/a.htm';

/** Content scripts that answer getPageStatus, by tab id (Chromium's PDF viewer page has one). */
function contentScripts(urls: Record<number, string>) {
  bus.sendToTab.mockImplementation(async (tabId: number) => {
    if (!(tabId in urls)) throw new Error('Could not establish connection. Receiving end does not exist.');
    return { url: urls[tabId] };
  });
}

let host: HTMLElement;
beforeEach(() => {
  setPdfLocale('zh-CN');
  host = document.createElement('div');
  document.body.append(host);
  vi.clearAllMocks();
});
afterEach(() => {
  render(null, host);
  host.remove();
});

async function mount(node: preact.VNode) {
  await act(async () => {
    render(node, host);
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('pdfUrlOfTab', () => {
  it('takes the address the popup knows (activeTab), else asks the content script', async () => {
    contentScripts({ 2: PDF, 3: HTML });
    expect(await pdfUrlOfTab({ id: 1, url: PDF })).toBe(PDF);
    expect(await pdfUrlOfTab({ id: 1, url: HTML })).toBeNull();
    expect(await pdfUrlOfTab({ id: 2 })).toBe(PDF);
    expect(await pdfUrlOfTab({ id: 3 })).toBeNull();
    expect(await pdfUrlOfTab({ id: 4 })).toBeNull(); // no address, no content script (Firefox's PDF viewer without activeTab)
  });

  it('lists the tabs showing a PDF, the extension\'s own pages left out', async () => {
    contentScripts({ 2: PDF });
    bus.allTabs.mockResolvedValue([
      { id: 1, url: 'chrome-extension://zbtest/pdf-viewer.html' },
      { id: 2, title: 'report.pdf' },
      { id: 3, url: HTML },
    ]);
    expect(await pdfTabs()).toEqual([{ tabId: 2, url: PDF, title: 'report.pdf' }]);
  });
});

describe('OpenInViewer', () => {
  it('offers nothing for a tab that does not show a PDF', async () => {
    contentScripts({});
    await mount(<OpenInViewer tab={{ id: 1, url: HTML }} />);
    expect(host.querySelector('[data-testid="open-in-viewer"]')).toBeNull();
  });

  it('opens the viewer on the tab\'s PDF in a new tab', async () => {
    contentScripts({});
    const onOpened = vi.fn();
    await mount(<OpenInViewer tab={{ id: 1, url: PDF }} onOpened={onOpened} />);
    const button = host.querySelector<HTMLButtonElement>('[data-testid="open-in-viewer"]')!;
    expect(button.textContent).toBe('在指标 PDF 阅读器中打开');
    await act(async () => {
      button.click();
    });
    expect(fakeBrowser.tabs.create).toHaveBeenCalledWith({ url: `chrome-extension://zbtest/pdf-viewer.html?src=${encodeURIComponent(PDF)}` });
    expect(onOpened).toHaveBeenCalled();
  });
});
