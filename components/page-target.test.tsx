import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as bus from '../lib/messages/bus';
import { pickablePages, resolvePageTarget } from './page-target';
import { type BusMock, EXTENSION_ORIGIN, fakeBus, makeStatus } from './testing';

// The bus is replaced by mocks (see testing.tsx); the factory is loaded lazily because vi.mock is hoisted.
vi.mock('../lib/messages/bus', async () => (await import('./testing')).busModuleMock());

const mocked = bus as unknown as BusMock;
const report = makeStatus({ title: '政府工作报告', url: 'https://www.gov.cn/a.htm' });
const communique = makeStatus({ title: '统计公报', url: 'https://www.stats.gov.cn/b.htm' });

beforeEach(() => vi.clearAllMocks());

describe('resolvePageTarget', () => {
  it('works on the active tab as the toolbar popup', async () => {
    fakeBus(mocked, { clips: [], pages: new Map([[5, report]]), tabs: [], active: { id: 5, url: report.url } });
    expect(await resolvePageTarget()).toEqual({ mode: 'popup', tabId: 5, status: report });
  });

  it('reports a page without a content script', async () => {
    fakeBus(mocked, { clips: [], pages: new Map(), tabs: [], active: { id: 5, url: 'chrome://settings' } });
    const target = await resolvePageTarget();
    expect(target.mode).toBe('popup');
    expect(target.mode === 'popup' && target.status).toBeUndefined();
  });

  it('lists the answering web pages when the popup is its own active tab', async () => {
    const popupUrl = `${EXTENSION_ORIGIN}popup.html`;
    fakeBus(mocked, {
      clips: [],
      pages: new Map([
        [2, report],
        [3, communique],
      ]),
      tabs: [
        { id: 1, url: 'about:blank' },
        { id: 2, url: report.url },
        { id: 3, url: communique.url },
        { id: 9, url: popupUrl },
      ],
      active: { id: 9, url: popupUrl },
    });
    expect(await resolvePageTarget()).toEqual({
      mode: 'tab',
      candidates: [
        { tabId: 2, status: report },
        { tabId: 3, status: communique },
      ],
    });
    // The popup's own tab is never asked.
    expect(mocked.sendToTab.mock.calls.map((c) => c[0])).not.toContain(9);
  });

  it('knows it is a tab from its own tab id even when the active tab url is hidden', async () => {
    fakeBus(mocked, { clips: [], pages: new Map([[2, report]]), tabs: [{ id: 2 }, { id: 9 }], active: { id: 9 }, own: { id: 9 } });
    const target = await resolvePageTarget();
    expect(target).toEqual({ mode: 'tab', candidates: [{ tabId: 2, status: report }] });
  });
});

describe('pickablePages', () => {
  it('leaves out pages whose content script fails', async () => {
    fakeBus(mocked, { clips: [], pages: new Map([[3, communique]]), tabs: [{ id: 2 }, { id: 3 }], own: { id: 9 } });
    expect(await pickablePages()).toEqual([{ tabId: 3, status: communique }]);
  });
});
