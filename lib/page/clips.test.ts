// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { type Clip, clipId } from '../model/clip';
import { anchorFor } from './anchor';
import { collectBlocks } from './blocks';
import { matchClips } from './clips';
import { Highlighter } from './highlighter';
import { buildMainTextIndex } from './main-text';
import { simpleExtractor } from './test-support/extractor';

const URL_NOW = 'https://example.com/a';

function clipOf(text: string, exact: string, nth = 0): Clip {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(exact, at + 1);
  const anchor = anchorFor(text, at, at + exact.length);
  return {
    id: clipId(URL_NOW, anchor), url: URL_NOW, title: '', site: 'example.com', section: '', sentence: '', anchor,
    clippedAt: new Date(0).toISOString(),
    indicator: { text: exact, value: 1, unit: '', dimension: 'other', role: 'unknown', label: '' },
  };
}

describe('matchClips', () => {
  it('puts each stored clip on its figure, also after the text around it changed', async () => {
    document.body.innerHTML = '<p>甲地完成98%，乙地完成98%。</p><p>新增15个。</p>';
    const before = buildMainTextIndex(collectBlocks(document.body)).text;
    const second98 = clipOf(before, '98%', 1);
    const fifteen = clipOf(before, '15个');
    document.body.innerHTML = '<p>前言。</p><p>甲地完成98%，乙地完成98%。</p><p>今年新增15个。</p>';
    const h = new Highlighter(document, simpleExtractor);
    await h.apply(await h.scan(document.body));
    const index = buildMainTextIndex(collectBlocks(document.body));
    const matches = await matchClips(Array.from(h.figures.values()), [second98, fifteen], index, URL_NOW);
    const byText = Array.from(matches.entries()).map(([fig, ids]) => [fig.order, fig.indicator.text, ids]);
    const figs = Array.from(h.figures.values()).sort((a, b) => a.order - b.order);
    expect(byText).toContainEqual([figs[1].order, '98%', [second98.id]]);
    expect(byText).toContainEqual([figs[2].order, '15个', [fifteen.id]]);
    expect(matches.has(figs[0])).toBe(false);
  });
});
