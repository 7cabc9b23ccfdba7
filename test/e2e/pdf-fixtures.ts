/**
 * The PDFs the PDF tests and the benchmark read, made at test time (not committed): a corpus page
 * printed to PDF by headless Chromium (its CJK text set in the font test/e2e/ensure-browsers.sh
 * installs), and a PDF of images only (a screenshot of that page, printed as an <img>), which
 * has no text layer. Written under test/.tmp/pdf, which the fixture server serves as /pdf/NAME.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from './chromium';
import { corpusPageHtml } from './corpus-page';
import { corpusDir, REPO_ROOT } from './server';

export const PDF_DIR = join(REPO_ROOT, 'test/.tmp/pdf');

export function corpusText(id: string): string {
  const file = readdirSync(corpusDir()).find((f) => f.startsWith(`${id}_`));
  if (!file) throw new Error(`no corpus page ${id}`);
  return readFileSync(join(corpusDir(), file), 'utf8');
}

/** Prints HTML pages to PDF files in PDF_DIR (skipping those already made unless `fresh`). */
/**
 * A single-font TrueType file, which Chromium embeds as a subset of the glyphs used, as Word and
 * WPS do (a .ttc collection such as WenQuanYi's is embedded whole: megabytes a document).
 */
export const CJK_FONT = '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf';
const FONT_STYLE = '<style>body, h1, h2, h3, p, li { font-family: "Droid Sans Fallback", sans-serif !important }</style>';

export async function printPdfs(jobs: { name: string; html: string; imagesOnly?: boolean }[], fresh = false): Promise<Record<string, string>> {
  // Without a CJK font Chromium prints tofu boxes, and the PDF has no Chinese text to read.
  if (!existsSync(CJK_FONT)) throw new Error(`${CJK_FONT} is missing: run test/e2e/ensure-browsers.sh (as root)`);
  mkdirSync(PDF_DIR, { recursive: true });
  const out: Record<string, string> = {};
  const todo = jobs.filter((job) => fresh || !existsSync(join(PDF_DIR, job.name)));
  for (const job of jobs) out[job.name] = join(PDF_DIR, job.name);
  if (!todo.length) return out;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    for (const job of todo) {
      await page.setContent(job.html.replace('</head>', `${FONT_STYLE}</head>`), { waitUntil: 'load' });
      if (job.imagesOnly) {
        const shot = await page.screenshot({ fullPage: false });
        await page.setContent(`<!doctype html><body style="margin:0"><img style="width:100%" src="data:image/png;base64,${shot.toString('base64')}"></body>`, {
          waitUntil: 'load',
        });
      }
      writeFileSync(out[job.name], await page.pdf({ format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' } }));
    }
  } finally {
    await browser.close();
  }
  return out;
}

/** The corpus page `id` as a text PDF and as an images-only PDF. */
export function corpusPdfs(id: string): Promise<{ text: string; images: string }> {
  const html = corpusPageHtml(corpusText(id));
  return printPdfs([
    { name: `corpus-${id}.pdf`, html },
    { name: `corpus-${id}-images.pdf`, html, imagesOnly: true },
  ]).then((files) => ({ text: files[`corpus-${id}.pdf`], images: files[`corpus-${id}-images.pdf`] }));
}
