/**
 * Shows one PDF: a placeholder per page at once, canvases rendered when a page comes into view,
 * and the text of every page read in order in the background of the UI (one page a task, yielding
 * in between), each page's text layer built with its figures marked as soon as it is read. Clips
 * are re-anchored as the text past their page arrives. Imperative DOM under one root: a hundred
 * pages of spans are not a job for a virtual DOM.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { anchorClips, clipOfFigure, type PdfDocumentInfo } from '../../lib/pdf/clips';
import { type PdfFigure, PdfDocumentReader } from '../../lib/pdf/document';
import { toPdfTextItem } from '../../lib/pdf/lines';
import type { Clip } from '../../lib/model/clip';
import type { ClipPort } from './clip-port';
import { buildTextLayer } from './text-layer';
import type { PdfMessageKey } from './strings';

export type ViewerPhase = 'reading' | 'done' | 'no-text';

export interface ViewerState {
  phase: ViewerPhase;
  pagesRead: number;
  pages: number;
  figures: number;
  clipped: number;
  error?: { key: PdfMessageKey; params: Record<string, string> };
}

/** Pages whose text is asked of the worker ahead of the one being laid out. */
const READ_AHEAD = 4;

/** Work between two yields to the UI, well under the 50 ms of a long task. */
const SLICE_MS = 20;

/** Lets input and rendering run between two pages (scheduler.yield where the browser has it: no 4 ms clamp). */
const yieldToUi = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise<void>((resolve) => setTimeout(resolve, 0));
};

function figureTitle(figure: PdfFigure): string {
  const { label, text, unit } = figure.indicator;
  return [label, text, unit && `(${unit})`].filter(Boolean).join(' ');
}

interface PageSlot {
  element: HTMLElement;
  canvas?: HTMLCanvasElement;
  layer: HTMLElement;
  rendered: boolean;
  proxy?: PDFPageProxy;
}

export class PdfViewerController {
  private reader = new PdfDocumentReader();
  private slots: PageSlot[] = [];
  private figures = new Map<string, PdfFigure>();
  private marks = new Map<string, HTMLElement[]>();
  /** figure id → id of the stored clip on it. */
  private clipOf = new Map<string, string>();
  /** Stored clips of this document not yet found in the text; null until the store has answered. */
  private pending: Clip[] | null = null;
  private observer?: IntersectionObserver;
  private renderQueue: number[] = [];
  private texts = new Map<number, Promise<{ proxy: PDFPageProxy; items: TextItem[] }>>();
  private rendering = false;
  private stopped = false;
  private scale = 1;
  private state: ViewerState;

  constructor(
    private root: HTMLElement,
    private doc: PDFDocumentProxy,
    private info: PdfDocumentInfo,
    private port: ClipPort,
    private onState: (state: ViewerState) => void,
  ) {
    this.state = { phase: 'reading', pagesRead: 0, pages: doc.numPages, figures: 0, clipped: 0 };
  }

  async start(): Promise<void> {
    const first = await this.doc.getPage(1);
    const natural = first.getViewport({ scale: 1 });
    this.scale = Math.min(1.5, Math.max(0.6, (this.root.clientWidth - 32) / natural.width || 1.3));
    const size = first.getViewport({ scale: this.scale });
    const fragment = document.createDocumentFragment();
    for (let p = 1; p <= this.doc.numPages; p++) {
      const element = document.createElement('div');
      element.className = 'zb-pdf-page';
      element.dataset.page = String(p);
      element.style.width = `${size.width}px`;
      element.style.height = `${size.height}px`;
      const layer = document.createElement('div');
      layer.className = 'zb-text-layer';
      element.append(layer);
      fragment.append(element);
      this.slots.push({ element, layer, rendered: false });
    }
    this.root.replaceChildren(fragment);
    this.root.addEventListener('click', this.onClick);
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) if (entry.isIntersecting) this.queueRender(Number((entry.target as HTMLElement).dataset.page));
      },
      { root: null, rootMargin: '300px 0px' },
    );
    for (const slot of this.slots) this.observer.observe(slot.element);
    this.slots[0].proxy = first;
    this.queueRender(1);
    // The store answers while the first pages are read; clips are anchored from then on.
    const clips = this.port.clipsOf(this.info.url).catch(() => [] as Clip[]);
    void clips.then((found) => {
      this.pending = found;
      if (this.state.pagesRead > 0) this.anchorPending(this.state.pagesRead, this.state.pagesRead === this.doc.numPages);
    });
    await this.readAll();
    if (this.stopped) return;
    this.pending ??= await clips;
    this.anchorPending(this.doc.numPages, true);
    performance.mark('zb-pdf-complete');
    this.emit({ phase: this.reader.textLength() === 0 ? 'no-text' : 'done' });
  }

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.root.removeEventListener('click', this.onClick);
  }

  private emit(patch: Partial<ViewerState>): void {
    this.state = { ...this.state, ...patch };
    this.onState(this.state);
  }

  private async page(p: number): Promise<PDFPageProxy> {
    const slot = this.slots[p - 1];
    slot.proxy ??= await this.doc.getPage(p);
    return slot.proxy;
  }

  /** Text of page p, asked of the worker ahead of need so it works while this thread builds layers. */
  private textOf(p: number): Promise<{ proxy: PDFPageProxy; items: TextItem[] }> {
    const known = this.texts.get(p);
    if (known) return known;
    const pending = this.page(p).then(async (proxy) => {
      let items: TextItem[] = [];
      try {
        items = (await proxy.getTextContent()).items.filter((item): item is TextItem => 'str' in item);
      } catch {
        // A page whose text cannot be read is read as empty: the other pages still are.
      }
      return { proxy, items };
    });
    this.texts.set(p, pending);
    return pending;
  }

  private async readAll(): Promise<void> {
    const pages = this.doc.numPages;
    for (let p = 1; p <= pages && !this.stopped; p++) {
      const current = this.textOf(p); // asked first: the page waited for goes first in the worker's queue
      for (let ahead = p + 1; ahead <= Math.min(pages, p + READ_AHEAD); ahead++) void this.textOf(ahead).catch(() => undefined);
      const { proxy, items } = await current;
      if (p === 1) performance.mark('zb-pdf-first-text');
      this.texts.delete(p);
      const natural = proxy.getViewport({ scale: 1 });
      // Read a paragraph at a time, and the layer built in a task of its own: no task near 50 ms.
      const steps = this.reader.readPageInSteps(p, items.map(toPdfTextItem), natural.width);
      let sliceStart = performance.now();
      let step = steps.next();
      while (!step.done) {
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToUi();
          sliceStart = performance.now();
        }
        step = steps.next();
      }
      const reading = step.value;
      await yieldToUi();
      const viewport = proxy.getViewport({ scale: this.scale });
      const slot = this.slots[p - 1];
      slot.element.style.width = `${viewport.width}px`;
      slot.element.style.height = `${viewport.height}px`;
      for (const figure of reading.figures) this.figures.set(figure.id, figure);
      const marks = buildTextLayer(
        slot.layer,
        items,
        viewport.transform,
        this.scale,
        reading.figures.map((figure) => ({ figure, title: figureTitle(figure) })),
      );
      for (const [id, list] of marks) this.marks.set(id, list);
      slot.element.dataset.textRead = 'true';
      this.anchorPending(p, p === pages);
      this.emit({ pagesRead: p, figures: this.figures.size });
      if (p === 1) this.markFirstPage();
      await yieldToUi();
    }
  }

  private anchorPending(pagesRead: number, complete: boolean): void {
    if (!this.pending?.length) return;
    const due = this.pending.filter((clip) => complete || (clip.anchor.pdfPage !== undefined && clip.anchor.pdfPage < pagesRead));
    if (!due.length) return;
    const found = anchorClips(due, this.reader.text(), [...this.figures.values()], pagesRead, complete);
    this.pending = this.pending.filter((clip) => !due.includes(clip));
    if (!found.size) return;
    for (const [clipId, figureId] of found) this.setClipped(figureId, clipId);
  }

  private setClipped(figureId: string, clipId: string | undefined): void {
    if (clipId) this.clipOf.set(figureId, clipId);
    else this.clipOf.delete(figureId);
    for (const mark of this.marks.get(figureId) ?? []) mark.dataset.clipped = clipId ? 'true' : 'false';
    this.emit({ clipped: this.clipOf.size });
  }

  // ---- what the side panel asks of this tab (page-handlers.ts), as of a web page ----

  get document(): PdfDocumentInfo {
    return this.info;
  }

  /** The figures read so far, in page order, with the clip placed on each. */
  listFigures(): { figure: PdfFigure; clipId: string | undefined }[] {
    return [...this.figures.values()].map((figure) => ({ figure, clipId: this.clipOf.get(figure.id) }));
  }

  /** Clips (or un-clips) the figures of these ids that are not so yet; returns how many changed. */
  async setFiguresClipped(ids: readonly string[], clipped: boolean): Promise<number> {
    let changed = 0;
    for (const id of ids) {
      const figure = this.figures.get(id);
      if (!figure || this.clipOf.has(id) === clipped) continue;
      await this.toggleClip(figure);
      changed++;
    }
    return changed;
  }

  /** Scrolls a figure into view. */
  focusFigure(id: string): void {
    this.marks.get(id)?.[0]?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }

  private onClick = (event: MouseEvent) => {
    if (!event.isTrusted) return; // only the user clips
    const mark = (event.target as Element | null)?.closest?.('mark.zb-fig') as HTMLElement | null;
    const figure = mark?.dataset.fig ? this.figures.get(mark.dataset.fig) : undefined;
    if (figure) void this.toggleClip(figure);
  };

  private async toggleClip(figure: PdfFigure): Promise<void> {
    const existing = this.clipOf.get(figure.id);
    try {
      if (existing) {
        this.setClipped(figure.id, undefined);
        await this.port.remove(existing);
        return;
      }
      const built = clipOfFigure(figure, this.reader.text(), this.info, new Date());
      if (!built.ok) {
        this.emit({ error: { key: 'pdf.clipFailed', params: { detail: built.code } } });
        return;
      }
      this.setClipped(figure.id, built.clip.id);
      await this.port.put(built.clip);
    } catch (e) {
      this.setClipped(figure.id, existing); // what the store holds
      this.emit({ error: { key: 'pdf.clipFailed', params: { detail: e instanceof Error ? e.message : String(e) } } });
    }
  }

  private markFirstPage(): void {
    const slot = this.slots[0];
    if (slot.rendered && slot.element.dataset.textRead === 'true' && !performance.getEntriesByName('zb-pdf-first-page').length) {
      performance.mark('zb-pdf-first-page');
    }
  }

  private queueRender(p: number): void {
    const slot = this.slots[p - 1];
    if (!slot || slot.rendered || this.renderQueue.includes(p)) return;
    this.renderQueue.push(p);
    void this.drainRenders();
  }

  private async drainRenders(): Promise<void> {
    if (this.rendering) return;
    this.rendering = true;
    try {
      while (this.renderQueue.length && !this.stopped) {
        const p = this.renderQueue.shift()!;
        const slot = this.slots[p - 1];
        if (slot.rendered) continue;
        const proxy = await this.page(p);
        const viewport = proxy.getViewport({ scale: this.scale });
        const ratio = window.devicePixelRatio || 1;
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        canvas.style.width = `${viewport.width}px`;
        canvas.style.height = `${viewport.height}px`;
        await proxy.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
        slot.element.prepend(canvas);
        slot.canvas = canvas;
        slot.rendered = true;
        slot.element.dataset.rendered = 'true';
        if (p === 1) performance.mark('zb-pdf-first-canvas');
        if (p === 1) this.markFirstPage();
      }
    } finally {
      this.rendering = false;
    }
  }
}
