// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLIP_ROW_KEY } from '../messages/schemas';
import { ClipSchema, clipId } from '../model/clip';
import { findAnchor } from './anchor';
import { collectBlocks } from './blocks';
import { PageController } from './controller';
import { buildMainTextIndex } from './main-text';
import { buildManualClip, mainTextSpanOf, manualIndicator, tableUnitOf } from './manual-clip';
import { simpleExtractor } from './test-support/extractor';
import { fakeBackground } from './test-support/fake-background';
import { installFakeHighlights, textsOf } from './test-support/highlights';

const page = { url: 'https://www.example.gov.cn/notice.html', title: '通知', site: 'www.example.gov.cn' };
const AT = new Date('2024-03-05T08:00:00Z');

describe('manualIndicator: the figure read from a selection', () => {
  it('reads full-width digits and a magnitude before the unit', () => {
    expect(manualIndicator('全市粮食产量１２３．５万吨')).toEqual({
      text: '全市粮食产量１２３．５万吨',
      value: 1_235_000,
      unit: '吨',
      dimension: 'mass',
      role: 'unknown',
      label: '全市粮食产量',
    });
  });

  it('reads 亿 and keeps the selection as written', () => {
    expect(manualIndicator('  地区生产总值245.6亿元 ')).toMatchObject({ text: '地区生产总值245.6亿元', value: 24_560_000_000, unit: '元', dimension: 'money' });
  });

  it('reads Chinese numerals', () => {
    expect(manualIndicator('新建学校三十二所')).toMatchObject({ value: 32, unit: '所', dimension: 'count', label: '新建学校' });
    expect(manualIndicator('一千二百万元')).toMatchObject({ value: 12_000_000, unit: '元', dimension: 'money' });
    expect(manualIndicator('增长百分之五')).toMatchObject({ value: 5, unit: '%', dimension: 'percent' });
  });

  it('keeps a qualifier and leaves the unit empty for a bare number', () => {
    expect(manualIndicator('约2.5万人参加')).toMatchObject({ value: 25_000, unit: '人', qualifier: '~' });
    expect(manualIndicator('245.6')).toMatchObject({ value: 245.6, unit: '', dimension: 'other' });
  });

  it('gives a bare number the unit its table states, and only a bare number', () => {
    document.body.innerHTML =
      '<p>单位：亿元</p><table><tr><th>项目</th><th>增长%</th><th>本月</th></tr><tr><td>财政收入</td><td>3.5</td><td>1.1</td></tr></table>';
    const [, growth, month] = Array.from(document.querySelectorAll('td'));
    expect(tableUnitOf(growth.firstChild!)).toEqual({ unit: '%', scale: 1, dimension: 'percent' });
    const yi = tableUnitOf(month.firstChild!);
    expect(yi).toEqual({ unit: '元', scale: 1e8, dimension: 'money' });
    expect(manualIndicator('1.1', yi)).toMatchObject({ text: '1.1', value: 110_000_000, unit: '元', dimension: 'money' });
    expect(manualIndicator('1.1万吨', yi)).toMatchObject({ value: 11_000, unit: '吨', dimension: 'mass' });
    expect(tableUnitOf(document.querySelector('p')!.firstChild!)).toBeNull();
    document.body.replaceChildren();
  });

  it('has text only, and no value, when no number is readable', () => {
    const ind = manualIndicator('全面推进乡村振兴');
    expect(ind).toEqual({ text: '全面推进乡村振兴', unit: '', dimension: 'other', role: 'unknown', label: '' });
    expect(ind).not.toHaveProperty('value');
  });
});

describe('buildManualClip', () => {
  afterEach(() => document.body.replaceChildren());

  it('anchors a selection spanning elements in the main text, so it is found again', () => {
    document.body.innerHTML = '<h2>三、主要指标</h2><p>全年完成投资<b>１２３．５</b><i>亿元</i>，比上年增长<span>百分之五</span>。</p><p>下一段。</p>';
    const index = buildMainTextIndex(collectBlocks(document.body));
    const range = document.createRange();
    range.setStart(document.querySelector('p')!.firstChild!, 2); // 完成投资…
    range.setEnd(document.querySelector('i')!.firstChild!, 2); // …亿元
    const span = mainTextSpanOf(range, index);
    expect(span && index.text.slice(span.start, span.end)).toBe('完成投资１２３．５亿元');
    const built = buildManualClip(span!, index.text, page, '三、主要指标', AT);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    const clip = built.clip;
    expect(ClipSchema.parse(clip)).toEqual(clip);
    expect(clip).toMatchObject({
      id: clipId(page.url, clip.anchor),
      source: 'manual',
      section: '三、主要指标',
      sentence: '全年完成投资１２３．５亿元，比上年增长百分之五。',
      clippedAt: '2024-03-05T08:00:00.000Z',
      indicator: { text: '完成投资１２３．５亿元', value: 12_350_000_000, unit: '元', dimension: 'money', label: '完成投资', role: 'unknown' },
      anchor: { exact: '完成投资１２３．５亿元', suffix: '，比上年增长百分之五。\n下一段。' },
    });
    expect(clip.anchor.prefix.endsWith('全年')).toBe(true);
    // The same text under other markup (after a reload, a redesign) finds the same place.
    document.body.innerHTML = '<h2>三、主要指标</h2><div>全年完成投资１２３．５亿元，比上年增长百分之五。</div><div>下一段。</div>';
    const again = buildMainTextIndex(collectBlocks(document.body));
    const found = findAnchor(clip.anchor, again);
    expect(found && again.text.slice(found.start, found.end)).toBe('完成投资１２３．５亿元');
  });

  it('leaves out whitespace around the selection and refuses one outside the main text', () => {
    document.body.innerHTML = '<p>第一段　</p><p>  第二段文字</p>';
    const index = buildMainTextIndex(collectBlocks(document.body));
    const range = document.createRange();
    range.selectNodeContents(document.body);
    const span = mainTextSpanOf(range, index)!;
    expect(index.text.slice(span.start, span.end)).toMatch(/^第一段[\s\S]*第二段文字$/);
    const empty = document.createRange();
    empty.selectNodeContents(document.querySelectorAll('p')[1]);
    empty.setEnd(document.querySelectorAll('p')[1].firstChild!, 2);
    expect(mainTextSpanOf(empty, index)).toBeNull();
    expect(buildManualClip({ start: 5, end: 5 }, index.text, page, '', AT)).toEqual({ ok: false, code: 'manual.error.notInText' });
    expect(buildManualClip({ start: 0, end: 3 }, index.text, { ...page, url: `https://x/${'a'.repeat(5000)}` }, '', AT)).toEqual({
      ok: false,
      code: 'page.error.urlTooLong',
    });
  });
});

describe('page.clipSelection on a page the extractor finds nothing in', () => {
  let registry: Map<string, Set<AbstractRange>>;
  let controller: PageController | undefined;
  beforeEach(() => {
    registry = installFakeHighlights(document.defaultView as unknown as Window & typeof globalThis);
  });
  afterEach(() => {
    controller?.dispose();
    document.body.replaceChildren();
  });

  const start = async (extract: typeof simpleExtractor = () => []) => {
    const bg = fakeBackground({ autoHighlight: false });
    const notify = vi.fn();
    controller = new PageController({ doc: document, background: bg.api, extract, notify, page: () => page, debounceMs: 10 });
    await controller.start();
    return { bg, notify, controller };
  };
  const select = (node: Node, from: number, to: number) => {
    const range = document.createRange();
    range.setStart(node, from);
    range.setEnd(node, to);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  };

  it('makes a manual clip of the selection, draws it as clipped, and keeps it when clipped again', async () => {
    document.body.innerHTML = '<p>本表单位：亿元</p><table><tr><td>财政收入</td><td>245.6</td></tr></table>';
    const { bg, controller } = await start();
    select(document.querySelectorAll('td')[1].firstChild!, 0, 5);
    const answer = await controller.handlers['page.clipSelection']({}, {});
    expect(answer.clipped).toBe(1);
    const stored = bg.store.get(answer.manualId!);
    expect(stored).toMatchObject({
      source: 'manual',
      indicator: { text: '245.6', value: 24_560_000_000, unit: '元', dimension: 'money' },
      anchor: { exact: '245.6' },
    });
    expect(textsOf(registry, 'zb-clipped')).toEqual(['245.6']);
    bg.store.set(stored!.id, { ...stored!, note: '单位见表头' });
    await controller.clips.refresh();
    expect((await controller.handlers['page.clipSelection']({}, {})).manualId).toBe(stored!.id);
    expect(bg.store.get(stored!.id)?.note).toBe('单位见表头'); // not overwritten
  });

  it('tells the reader, and stores nothing, when nothing is selected', async () => {
    document.body.innerHTML = '<p>全面推进乡村振兴。</p>';
    const { bg, notify, controller } = await start();
    document.getSelection()!.removeAllRanges();
    expect(await controller.handlers['page.clipSelection']({}, {})).toEqual({ clipped: 0 });
    expect(notify).toHaveBeenCalledWith({ code: 'page.error.clipFailed', reason: 'manual.error.noSelection' });
    expect(bg.store.size).toBe(0);
  });

  it('clips the figures the extractor reads in the selection as usual, highlighting the page first', async () => {
    document.body.innerHTML = '<p>去年投入2048万元，完成60人培训。</p>';
    const { bg, controller } = await start(simpleExtractor);
    expect((await controller.status()).highlighted).toBe(false);
    const text = document.querySelector('p')!.firstChild!;
    select(text, 2, 17);
    const answer = await controller.handlers['page.clipSelection']({}, {});
    expect(answer).toEqual({ clipped: 2 });
    expect([...bg.store.values()].map((c) => [c.indicator.text, c.source])).toEqual(
      expect.arrayContaining([
        ['2048万元', undefined],
        ['60人', undefined],
      ]),
    );
    expect((await controller.status()).highlighted).toBe(true);
    expect(textsOf(registry, 'zb-clipped').sort()).toEqual(['2048万元', '60人']);
  });

  it("lists a manual clip among the page's figures in text order, and focuses it from its row", async () => {
    document.body.innerHTML = '<p>去年投入2048万元。</p><table><tr><td>财政收入</td><td>245.6</td></tr></table><p>完成60人培训。</p>';
    const { controller } = await start(simpleExtractor);
    await controller.handlers['page.highlight']({ on: true }, {});
    select(document.querySelectorAll('td')[1].firstChild!, 0, 5);
    const { manualId } = await controller.handlers['page.clipSelection']({}, {});
    const { figures } = await controller.handlers['page.figures']({}, {});
    expect(figures.map((row) => [row.order, row.indicator.text, row.clipIds])).toEqual([
      [1, '2048万元', []],
      [2, '245.6', [manualId]],
      [3, '60人', []],
    ]);
    expect(figures[1].key).toBe(`${CLIP_ROW_KEY}${manualId}`);
    await controller.handlers['page.focus']({ key: figures[1].key }, {});
    expect(textsOf(registry, 'zb-focus')).toEqual(['245.6']);
  });
});
