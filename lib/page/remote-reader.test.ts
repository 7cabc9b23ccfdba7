// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractIndicators } from '../extract';
import { PackedIndicator, packIndicatorLists, plainIndicator, unpackIndicatorLists } from '../messages/packed-indicators';
import type { BatchExtractor } from './remote-reader';
import { ExtractionCache, type ScanResult, scanBlocks } from './scan';
import { simpleExtractor } from './test-support/extractor';

/** A page of `n` paragraphs, each with a figure of its own (so every text is read once). */
function page(n: number): void {
  document.body.innerHTML = Array.from({ length: n }, (_, i) => `<p>第${i}项工作完成投资${i + 1}万元，覆盖${i % 90}%的村庄，共计${i + 7}人参与。</p>`).join('');
}

const figuresOf = (scan: ScanResult) => scan.figures.map((f) => [f.block.text.slice(f.indicator.start, f.indicator.end), f.indicator.value, f.heading]);

/** A background that reads with the same extractor, answering after a turn of the event loop; counts what it read. */
function background(read = simpleExtractor) {
  const texts: string[] = [];
  const remote = vi.fn<BatchExtractor>(async (items) => {
    await Promise.resolve();
    texts.push(...items.map((i) => i.text));
    return items.map((i) => read(i.text, i.heading ? { heading: i.heading } : {}));
  });
  return { remote, texts };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('reading on two threads', () => {
  it('finds the same figures as the page alone, the background reading from the front and the page from the back', async () => {
    page(3000);
    const alone = await scanBlocks(document.body, { extract: simpleExtractor, cache: new ExtractionCache() });
    const { remote, texts } = background();
    const local = vi.fn(simpleExtractor);
    const shared = await scanBlocks(document.body, { extract: local, remote, cache: new ExtractionCache() });
    expect(shared.complete).toBe(true);
    expect(figuresOf(shared)).toEqual(figuresOf(alone));
    expect(figuresOf(shared)).toHaveLength(9000);
    // Both read: the background from the front, the page from the back (its first read is the last block).
    expect(texts.length).toBeGreaterThan(0);
    expect(local.mock.calls.length).toBeGreaterThan(0);
    expect(local.mock.calls[0][0]).toBe(shared.blocks[shared.blocks.length - 1].text);
    expect(texts[0]).toBe(shared.blocks[0].text);
    // A text is read twice only where the page took over a batch still in flight at the end.
    const readHere = new Set(local.mock.calls.map(([text]) => text));
    expect(texts.filter((t) => readHere.has(t)).length).toBeLessThanOrEqual(2 * 24_000);
  });

  it('reads a repeated text once and keeps what was read for the next scan', async () => {
    document.body.innerHTML = '<p>新增15个。</p><p>新增15个。</p><p>完成98%。</p>'.repeat(200);
    const cache = new ExtractionCache();
    const { remote, texts } = background();
    const local = vi.fn(simpleExtractor);
    const first = await scanBlocks(document.body, { extract: local, remote, cache });
    expect(first.figures).toHaveLength(600);
    // Two texts: each read once by each reader at most (the page takes over what is still in flight).
    expect(remote.mock.calls.flatMap(([items]) => items)).toHaveLength(2);
    expect(local.mock.calls.length).toBeLessThanOrEqual(2);
    const [asked, readHere] = [remote.mock.calls.length, local.mock.calls.length];
    const again = await scanBlocks(document.body, { extract: local, remote, cache });
    expect(figuresOf(again)).toEqual(figuresOf(first));
    expect([remote.mock.calls.length, local.mock.calls.length]).toEqual([asked, readHere]);
    expect(texts.length).toBeLessThanOrEqual(2);
  });

  it('reads everything itself when the background fails, and asks it nothing more in that scan', async () => {
    page(2000);
    const remote = vi.fn<BatchExtractor>(async () => {
      throw new Error('no background');
    });
    const scan = await scanBlocks(document.body, { extract: simpleExtractor, remote, cache: new ExtractionCache() });
    expect(scan.complete).toBe(true);
    expect(scan.figures).toHaveLength(6000);
    // The batches in flight when the first failed, and none after it.
    expect(remote.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it('reads itself what a background answering the wrong number of lists was asked', async () => {
    page(500);
    const remote: BatchExtractor = async (items) => items.slice(1).map(() => []);
    const scan = await scanBlocks(document.body, { extract: simpleExtractor, remote, cache: new ExtractionCache() });
    expect(scan.figures).toHaveLength(1500);
  });

  it('does not wait for a silent background: the page reads what it was asked', async () => {
    page(1000);
    const remote = vi.fn<BatchExtractor>(() => new Promise(() => {}));
    const scan = await scanBlocks(document.body, { extract: simpleExtractor, remote, cache: new ExtractionCache() });
    expect(scan.complete).toBe(true);
    expect(scan.figures).toHaveLength(3000);
    // No more batches than may be in flight: a silent background is not sent the page's text.
    expect(remote.mock.calls.length).toBeLessThanOrEqual(2);
  });
});

describe("the background's packed answers", () => {
  it('give the page the same figures, with every field, as reading it alone, long blocks read in chunks too', async () => {
    const sentence = '全市地区生产总值完成3029亿元，同比增长5.2%；力争2025年达到3500亿元左右，森林覆盖率由55%提高到95%以上。';
    document.body.innerHTML = `<h2>二、2025年主要目标</h2><p>${sentence.repeat(40)}</p>${Array.from({ length: 1500 }, (_, i) => `<p>第${i}项：新建保障性住房${i + 1}.2万套，约${(i % 9) + 1}万人受益。</p>`).join('')}`;
    const extract = (text: string, options?: { heading?: string }) => extractIndicators(text, options);
    // As the content script's BackgroundApi does: the background packs, the page unpacks against the texts it sent.
    const remote = vi.fn<BatchExtractor>(async (items) => {
      await Promise.resolve();
      const packed = JSON.parse(JSON.stringify(packIndicatorLists(items.map((i) => extract(i.text, i.heading ? { heading: i.heading } : {})))));
      return unpackIndicatorLists(
        packed,
        items.map((i) => i.text),
      );
    });
    const alone = await scanBlocks(document.body, { extract, cache: new ExtractionCache() });
    const shared = await scanBlocks(document.body, { extract, remote, cache: new ExtractionCache() });
    // Part of the page was read by the background: its figures are views of the packed answers.
    expect(shared.figures.filter((f) => f.indicator instanceof PackedIndicator).length).toBeGreaterThan(50);
    const fields = (scan: ScanResult) => scan.figures.map((f) => ({ ...plainIndicator(f.indicator), heading: f.heading }));
    expect(fields(shared)).toEqual(fields(alone));
    // The long block was read in chunks: figures past the first chunk have offsets moved to the block's.
    const long = shared.figures.filter((f) => f.block.text.length > 2000);
    expect(long.length).toBeGreaterThan(100);
    for (const f of long) expect(f.block.text.slice(f.indicator.start, f.indicator.end)).toBe(f.indicator.text);
  });
});
