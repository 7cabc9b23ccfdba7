import { defineBackground } from 'wxt/utils/define-background';
import { listen } from '../lib/messages/bus';
import { backgroundHandlers } from '../lib/store/handlers';

// Registered synchronously at start-up, so a restarted MV3 service worker hears the message that woke it.
export default defineBackground(() => {
  listen(backgroundHandlers);
});
