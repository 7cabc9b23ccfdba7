import { beforeEach, describe, expect, it, vi } from 'vitest';

const sendToTab = vi.fn();
vi.mock('../messages/bus', () => ({ sendToTab: (...args: unknown[]) => sendToTab(...args), broadcastToUi: vi.fn(async () => undefined) }));

const { CLIP_SELECTION_MENU, onClipSelectionClicked, PENDING_FOCUS_MS, takePendingFocus } = await import('./clip-selection');
type Openers = import('./clip-selection').PanelOpeners;

const apis = (o: Partial<Openers> = {}): Openers & { focus: ReturnType<typeof vi.fn>; openTab: ReturnType<typeof vi.fn> } =>
  ({
    openTab: vi.fn(async () => undefined),
    pageUrl: (path: string) => `chrome-extension://id${path}`,
    focus: vi.fn(async () => undefined),
    ...o,
  }) as never;

beforeEach(() => sendToTab.mockReset());

describe('the 摘录为指标 menu click', () => {
  it('opens the side panel before anything is awaited, asks the clicked frame, then shows the manual clip there', async () => {
    sendToTab.mockResolvedValue({ clipped: 1, manualId: 'c_1' });
    const sidePanelOpen = vi.fn(async () => undefined);
    const a = apis({ sidePanelOpen });
    const pending = onClipSelectionClicked({ menuItemId: CLIP_SELECTION_MENU, frameId: 0 }, { id: 7, windowId: 2 }, a);
    expect(sidePanelOpen).toHaveBeenCalledWith({ windowId: 2 }); // synchronously: the click's gesture
    expect(await pending).toEqual({ clipped: 1, manualId: 'c_1' });
    expect(sendToTab).toHaveBeenCalledWith(7, 'page.clipSelection', {}, 0);
    expect(a.focus).toHaveBeenCalledTimes(1);
    expect(a.focus).toHaveBeenCalledWith(7, 'c_1');
    expect(a.openTab).not.toHaveBeenCalled();
  });

  it('keeps the clip for a panel still starting: handed out once, and only while fresh', async () => {
    sendToTab.mockResolvedValue({ clipped: 1, manualId: 'c_9' });
    await onClipSelectionClicked({ menuItemId: CLIP_SELECTION_MENU }, { id: 11 }, apis({ sidePanelOpen: async () => undefined }));
    expect(takePendingFocus()).toEqual({ tabId: 11, clipId: 'c_9' });
    expect(takePendingFocus()).toBeUndefined();
    await onClipSelectionClicked({ menuItemId: CLIP_SELECTION_MENU }, { id: 12 }, apis({ sidePanelOpen: async () => undefined }));
    expect(takePendingFocus(Date.now() + PENDING_FOCUS_MS + 1)).toBeUndefined();
  });

  it('opens Firefox’s sidebar the same way', async () => {
    sendToTab.mockResolvedValue({ clipped: 1, manualId: 'c_2' });
    const sidebarOpen = vi.fn(async () => undefined);
    const pending = onClipSelectionClicked({ menuItemId: CLIP_SELECTION_MENU }, { id: 3 }, apis({ sidebarOpen }));
    expect(sidebarOpen).toHaveBeenCalled();
    await pending;
  });

  it('opens the panel as a tab on the clip when the browser refuses to open it', async () => {
    sendToTab.mockResolvedValue({ clipped: 1, manualId: 'c_3' });
    const refused = vi.fn(async () => {
      throw new Error('sidePanel.open() may only be called in response to a user gesture.');
    });
    const a = apis({ sidePanelOpen: refused });
    await onClipSelectionClicked({ menuItemId: CLIP_SELECTION_MENU, frameId: 0 }, { id: 4, windowId: 1 }, a);
    expect(a.openTab).toHaveBeenCalledWith('chrome-extension://id/sidepanel.html?tabId=4&clip=c_3');
    expect(a.focus).not.toHaveBeenCalled();
  });

  it('falls back to the top frame when the clicked frame has no content script', async () => {
    sendToTab.mockImplementationOnce(() => Promise.reject(new Error('Could not establish connection'))).mockResolvedValueOnce({ clipped: 2 });
    const a = apis();
    expect(await onClipSelectionClicked({ menuItemId: CLIP_SELECTION_MENU, frameId: 5 }, { id: 9 }, a)).toEqual({ clipped: 2 });
    expect(sendToTab.mock.calls.map((c) => c[3])).toEqual([5, 0]);
    expect(a.openTab).not.toHaveBeenCalled(); // figures clipped as usual: no manual clip to open
  });

  it('ignores other menu items and clicks without a tab', async () => {
    const a = apis({ sidePanelOpen: vi.fn(async () => undefined) });
    expect(await onClipSelectionClicked({ menuItemId: 'other' }, { id: 1 }, a)).toBeNull();
    expect(await onClipSelectionClicked({ menuItemId: CLIP_SELECTION_MENU }, undefined, a)).toBeNull();
    expect(a.sidePanelOpen).not.toHaveBeenCalled();
    expect(sendToTab).not.toHaveBeenCalled();
  });
});
