import './style.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { listenAsContent } from '../../lib/messages/bus';
import { busBackground } from '../../lib/page/background-api';
import { PageController } from '../../lib/page/controller';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // The stylesheet goes into the manifest's content_scripts css, so highlights are styled at once.
  cssInjectionMode: 'manifest',
  main(ctx) {
    const controller = new PageController({ doc: document, background: busBackground });
    const stopListening = listenAsContent(controller.handlers);
    // Capture on window: a click on a highlight clips it before the page's own handlers see it.
    ctx.addEventListener(window, 'click', controller.onClick, { capture: true });
    ctx.addEventListener(window, 'wxt:locationchange', () => void controller.onLocationChange());
    ctx.onInvalidated(() => {
      stopListening();
      controller.dispose();
    });
    void controller.start();
  },
});
