/**
 * The PDF viewer page: open a file (picker or drop) or the address it was opened with, then the
 * pages with their figures highlighted; a click on a figure clips it. Every failure is a message.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { listenAsContent } from '../../lib/messages/bus';
import { parseViewerSource } from '../../lib/pdf/source';
import { backgroundClipPort } from './clip-port';
import { PdfViewerController, type ViewerState } from './controller';
import { type LoadedPdf, LoadError, loadFile, loadUrl, requestAccess } from './load-source';
import { OpenInViewer } from './OpenInViewer';
import { viewerPageHandlers } from './page-handlers';
import { pdfTabs } from './pdf-tabs';
import { openFailure, openPdf, warmUpPdfWorker } from './pdfjs';
import { type PdfMessageKey, tp } from './strings';

type Message = { key: PdfMessageKey; params?: Record<string, string> };

function messageOf(e: unknown): Message {
  if (e instanceof LoadError) {
    const f = e.failure;
    if (f.code === 'not-pdf') return { key: 'pdf.notPdf', params: { name: f.name } };
    if (f.code === 'need-access') return { key: 'pdf.needAccess', params: { origin: f.origin } };
    return { key: 'pdf.fetchFailed', params: { url: f.url, detail: f.detail } };
  }
  const failure = openFailure(e);
  return failure.code === 'password' ? { key: 'pdf.password' } : { key: 'pdf.broken', params: { detail: failure.detail } };
}

export function PdfViewer() {
  const pagesRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<PdfViewerController | null>(null);
  const docRef = useRef<PDFDocumentProxy | null>(null);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [accessUrl, setAccessUrl] = useState<string | null>(null);
  const [state, setState] = useState<ViewerState | null>(null);
  const [tabs, setTabs] = useState<{ tabId: number; url: string; title?: string }[]>([]);
  const [dragging, setDragging] = useState(false);

  const show = async (load: () => Promise<LoadedPdf>) => {
    controllerRef.current?.stop();
    controllerRef.current = null;
    void docRef.current?.loadingTask.destroy();
    docRef.current = null;
    setState(null);
    setMessage(null);
    setAccessUrl(null);
    setBusy(true);
    try {
      const { bytes, info } = await load();
      performance.mark('zb-pdf-loaded');
      const doc = await openPdf(bytes);
      performance.mark('zb-pdf-opened');
      docRef.current = doc;
      // The file's name names the document at once; the PDF's own title, when it has one, after.
      setTitle(info.title);
      document.title = `${info.title} · ${tp('pdf.title')}`;
      void doc
        .getMetadata()
        .then((meta) => {
          const docTitle = (meta?.info as { Title?: string } | undefined)?.Title?.trim();
          if (docTitle && docRef.current === doc) {
            setTitle(docTitle);
            document.title = `${docTitle} · ${tp('pdf.title')}`;
          }
        })
        .catch(() => undefined);
      const controller = new PdfViewerController(pagesRef.current!, doc, info, backgroundClipPort, setState);
      controllerRef.current = controller;
      setBusy(false);
      await controller.start();
    } catch (e) {
      setBusy(false);
      setMessage(messageOf(e));
      if (e instanceof LoadError && e.failure.code === 'need-access') setAccessUrl(e.failure.url);
    }
  };

  // The side panel reads this tab's figures as it reads a web page's.
  useEffect(() => listenAsContent(viewerPageHandlers(() => controllerRef.current)), []);

  useEffect(() => {
    warmUpPdfWorker();
    const source = parseViewerSource(location.search);
    if (source.kind === 'url') void show(() => loadUrl(source.url));
    else if (source.kind === 'bad') setMessage({ key: 'pdf.badSource', params: { url: source.value } });
    else
      void pdfTabs()
        .then(setTabs)
        .catch(() => setTabs([]));
    return () => controllerRef.current?.stop();
  }, []);

  const onFile = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (file) void show(() => loadFile(file));
    input.value = '';
  };

  // The whole window takes a dropped file (listeners on the document: any spot will do).
  useEffect(() => {
    const over = (event: DragEvent) => {
      event.preventDefault();
      setDragging(true);
    };
    const leave = () => setDragging(false);
    const drop = (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      if (!event.isTrusted) return;
      const file = event.dataTransfer?.files?.[0];
      if (file) void show(() => loadFile(file));
    };
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
    };
  }, []);

  const grant = async (event: MouseEvent) => {
    if (!event.isTrusted || !accessUrl) return;
    const granted = await requestAccess(accessUrl); // first, inside the click
    if (granted) void show(() => loadUrl(accessUrl));
    else setMessage({ key: 'pdf.accessDenied' });
  };

  const status =
    state &&
    (state.phase === 'reading'
      ? tp('pdf.reading', { page: state.pagesRead, pages: state.pages })
      : tp('pdf.read', { pages: state.pages, count: state.figures, clipped: state.clipped }));
  const shown = state?.phase === 'no-text' ? { key: 'pdf.noText' as const } : (state?.error ?? message);

  return (
    <div class={`zb-pdf-viewer${dragging ? ' zb-dragging' : ''}`}>
      <header class="zb-pdf-bar">
        <strong>{tp('pdf.title')}</strong>
        <label class="zb-pdf-open">
          {tp('pdf.open')}
          <input type="file" accept="application/pdf,.pdf" data-testid="pdf-file-input" onChange={onFile} />
        </label>
        <span class="zb-hint">{tp('pdf.dropHint')}</span>
        {title && (
          <span class="zb-pdf-title" data-testid="pdf-title">
            {title}
          </span>
        )}
        <span data-testid="pdf-status" data-phase={state?.phase ?? (busy ? 'loading' : 'idle')}>
          {busy ? tp('pdf.loading') : status}
        </span>
      </header>
      {shown && (
        <div class="zb-pdf-message" role="alert" data-testid="pdf-message" data-key={shown.key}>
          {tp(shown.key, shown.params)}
          {accessUrl && (
            <button type="button" data-testid="pdf-grant-access" onClick={grant}>
              {tp('pdf.grantAccess')}
            </button>
          )}
        </div>
      )}
      {state && state.phase !== 'no-text' && <p class="zb-hint">{tp('pdf.clipHint')}</p>}
      {!state && !busy && tabs.length > 0 && (
        <section class="zb-pdf-tabs" data-testid="pdf-tabs">
          <h2>{tp('pdf.tabsWithPdf')}</h2>
          {tabs.map((tab) => (
            <div key={tab.tabId}>
              <span>{tab.title || tab.url}</span>
              <OpenInViewer tab={{ id: tab.tabId, url: tab.url }} />
            </div>
          ))}
        </section>
      )}
      <div class="zb-pdf-pages" data-testid="pdf-pages" ref={pagesRef} />
    </div>
  );
}
