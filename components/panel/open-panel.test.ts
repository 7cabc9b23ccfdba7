import { describe, expect, it, vi } from 'vitest';
import { openPanel, type PanelApis } from './open-panel';

const apis = (o: Partial<PanelApis> = {}): PanelApis => ({
  openTab: vi.fn(async () => undefined),
  pageUrl: (path) => `chrome-extension://id${path}`,
  ...o,
});

describe('openPanel', () => {
  it('opens Chrome’s side panel in the popup’s window, calling it before anything is awaited', async () => {
    const sidePanelOpen = vi.fn(async () => undefined);
    const pending = openPanel({ tabId: 3, windowId: 9 }, apis({ sidePanelOpen }));
    expect(sidePanelOpen).toHaveBeenCalledWith({ windowId: 9 }); // synchronously: the click's gesture
    expect(await pending).toBe('sidepanel');
  });

  it('opens Firefox’s sidebar', async () => {
    const sidebarOpen = vi.fn(async () => undefined);
    const pending = openPanel({ tabId: 3 }, apis({ sidebarOpen }));
    expect(sidebarOpen).toHaveBeenCalled();
    expect(await pending).toBe('sidebar');
  });

  it('falls back to the full-tab view on the popup’s page', async () => {
    const openTab = vi.fn(async () => undefined);
    expect(await openPanel({ tabId: 3 }, apis({ openTab }))).toBe('tab');
    expect(openTab).toHaveBeenCalledWith('chrome-extension://id/sidepanel.html?tabId=3');
    const refused = vi.fn(async () => {
      throw new Error('sidePanel.open() may only be called in response to a user gesture.');
    });
    const again = vi.fn(async () => undefined);
    expect(await openPanel({ tabId: 4, windowId: 1 }, apis({ sidePanelOpen: refused, openTab: again }))).toBe('tab');
    expect(again).toHaveBeenCalledWith('chrome-extension://id/sidepanel.html?tabId=4');
  });
});
