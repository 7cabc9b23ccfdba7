// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageStatusSchema } from '../messages/schemas';
import { type Clip, clipId } from '../model/clip';
import { PageController } from './controller';
import { simpleExtractor } from './test-support/extractor';
import { fakeBackground } from './test-support/fake-background';
import { installFakeHighlights, textsOf } from './test-support/highlights';
import { corpusFiles, fixture, loadHtmlPage, loadTextPage } from './test-support/pages';

const URL_NOW = 'https://www.example.com/speech/2024.html';
let controllers: PageController[] = [];
let registry: Map<string, Set<AbstractRange>>;

beforeEach(() => {
  registry = installFakeHighlights(document.defaultView as unknown as Window & typeof globalThis);
});

function setUp(options: { autoHighlight?: boolean; extract?: typeof simpleExtractor; background?: ReturnType<typeof fakeBackground> } = {}) {
  const bg = options.background ?? fakeBackground({ autoHighlight: options.autoHighlight });
  const notify = vi.fn();
  const announce = vi.fn();
  const focused = vi.fn();
  const controller = new PageController({
    doc: document,
    background: bg.api,
    extract: options.extract,
    notify,
    announce,
    focused,
    page: () => ({ url: URL_NOW, title: document.title, site: 'www.example.com' }),
    debounceMs: 10,
  });
  controllers.push(controller);
  return { controller, bg, notify, announce, focused };
}

afterEach(() => {
  for (const c of controllers) c.dispose();
  controllers = [];
  document.body.replaceChildren();
});

const drawn = () => [...textsOf(registry, 'zb-target'), ...textsOf(registry, 'zb-actual'), ...textsOf(registry, 'zb-unknown')];
const SPEECH =
  '<h2>一、2024年目标</h2><p>今年力争完成率达到<b>98</b>%，新增<a href="/x">15个</a>示范点。</p><h2>二、2023年回顾</h2><p>去年投入2048万元，完成60人培训。</p>';

async function speech() {
  document.title = '在全市工作会议上的讲话';
  document.body.innerHTML = SPEECH; // the test's own markup
  const set = setUp({ extract: simpleExtractor });
  await set.controller.start();
  await set.controller.handlers['page.highlight']({ on: true }, {});
  const keyOf = (text: string) => set.controller.figureRows().find((r) => r.indicator.text === text)!.key;
  return { ...set, keyOf };
}

describe('on load', () => {
  it('highlights a policy page by itself, as ranges, without touching the DOM', async () => {
    loadTextPage(document, corpusFiles().find((f) => f.name.startsWith('002'))!.text);
    const html = document.body.innerHTML;
    const { controller } = setUp();
    await controller.start();
    const status = PageStatusSchema.parse(await controller.handlers['page.status']({}, {}));
    expect(status).toMatchObject({ isPolicy: true, highlighted: true });
    expect(status.indicatorCount).toBe(drawn().length);
    expect(drawn()).toContain('212个');
    expect(document.body.innerHTML).toBe(html);
  });

  it('leaves a news page alone until asked, then highlights and removes on request', async () => {
    loadHtmlPage(document, fixture('news.html'));
    const html = document.body.innerHTML;
    const { controller } = setUp();
    await controller.start();
    expect(drawn()).toHaveLength(0);
    expect(await controller.handlers['page.status']({}, {})).toMatchObject({ isPolicy: false, highlighted: false, indicatorCount: 0 });
    const on = await controller.handlers['page.highlight']({ on: true }, {});
    expect(on.highlighted).toBe(true);
    expect(drawn()).toContain('5.2%');
    expect(on.indicatorCount).toBe(drawn().length);
    const off = await controller.handlers['page.highlight']({ on: false }, {});
    expect(off).toMatchObject({ highlighted: false, indicatorCount: 0 });
    expect(['zb-target', 'zb-actual', 'zb-unknown', 'zb-clipped', 'zb-focus'].filter((n) => registry.has(n))).toEqual([]);
    expect(document.body.innerHTML).toBe(html);
  });

  it('does not highlight again when asked while the page is being, or has been, highlighted', async () => {
    loadHtmlPage(document, fixture('news.html'));
    const { controller } = setUp();
    await controller.start();
    const apply = vi.spyOn(controller.highlighter, 'apply');
    // Asked twice at once (the popup's button, then the shortcut): one highlight answers both.
    const [first, second] = await Promise.all([
      controller.handlers['page.highlight']({ on: true }, {}),
      controller.handlers['page.highlight']({ on: true }, {}),
    ]);
    expect(second).toEqual(first);
    expect(first.indicatorCount).toBeGreaterThan(0);
    expect(apply).toHaveBeenCalledTimes(1);
    // Asked again later, the page unchanged: nothing to do.
    expect((await controller.handlers['page.highlight']({ on: true }, {})).indicatorCount).toBe(first.indicatorCount);
    expect(apply).toHaveBeenCalledTimes(1);
    // Removed, then asked again: drawn again.
    await controller.handlers['page.highlight']({ on: false }, {});
    expect((await controller.handlers['page.highlight']({ on: true }, {})).indicatorCount).toBe(first.indicatorCount);
    expect(apply).toHaveBeenCalledTimes(2);
    expect(drawn()).toContain('5.2%');
  });

  it('respects a site that turned automatic highlighting off', async () => {
    loadTextPage(document, corpusFiles().find((f) => f.name.startsWith('002'))!.text);
    const { controller } = setUp({ autoHighlight: false });
    await controller.start();
    expect(drawn()).toHaveLength(0);
    expect(await controller.handlers['page.status']({}, {})).toMatchObject({ isPolicy: true, autoHighlight: false, highlighted: false });
  });
});

describe('clipping', () => {
  it('draws each figure in the highlight of its role, one range across inline elements', async () => {
    await speech();
    expect(textsOf(registry, 'zb-target')).toEqual(['98%', '15个']);
    expect(textsOf(registry, 'zb-actual')).toEqual(['2048万元', '60人']);
  });

  it('clips a figure with everything the clip needs, shows it at once, and un-clips it', async () => {
    const { controller, bg, keyOf, announce } = await speech();
    const key = keyOf('98%');
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const put = bg.api.putClip.getMockImplementation()!;
    bg.api.putClip.mockImplementationOnce(async (c) => {
      await answered;
      return put(c);
    });
    const saving = controller.handlers['page.setClipped']({ keys: [key], clipped: true }, {});
    await vi.waitFor(() => expect(textsOf(registry, 'zb-clipped')).toEqual(['98%'])); // before the store answered
    expect(bg.store.size).toBe(0);
    answer();
    expect(await saving).toEqual({ changed: 1 });
    const clip = bg.api.putClip.mock.calls[0][0];
    expect(clip).toMatchObject({ url: URL_NOW, section: '一、2024年目标', indicator: { text: '98%', value: 98, role: 'target' }, anchor: { exact: '98%' } });
    expect(clip.id).toBe(clipId(URL_NOW, clip.anchor));
    expect(controller.figureRows().find((r) => r.key === key)!.clipIds).toEqual([clip.id]);
    expect(announce).toHaveBeenCalled();
    await controller.handlers['page.setClipped']({ keys: [key], clipped: false }, {});
    expect(bg.store.size).toBe(0);
    expect(textsOf(registry, 'zb-clipped')).toEqual([]);
  });

  it('takes the clip back and says so (as a code) when the store refuses', async () => {
    const { controller, bg, keyOf, notify } = await speech();
    bg.state.failPuts = 'QuotaExceededError';
    await controller.handlers['page.setClipped']({ keys: [keyOf('60人')], clipped: true }, {});
    expect(textsOf(registry, 'zb-clipped')).toEqual([]);
    expect(notify).toHaveBeenCalledWith({ code: 'page.error.clipFailed', reason: 'QuotaExceededError' });
  });

  it('clips every figure once with clip-all', async () => {
    const { controller, bg } = await speech();
    expect(await controller.handlers['page.clipAll']({}, {})).toEqual({ clipped: 4 });
    expect(bg.store.size).toBe(4);
    expect(textsOf(registry, 'zb-clipped').sort()).toEqual(['15个', '2048万元', '60人', '98%']);
  });
});

describe('stored clips are anchored on their own', () => {
  const stored = (exact: string, prefix: string, suffix: string): Clip => ({
    id: clipId(URL_NOW, { exact, prefix, suffix }),
    url: URL_NOW,
    title: 't',
    site: 'www.example.com',
    section: '',
    indicator: { text: exact, value: 1, unit: '', dimension: 'other', role: 'unknown', label: '' },
    sentence: '',
    anchor: { exact, prefix, suffix, position: 0 },
    clippedAt: new Date(0).toISOString(),
  });

  it('draws a clip the extractor does not find, matches moved ones fuzzily, and reports the rest as orphans', async () => {
    document.body.innerHTML = SPEECH;
    const bg = fakeBackground();
    bg.store.set('a', { ...stored('示范点', '新增15个', '。'), id: 'a' }); // not a figure at all
    bg.store.set('b', { ...stored('2048万元', '去年投入', '，完成6'), id: 'b' }); // a figure, exact
    bg.store.set('c', { ...stored('60人', '去年投入2048万元，一共完成', '培训。'), id: 'c' }); // context changed: fuzzy
    bg.store.set('d', { ...stored('77吨', '没有', '这句'), id: 'd' }); // gone
    const { controller } = setUp({ extract: simpleExtractor, background: bg });
    await controller.start();
    await controller.handlers['page.highlight']({ on: true }, {});
    expect(textsOf(registry, 'zb-clipped').sort()).toEqual(['2048万元', '60人', '示范点']);
    const { figures, orphans } = await controller.handlers['page.figures']({}, {});
    expect(orphans.map((o) => o.id)).toEqual(['d']);
    expect(figures.find((f) => f.indicator.text === '2048万元')!.clipIds).toEqual(['b']);
    expect((await controller.handlers['page.status']({}, {})).orphanCount).toBe(1);
  });
});

describe('keyboard commands', () => {
  it('moves the focus across figures in document order, wrapping, and clips the focused one', async () => {
    const { controller, bg, focused } = await speech();
    const focus = () => textsOf(registry, 'zb-focus');
    await controller.handlers['page.command']({ command: 'next' }, {});
    expect(focus()).toEqual(['98%']);
    await controller.handlers['page.command']({ command: 'next' }, {});
    expect(focus()).toEqual(['15个']);
    await controller.handlers['page.command']({ command: 'previous' }, {});
    await controller.handlers['page.command']({ command: 'previous' }, {});
    expect(focus()).toEqual(['60人']);
    expect(focused).toHaveBeenLastCalledWith(controller.figureRows().find((r) => r.indicator.text === '60人')!.key);
    await controller.handlers['page.command']({ command: 'toggle' }, {});
    expect(Array.from(bg.store.values()).map((c) => c.indicator.text)).toEqual(['60人']);
    await controller.handlers['page.command']({ command: 'highlight' }, {});
    expect(drawn()).toEqual([]);
  });
});

describe('pages that change', () => {
  it('rebuilds only the changed block, and shows an updated figure as its new value', async () => {
    const { controller } = await speech();
    const p = document.querySelectorAll('p')[1];
    const text = p.firstChild as Text;
    text.data = '去年投入3002万元，完成60人培训。';
    await vi.waitFor(() => expect(textsOf(registry, 'zb-actual')).toContain('3002万元'));
    expect(textsOf(registry, 'zb-actual')).not.toContain('2048万元');
    expect(textsOf(registry, 'zb-target')).toEqual(['98%', '15个']);
    expect(controller.figureRows()).toHaveLength(4);
  });

  it('reads again a page its own scripts change while it is first read (the script starts as soon as it is parsed)', async () => {
    document.title = '在全市工作会议上的讲话';
    document.body.innerHTML = SPEECH; // the test's own markup
    const p = document.querySelectorAll('p')[1];
    let changed = false;
    // The page's script runs between two slices of the first reading.
    const extract = (text: string, options?: { heading?: string }) => {
      if (!changed) {
        changed = true;
        p.replaceChildren(document.createTextNode('去年投入3002万元，完成61人培训。'));
      }
      return simpleExtractor(text, options);
    };
    const { controller } = setUp({ extract });
    await controller.start();
    await controller.handlers['page.highlight']({ on: true }, {});
    await vi.waitFor(() => expect(textsOf(registry, 'zb-actual')).toEqual(['3002万元', '61人']));
    await controller.idle;
    expect(drawn()).not.toContain('2048万元');
    expect(controller.figureRows().map((r) => r.indicator.text)).toEqual(['98%', '15个', '3002万元', '61人']);
  });

  it('follows a node replaced in place (as frameworks re-render), without growing', async () => {
    const { controller } = await speech();
    const p = document.querySelectorAll('p')[1];
    for (let i = 0; i < 5; i++) {
      p.replaceChildren(document.createTextNode(`去年投入${3000 + i}万元，完成60人培训。`));
      await vi.waitFor(() => expect(textsOf(registry, 'zb-actual')).toContain(`${3000 + i}万元`));
    }
    expect(controller.figureRows()).toHaveLength(4);
    expect(registry.get('zb-actual')!.size).toBe(2);
  });
});
