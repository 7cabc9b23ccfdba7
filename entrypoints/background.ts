import { defineBackground } from 'wxt/utils/define-background';
import { createClipSelectionMenu, listenForClipSelection } from '../lib/background/clip-selection';
import { listenForCommands } from '../lib/background/commands';
import { browser } from 'wxt/browser';
import { listenForClosedTabs } from '../lib/background/frames';
import { contentHandlers, uiHandlers } from '../lib/background/handlers';
import { prepareForPages } from '../lib/background/warm-up';
import { listenAsBackground } from '../lib/messages/bus';

// Registered synchronously at start-up, so a restarted MV3 service worker hears the message that woke it.
export default defineBackground(() => {
  listenAsBackground({ ui: uiHandlers, content: contentHandlers });
  listenForCommands();
  listenForClipSelection();
  // In the browser's language, from public/_locales (the catalogue's manual.menu.clipSelection).
  createClipSelectionMenu(browser.i18n.getMessage('menuClipSelection'));
  listenForClosedTabs();
  prepareForPages();
});
