// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const bus = vi.hoisted(() => ({ askBackground: vi.fn() }));
const fakeBrowser = vi.hoisted(() => ({
  runtime: { getURL: (path: string) => `chrome-extension://zbtest${path}` },
  tabs: { create: vi.fn(async () => ({ id: 99 })) },
}));
vi.mock('../../lib/messages/bus', () => bus);
vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

const { OpenInViewer } = await import('./OpenInViewer');
const { pdfTabs, pdfUrlOfTab } = await import('./pdf-tabs');

const PDF = 'http://127.0.0.1:8080/pdf/report.pdf';
const HTML = 'https://www.gov.cn/zhengce/a.htm';

/**
 * Content scripts that answer through the background, by tab id (Chromium's PDF viewer page has
 * one): their page's address, and 'pdf' as its kind when the document is a PDF.
 */
function contentScripts(pages: Record<number, { url: string; kind?: 'pdf' | 'html' }>) {
  bus.askBackground.mockImplementation(async (type: string, payload: { tabId?: number }) => {
    if (type === 'tabs.list')
      return {
        tabs: Object.entries(pages).map(([tabId, status]) => ({
          tabId: Number(tabId),
          status: { title: status.url.split('/').pop(), kind: 'html', ...status },
        })),
      };
    if (type === 'tab.status' && payload.tabId! in pages) return { kind: 'html', ...pages[payload.tabId!] };
    throw new Error('message.noReceiver');
  });
}

let host: HTMLElement;
beforeEach(() => {
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
    contentScripts({ 2: { url: PDF, kind: 'pdf' }, 3: { url: HTML }, 5: { url: 'https://a.gov.cn/getfile?id=7', kind: 'pdf' } });
    expect(await pdfUrlOfTab({ id: 1, url: PDF })).toBe(PDF);
    expect(await pdfUrlOfTab({ id: 1, url: HTML })).toBeNull();
    expect(await pdfUrlOfTab({ id: 2 })).toBe(PDF);
    expect(await pdfUrlOfTab({ id: 3 })).toBeNull();
    expect(await pdfUrlOfTab({ id: 5, url: 'https://a.gov.cn/getfile?id=7' })).toBe('https://a.gov.cn/getfile?id=7');
    expect(await pdfUrlOfTab({ id: 4 })).toBeNull(); // no address, no content script (Firefox's PDF viewer without activeTab)
  });

  it('lists the tabs whose content script shows a PDF', async () => {
    contentScripts({ 2: { url: PDF, kind: 'pdf' }, 3: { url: HTML } });
    expect(await pdfTabs()).toEqual([{ tabId: 2, url: PDF, title: 'report.pdf' }]);
  });
});

describe('OpenInViewer', () => {
  it('offers nothing for a tab that does not show a PDF', async () => {
    contentScripts({});
    await mount(<OpenInViewer tab={{ id: 1, url: HTML }} />);
    expect(host.querySelector('[data-testid="open-in-viewer"]')).toBeNull();
  });

  it("opens the viewer on the tab's PDF in a new tab", async () => {
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
