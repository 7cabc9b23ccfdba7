/**
 * The manifest's keyboard commands: each is relayed to the content script of the active tab as
 * `page.command` (to the frame of its page that holds the figures: page-relay.ts). The defaults (wxt.config.ts) collide with neither browser's own shortcuts; the
 * reader can change them at chrome://extensions/shortcuts or in Firefox's add-on manager.
 */
import { browser } from 'wxt/browser';
import { runPageCommand } from './page-relay';
import type { PageCommand } from '../messages/protocol';
import { CLIP_SELECTION_COMMAND, CLIP_SELECTION_MENU, type ClickedTab, onClipSelectionClicked } from './clip-selection';

/** Manifest command name → what the page does. */
export const COMMANDS: Record<string, PageCommand> = {
  'next-figure': 'next',
  'previous-figure': 'previous',
  'toggle-clip': 'toggle',
  'toggle-highlights': 'highlight',
};

/** Runs a manifest command on a tab (the active one when the browser does not say). */
export async function runCommand(name: string, tabId?: number): Promise<boolean> {
  const command = COMMANDS[name];
  if (!command) return false;
  let id = tabId;
  if (id === undefined || id < 0) {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    id = active?.id;
  }
  if (id === undefined) return false;
  await runPageCommand(id, command);
  return true;
}

/** Listens for the manifest's commands; returns the function that stops listening. */
export function listenForCommands(): () => void {
  if (!browser.commands?.onCommand) return () => {};
  const listener = (name: string, tab?: ClickedTab) => {
    // Clipping the selection opens the side panel: done at once, inside the shortcut's gesture.
    if (name === CLIP_SELECTION_COMMAND) return void onClipSelectionClicked({ menuItemId: CLIP_SELECTION_MENU, frameId: 0 }, tab).catch(() => undefined);
    void runCommand(name, tab?.id).catch(() => undefined); // a tab without our content script (a browser page) has nothing to do
  };
  browser.commands.onCommand.addListener(listener);
  return () => browser.commands.onCommand.removeListener(listener);
}
