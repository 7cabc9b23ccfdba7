// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Highlighter } from './highlighter';
import { simpleExtractor } from './test-support/extractor';
import { installFakeHighlights } from './test-support/highlights';

beforeEach(() => {
  installFakeHighlights(document.defaultView as unknown as Window & typeof globalThis);
});
afterEach(() => document.body.replaceChildren());

async function highlight(html: string): Promise<Highlighter> {
  document.body.innerHTML = html; // the test's own markup
  const highlighter = new Highlighter(document, simpleExtractor);
  await highlighter.apply(await highlighter.scan(document.body));
  return highlighter;
}

describe('figures found from a text position', () => {
  it('tells apart two figures in one text node, and one figure alone in its node, before and after one is dropped', async () => {
    const highlighter = await highlight('<p>去年投入2048万元，完成60人培训。</p><p>新增<b>15个</b>示范点。</p>');
    const [first, second] = document.querySelectorAll('p');
    const shared = first.firstChild as Text;
    const alone = second.querySelector('b')!.firstChild as Text;
    const textsAt = (node: Node, offset: number) => highlighter.figuresAt(node, offset).map((f) => f.indicator.text);
    expect(textsAt(shared, 5)).toEqual(['2048万元']);
    expect(textsAt(shared, 13)).toEqual(['60人']);
    expect(textsAt(shared, 2)).toEqual([]);
    expect(textsAt(alone, 1)).toEqual(['15个']);

    // The page rewrites the shared node: both its figures go, and what is read again takes their place.
    shared.data = '去年投入3002万元，完成培训。';
    await highlighter.rescan([shared], document.body);
    expect(textsAt(shared, 5)).toEqual(['3002万元']);
    expect(textsAt(shared, 13)).toEqual([]);
    expect(textsAt(alone, 1)).toEqual(['15个']);

    highlighter.removeAll();
    expect(textsAt(shared, 5)).toEqual([]);
    expect(textsAt(alone, 1)).toEqual([]);
  });

  it("gives each figure its sentence, trimmed, cut from its block's text", async () => {
    const highlighter = await highlight('<p>  去年投入2048万元。 今年完成60人培训。</p>');
    expect(highlighter.ordered().map((f) => f.sentence)).toEqual(['去年投入2048万元。', '今年完成60人培训。']);
  });
});
