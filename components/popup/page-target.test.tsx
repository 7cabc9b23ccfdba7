import { describe, expect, it } from 'vitest';
import { makeStatus } from '../shared/test-support';
import { pickablePages, resolvePageTarget } from './page-target';
import { EXTENSION_ORIGIN, fakePort } from './test-support';

const report = makeStatus({ title: '政府工作报告', url: 'https://www.gov.cn/a.htm' });
const communique = makeStatus({ title: '统计公报', url: 'https://www.stats.gov.cn/b.htm' });

describe('resolvePageTarget', () => {
  it('works on the active tab as the toolbar popup', async () => {
    const port = fakePort({ clips: [], pages: new Map([[5, report]]), tabs: [], active: { id: 5, url: report.url } });
    expect(await resolvePageTarget(port)).toEqual({ mode: 'popup', tabId: 5, status: report });
  });

  it('reports a page without a content script', async () => {
    const port = fakePort({ clips: [], pages: new Map(), tabs: [], active: { id: 5, url: 'chrome://settings' } });
    const target = await resolvePageTarget(port);
    expect(target.mode).toBe('popup');
    expect(target.mode === 'popup' && target.status).toBeUndefined();
  });

  it('lists the answering web pages when the popup is its own active tab', async () => {
    const popupUrl = `${EXTENSION_ORIGIN}popup.html`;
    const port = fakePort({
      clips: [],
      pages: new Map([
        [2, report],
        [3, communique],
        // The popup's own page never answers as a web page; were it listed, it must still be left out.
        [9, makeStatus({ title: '指标', url: popupUrl })],
      ]),
      tabs: [
        { id: 1, url: 'about:blank' },
        { id: 2, url: report.url },
        { id: 3, url: communique.url },
        { id: 9, url: popupUrl },
      ],
      active: { id: 9, url: popupUrl },
      own: { id: 9 },
    });
    expect(await resolvePageTarget(port)).toEqual({
      mode: 'tab',
      candidates: [
        { tabId: 2, status: report },
        { tabId: 3, status: communique },
      ],
    });
    // The popup's own tab is never asked.
    expect(port.pageStatus.mock.calls.map((c) => c[0])).not.toContain(9);
  });

  it('knows it is a tab from its own tab id even when the active tab url is hidden', async () => {
    const port = fakePort({ clips: [], pages: new Map([[2, report]]), tabs: [{ id: 2 }, { id: 9 }], active: { id: 9 }, own: { id: 9 } });
    const target = await resolvePageTarget(port);
    expect(target).toEqual({ mode: 'tab', candidates: [{ tabId: 2, status: report }] });
  });
});

describe('pickablePages', () => {
  it('leaves out pages whose content script fails', async () => {
    const port = fakePort({ clips: [], pages: new Map([[3, communique]]), tabs: [{ id: 2 }, { id: 3 }], own: { id: 9 } });
    expect(await pickablePages(port)).toEqual([{ tabId: 3, status: communique }]);
  });
});
