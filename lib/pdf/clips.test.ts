import { describe, expect, it } from 'vitest';
import { ClipSchema } from '../model/clip';
import { anchorClips, clipOfFigure } from './clips';
import { PdfDocumentReader } from './document';
import { PAGE_WIDTH, run, SIZE } from './test-items';

const DOC = { url: 'urn:sha256:ab12', title: '报告.pdf', site: '' };

function read(pages: string[][]) {
  const reader = new PdfDocumentReader();
  pages.forEach((paras, i) => {
    let y = 760;
    reader.readPage(
      i + 1,
      paras.flatMap((p) => run(p, 72 + 2 * SIZE, (y -= 30))),
      PAGE_WIDTH,
    );
  });
  return { reader, figures: reader.pages.flatMap((p) => p.figures), text: reader.text() };
}

describe('PDF clips', () => {
  const pages = [['城镇新增就业30万人以上。'], ['粮食产量稳定在1000万吨以上。', '城镇新增就业30万人以上。']];

  it('keep the page number with their quote and pass the clip schema', () => {
    const { figures, text } = read(pages);
    const grain = figures.find((f) => f.indicator.text === '1000万吨')!;
    const built = clipOfFigure(grain, text, DOC, new Date('2026-01-02T03:04:05Z'));
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(ClipSchema.safeParse(built.clip).success).toBe(true);
    expect(built.clip.anchor).toMatchObject({ exact: '1000万吨', pdfPage: 2 });
    expect(built.clip.url).toBe(DOC.url);
    expect(built.clip.indicator).toMatchObject({ value: 10000000, unit: '吨' });
  });

  it('are found again on the same figure when the document is read anew', () => {
    const first = read(pages);
    const second = first.figures.filter((f) => f.indicator.text === '30万人')[1]; // the one on page 2
    const clip = clipOfFigure(second, first.text, DOC, new Date());
    if (!clip.ok) throw new Error('not built');
    const again = read(pages);
    const found = anchorClips([clip.clip], again.text, again.figures, 2, true);
    expect(found.get(clip.clip.id)).toBe(second.id);
    expect(second.page).toBe(2);
  });

  it('wait for the text past their page, and drop a quote that is gone', () => {
    const { figures, text } = read(pages);
    const clip = clipOfFigure(figures[figures.length - 1], text, DOC, new Date());
    if (!clip.ok) throw new Error('not built');
    expect(anchorClips([clip.clip], text, figures, 2, false).size).toBe(0);
    const changed = read([['城镇新增就业20万人以上。']]);
    expect(anchorClips([clip.clip], changed.text, changed.figures, 1, true).size).toBe(0);
  });

  it('refuse an address too long to store', () => {
    const { figures, text } = read(pages);
    expect(clipOfFigure(figures[0], text, { ...DOC, url: 'x'.repeat(5000) }, new Date())).toEqual({ ok: false, code: 'url-too-long' });
  });
});
