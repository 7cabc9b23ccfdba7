/**
 * The offer to open a tab's PDF in the extension's viewer. Self-contained: give it the tab (id and
 * the address the popup knows, if any) and it shows itself only when that tab shows a PDF.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { pdfUrlOfTab, viewerUrlFor } from './pdf-tabs';
import { tp } from './strings';

export interface OpenInViewerProps {
  tab: { id: number; url?: string };
  /** Called after the viewer tab is opened (the toolbar popup closes itself there). */
  onOpened?: () => void;
}

export function OpenInViewer({ tab, onOpened }: OpenInViewerProps) {
  const [pdfUrl, setPdfUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void pdfUrlOfTab(tab).then((url) => live && setPdfUrl(url));
    return () => {
      live = false;
    };
  }, [tab.id, tab.url]);
  if (!pdfUrl) return null;
  // An extension page: no web page can reach this button (as the popup's other buttons).
  const open = async () => {
    await browser.tabs.create({ url: viewerUrlFor(pdfUrl) });
    onOpened?.();
  };
  return (
    <div class="zb-open-in-viewer" data-testid="pdf-offer" data-url={pdfUrl}>
      <button type="button" data-testid="open-in-viewer" onClick={open}>
        {tp('pdf.offer')}
      </button>
      <p class="zb-hint">{tp('pdf.offerHint')}</p>
    </div>
  );
}
