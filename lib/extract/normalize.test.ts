/**
 * The matching view: same length as the text, full-width ASCII made ASCII, traditional made
 * simplified, so that one lexicon reads both scripts while spans and labels are copied from the
 * original. Sentences from /work/shared/corpus.
 */
import { describe, expect, it } from 'vitest';
import { extractIndicators } from './index';
import { matchingView, normChar, simplifyUnit } from './normalize';

describe('matchingView', () => {
  it('keeps the length, so every offset in the view is one in the text', () => {
    const text = '全市完成建築業總產值795億元,同比增長１５％。';
    const view = matchingView(text);
    expect(view).toHaveLength(text.length);
    expect(view).toBe('全市完成建筑业总产值795亿元,同比增长15%。');
  });

  it('maps full-width ASCII (，（）too) and the ideographic space, and leaves CJK punctuation alone', () => {
    expect(matchingView('９７．７％　ｍ３／ｓ')).toBe('97.7% m3/s');
    expect(matchingView('，。、“”（）')).toBe(',。、“”()');
  });

  it('maps traditional characters to simplified one for one', () => {
    expect(matchingView('萬噸畝臺個項億歲')).toBe('万吨亩台个项亿岁');
    expect(normChar('檯')).toBe('台');
    expect(normChar('百')).toBe('百');
  });

  it('keeps offsets across astral characters and lone surrogates', () => {
    const text = '😀\ud800完成投资280万元';
    expect(matchingView(text)).toHaveLength(text.length);
    const [ind] = extractIndicators(text);
    expect(text.slice(ind.start, ind.end)).toBe('280万元');
  });

  it('simplifyUnit gives the simplified unit', () => {
    expect(simplifyUnit('個百分點')).toBe('个百分点');
  });
});

describe('traditional and simplified text read alike', () => {
  const traditional = '全市新開工各類保障房21184套,基本建成17298套,完成率分別達到121.1%和230.6%。';
  const simplified = '全市新开工各类保障房21184套,基本建成17298套,完成率分别达到121.1%和230.6%。';

  it('gives the same figures, with spans and labels in the script of the text', () => {
    const t = extractIndicators(traditional);
    const s = extractIndicators(simplified);
    expect(t.map((i) => [i.start, i.end, i.value, i.unit, i.dimension, i.role])).toEqual(s.map((i) => [i.start, i.end, i.value, i.unit, i.dimension, i.role]));
    // Round 2: 各类 is a scope word, not part of the name (the issue: labels carry no scope word).
    expect(t[0].label).toBe('保障房');
    expect(s[0].label).toBe('保障房');
    expect(extractIndicators('全市新開工各類保障門店21184套')[0].label).toBe('保障門店');
    for (const i of t) expect(traditional.slice(i.start, i.end)).toBe(i.text);
  });

  it('writes the unit in simplified Chinese whatever the script', () => {
    expect(extractIndicators('市區新增汙水處理能力12.6萬噸/天。')[0]).toMatchObject({ text: '12.6萬噸/天', unit: '吨/天', value: 126000 });
    expect(extractIndicators('捐贈優秀書刊3000 多冊')[0]).toMatchObject({ text: '3000 多冊', unit: '册' });
  });
});
