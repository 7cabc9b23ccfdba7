/**
 * pdf.js set up for an extension page: the worker and the data it reads (CMaps, standard fonts,
 * image decoders) come from the extension's own files; nothing is fetched from elsewhere, and no
 * PDF script runs (pdf.js 6 has no eval path left; scripting and XFA stay off).
 */
import { getDocument, GlobalWorkerOptions, PDFWorker, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { browser } from 'wxt/browser';

GlobalWorkerOptions.workerSrc = workerUrl;

const own = (path: string) => (browser.runtime.getURL as (p: string) => string)(path);

let worker: PDFWorker | null = null;

/**
 * Starts pdf.js's worker (a megabyte of script to load and compile) as the viewer opens, while
 * the user is still choosing a file; every document then uses this one worker.
 */
export function warmUpPdfWorker(): PDFWorker {
  worker ??= new PDFWorker();
  return worker;
}

export type PdfOpenFailure = { code: 'password' | 'broken'; detail: string };

export async function openPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  const base = own('/pdfjs/');
  const task = getDocument({
    data,
    worker: warmUpPdfWorker(),
    cMapUrl: `${base}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${base}standard_fonts/`,
    wasmUrl: `${base}wasm/`,
    iccUrl: `${base}iccs/`,
    enableXfa: false,
    stopAtErrors: false,
  });
  return task.promise;
}

export function openFailure(e: unknown): PdfOpenFailure {
  const name = (e as { name?: string })?.name;
  const detail = e instanceof Error ? e.message : String(e);
  return { code: name === 'PasswordException' ? 'password' : 'broken', detail };
}
