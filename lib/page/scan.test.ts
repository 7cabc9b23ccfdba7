// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { collectBlocks } from './blocks';
import { chunkText, ExtractionCache, extractBlock, scanBlocks } from './scan';
import { simpleExtractor } from './test-support/extractor';

describe('chunkText', () => {
  it('cuts long text at sentence ends into pieces that join back to it', () => {
    const text = '这是一句话，里面有98%。'.repeat(800);
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.map((c) => c.text).join('')).toBe(text);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(1200);
      expect(text.slice(c.start, c.start + c.text.length)).toBe(c.text);
      expect(c.text.endsWith('。')).toBe(true);
    }
  });
});

describe('extractBlock', () => {
  it('gives offsets in the whole block for figures deep inside a long paragraph', () => {
    document.body.innerHTML = '';
    const p = document.createElement('p');
    p.textContent = '前文。'.repeat(3000) + '新增2048万元。' + '后文。'.repeat(10);
    document.body.appendChild(p);
    const [block] = collectBlocks(document.body);
    const found = extractBlock(block, '', simpleExtractor, new ExtractionCache());
    expect(found.map((f) => block.text.slice(f.start, f.end))).toEqual(['2048万元']);
    const s = found[0].sentence;
    expect(block.text.slice(s.start, s.end)).toBe('新增2048万元。');
  });

  it('survives an extractor that throws or returns offsets that do not fit', () => {
    document.body.innerHTML = '<p>一段文字98%。</p>';
    const [block] = collectBlocks(document.body);
    expect(
      extractBlock(
        block,
        '',
        () => {
          throw new Error('boom');
        },
        new ExtractionCache(),
      ),
    ).toEqual([]);
    const liar = () => [{ ...simpleExtractor('98%')[0], start: 0, end: 3 }];
    expect(extractBlock(block, '', liar, new ExtractionCache())).toEqual([]);
  });
});

describe('scanBlocks', () => {
  it('passes each block its section heading and reuses results for unchanged text', async () => {
    document.body.innerHTML = '<h2>一、2024年目标</h2><p>完成98%。</p><p>（一）产业</p><p>新增15个。</p>';
    const extract = vi.fn(simpleExtractor);
    const cache = new ExtractionCache();
    const scan = await scanBlocks(document.body, { extract, cache });
    expect(scan.figures.map((f) => [f.indicator.text, f.heading])).toEqual([
      ['98%', '一、2024年目标'],
      ['15个', '（一）产业'],
    ]);
    expect(extract).toHaveBeenCalledWith('完成98%。', { heading: '一、2024年目标' });
    const calls = extract.mock.calls.length;
    await scanBlocks(document.body, { extract, cache });
    expect(extract.mock.calls.length).toBe(calls);
  });
});
