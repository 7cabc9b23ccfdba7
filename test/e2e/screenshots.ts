/**
 * Screenshots for the README: a highlighted corpus page with one clip, and the popup opened on it,
 * in Chromium with the built extension. `npx tsx test/e2e/screenshots.ts` (needs a CJK font such as
 * Debian's fonts-wqy-microhei, or the text shows as boxes). Writes test/screenshots/highlighted-page.png and
 * test/screenshots/popup.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromiumContext } from './chromium';
import { REPO_ROOT, startServer } from './server';

const DOCS = join(REPO_ROOT, 'test', 'screenshots');
const server = await startServer();
const { context, extensionId, cleanup } = await launchChromiumContext();
try {
  mkdirSync(DOCS, { recursive: true });
  const corpus = server.corpus.find((p) => p.id === '003')!;
  const page = await context.newPage();
  await page.setViewportSize({ width: 900, height: 520 });
  await page.goto(`${server.url}${corpus.path}`, { waitUntil: 'load' });
  // Highlights are ranges in CSS.highlights (no element to wait for).
  await page.waitForFunction(
    () => ((globalThis as unknown as { CSS: { highlights: Map<string, Set<unknown>> } }).CSS.highlights.get('zb-target')?.size ?? 0) > 0,
    null,
    { timeout: 30_000 },
  );
  // A paragraph with targets, to show both colours and a clip.
  const anchor = page.locator('p', { hasText: '绿地率达到36%' }).first();
  await anchor.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -160));
  // Click the first target figure in that paragraph, at its drawn position.
  const point = await anchor.evaluate((p) => {
    const reg = (globalThis as unknown as { CSS: { highlights: Map<string, Set<AbstractRange>> } }).CSS.highlights;
    for (const r of reg.get('zb-target') ?? []) {
      if (!p.contains(r.startContainer)) continue;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const rect = range.getClientRects()[0];
      if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  });
  if (point) await page.mouse.click(point.x, point.y);
  await page.waitForTimeout(800);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(DOCS, 'highlighted-page.png') });

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const picker = popup.locator('[data-testid="tab-picker"]');
  await picker.waitFor();
  await popup.waitForFunction(
    (key) => Array.from(document.querySelectorAll('option')).some((o) => (o.textContent ?? '').includes(key)),
    corpus.title.slice(0, 16),
  );
  const value = await popup.evaluate(
    (key) => Array.from(document.querySelectorAll('option')).find((o) => (o.textContent ?? '').includes(key))!.value,
    corpus.title.slice(0, 16),
  );
  await picker.selectOption(value);
  await popup.waitForSelector('[data-testid="clip-item"]');
  await popup.screenshot({ path: join(DOCS, 'popup.png') });
  console.log(`wrote ${join(DOCS, 'highlighted-page.png')} and ${join(DOCS, 'popup.png')}`);
} finally {
  await cleanup();
  await server.close();
}
