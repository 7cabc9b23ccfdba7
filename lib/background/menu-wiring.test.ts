/**
 * How the background wires the selection clip to the browser: the menu item made on selected text
 * only, its clicks and the keyboard command both going to the same handler with the clicked tab.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;
const created: unknown[] = [];
const listeners: Record<string, Listener[]> = { menu: [], command: [] };
const sendToTab = vi.fn(async () => ({ clipped: 1 }));

vi.mock('../messages/bus', () => ({ sendToTab: (...args: unknown[]) => sendToTab(...(args as [])), broadcastToUi: vi.fn(async () => undefined) }));
vi.mock('wxt/browser', () => ({
  browser: {
    contextMenus: {
      create: (props: unknown) => created.push(props),
      remove: async () => {
        throw new Error('Cannot find menu item with id zb-clip-selection');
      },
      onClicked: { addListener: (l: Listener) => listeners.menu.push(l), removeListener: () => undefined },
    },
    commands: { onCommand: { addListener: (l: Listener) => listeners.command.push(l), removeListener: () => undefined } },
    runtime: { getURL: (p: string) => `chrome-extension://id${p}`, lastError: undefined },
    tabs: { create: vi.fn(async () => ({})), query: vi.fn(async () => []) },
  },
}));

const { CLIP_SELECTION_MENU, createClipSelectionMenu, listenForClipSelection } = await import('./clip-selection');
const { listenForCommands } = await import('./commands');

beforeEach(() => sendToTab.mockClear());

describe('the selection menu and command', () => {
  it('makes the menu item for selected text only, with the title given (even when an old one cannot be removed)', async () => {
    createClipSelectionMenu('摘录为指标');
    await vi.waitFor(() => expect(created).toEqual([{ id: CLIP_SELECTION_MENU, title: '摘录为指标', contexts: ['selection'] }]));
  });

  it('sends a menu click to the clicked tab and frame', async () => {
    listenForClipSelection();
    listeners.menu[0]({ menuItemId: CLIP_SELECTION_MENU, frameId: 3 }, { id: 12, windowId: 1 });
    await vi.waitFor(() => expect(sendToTab).toHaveBeenCalledWith(12, 'page.clipSelection', {}, 3));
  });

  it('sends the clip-selection command to the tab the shortcut was pressed in, the top frame', async () => {
    listenForCommands();
    listeners.command[0]('clip-selection', { id: 14, windowId: 1 });
    await vi.waitFor(() => expect(sendToTab).toHaveBeenCalledWith(14, 'page.clipSelection', {}, 0));
    sendToTab.mockClear();
    listeners.command[0]('next-figure', { id: 14 });
    await vi.waitFor(() => expect(sendToTab).toHaveBeenCalledWith(14, 'page.command', { command: 'next' }, 0)); // the top frame: the only one this tab has
  });
});
