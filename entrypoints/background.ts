import { defineBackground } from 'wxt/utils/define-background';
import { listenForCommands } from '../lib/background/commands';
import { listenForClosedTabs } from '../lib/background/frames';
import { contentHandlers, uiHandlers } from '../lib/background/handlers';
import { listenAsBackground } from '../lib/messages/bus';

// Registered synchronously at start-up, so a restarted MV3 service worker hears the message that woke it.
export default defineBackground(() => {
  listenAsBackground({ ui: uiHandlers, content: contentHandlers });
  listenForCommands();
  listenForClosedTabs();
});
