// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageStatusSchema } from '../messages/schemas';
import { clipId } from '../model/clip';
import { PageController } from './controller';
import { simpleExtractor } from './test-support/extractor';
import { fakeBackground } from './test-support/fake-background';
import { corpusFiles, fixture, loadHtmlPage, loadTextPage } from './test-support/pages';

const URL_NOW = 'https://www.example.com/speech/2024.html';
let controllers: PageController[] = [];

function setUp(options: { autoHighlight?: boolean; extract?: typeof simpleExtractor; background?: ReturnType<typeof fakeBackground> } = {}) {
  const bg = options.background ?? fakeBackground({ autoHighlight: options.autoHighlight });
  const notify = vi.fn();
  const controller = new PageController({
    doc: document,
    background: bg.api,
    extract: options.extract,
    notify,
    page: () => ({ url: URL_NOW, title: document.title, site: 'www.example.com' }),
    debounceMs: 10,
  });
  window.addEventListener('click', controller.onClick, true);
  controllers.push(controller);
  return { controller, bg, notify };
}

afterEach(() => {
  for (const c of controllers) {
    window.removeEventListener('click', c.onClick, true);
    c.dispose();
  }
  controllers = [];
  document.body.replaceChildren();
});

const marks = () => Array.from(document.querySelectorAll('zb-mark'));
const figureIds = () => new Set(marks().map((m) => m.getAttribute('data-zb-id')));
const marksOf = (text: string) => {
  const first = marks().find((m) => m.textContent === text || text.startsWith(m.textContent ?? '\u0000'));
  const id = first?.getAttribute('data-zb-id');
  return marks().filter((m) => m.getAttribute('data-zb-id') === id);
};
const click = (el: Element, init: MouseEventInit = {}) => {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, detail: 1, ...init });
  el.dispatchEvent(event);
  return event;
};
const clipped = (els: Element[]) => els.map((m) => m.getAttribute('data-clipped'));

const SPEECH =
  '<h2>一、2024年目标</h2><p>今年力争完成率达到<b>98</b>%，新增<a href="/x">15个</a>示范点。</p><h2>二、2023年回顾</h2><p>去年投入2048万元，完成60人培训。</p>';

describe('on load', () => {
  it('highlights a policy page by itself and reports it', async () => {
    loadTextPage(document, corpusFiles().find((f) => f.name.startsWith('002'))!.text);
    const { controller } = setUp();
    await controller.start();
    const status = PageStatusSchema.parse(await controller.handlers['page.status']({}, {}));
    expect(status.isPolicy).toBe(true);
    expect(status.highlighted).toBe(true);
    expect(status.indicatorCount).toBe(figureIds().size);
    expect(marks().some((m) => m.textContent === '212个')).toBe(true);
  });

  it('leaves a news page alone until asked, then highlights and removes on request', async () => {
    loadHtmlPage(document, fixture('news.html'));
    const innerBefore = document.body.innerText;
    const { controller } = setUp();
    await controller.start();
    expect(marks()).toHaveLength(0);
    const before = await controller.handlers['page.status']({}, {});
    expect(before).toMatchObject({ isPolicy: false, highlighted: false, indicatorCount: 0 });
    const on = await controller.handlers['page.highlight']({ on: true }, {});
    expect(on.highlighted).toBe(true);
    expect(marks().some((m) => m.textContent === '5.2%')).toBe(true);
    expect(on.indicatorCount).toBe(figureIds().size);
    const off = await controller.handlers['page.highlight']({ on: false }, {});
    expect(off).toMatchObject({ highlighted: false, indicatorCount: 0 });
    expect(marks()).toHaveLength(0);
    expect(document.body.innerText).toBe(innerBefore);
  });

  it('respects a site that turned automatic highlighting off', async () => {
    loadTextPage(document, corpusFiles().find((f) => f.name.startsWith('002'))!.text);
    const { controller } = setUp({ autoHighlight: false });
    await controller.start();
    expect(marks()).toHaveLength(0);
    expect(await controller.handlers['page.status']({}, {})).toMatchObject({ isPolicy: true, autoHighlight: false, highlighted: false });
  });

  it('highlights the 437 KB corpus page and gives its text back', async () => {
    const big = corpusFiles().find((f) => f.name.startsWith('001'))!;
    loadTextPage(document, big.text);
    const innerBefore = document.body.innerText;
    const { controller } = setUp({ autoHighlight: false });
    await controller.start();
    const status = await controller.handlers['page.highlight']({ on: true }, {});
    expect(status.indicatorCount).toBeGreaterThan(100);
    await controller.handlers['page.highlight']({ on: false }, {});
    expect(document.body.innerText).toBe(innerBefore);
  }, 60_000);
});

describe('clipping by click', () => {
  it('clips a figure at once with everything the clip needs, and un-clips on a second click', async () => {
    document.title = '在全市工作会议上的讲话';
    document.body.innerHTML = SPEECH; // the test's own markup
    const { controller, bg } = setUp({ extract: simpleExtractor });
    await controller.start();
    await controller.handlers['page.highlight']({ on: true }, {});
    const segments = marksOf('98%');
    expect(segments.map((m) => m.textContent)).toEqual(['98', '%']);

    click(segments[1]);
    expect(clipped(segments)).toEqual(['true', 'true']); // before the store answered
    await vi.waitFor(() => expect(bg.api.putClip).toHaveBeenCalledTimes(1));
    const clip = bg.api.putClip.mock.calls[0][0];
    expect(clip).toMatchObject({
      url: URL_NOW,
      title: '在全市工作会议上的讲话',
      site: 'www.example.com',
      section: '一、2024年目标',
      indicator: { text: '98%', value: 98, unit: '%', dimension: 'percent', role: 'target', label: '' },
      sentence: '今年力争完成率达到98%，新增15个示范点。',
    });
    expect(clip.anchor.exact).toBe('98%');
    expect(clip.anchor.prefix.endsWith('今年力争完成率达到')).toBe(true);
    expect(clip.anchor.suffix.startsWith('，新增15个示范点。')).toBe(true);
    expect(clip.id).toBe(clipId(URL_NOW, clip.anchor));
    expect(new Date(clip.clippedAt).toISOString()).toBe(clip.clippedAt);
    await vi.waitFor(() => expect(bg.store.size).toBe(1));

    click(segments[0]);
    expect(clipped(segments)).toEqual(['false', 'false']);
    await vi.waitFor(() => expect(bg.api.deleteClip).toHaveBeenCalledWith(clip.id));
    await vi.waitFor(() => expect(bg.store.size).toBe(0));
  });

  it('treats a passage repeated word for word as one clip', async () => {
    // Context is 32 characters either side: the passage is longer than that around the figure.
    const passage = '<p>这一段话在页面上原样出现了两次，前后文字都超过三十二个字符。全年新增15个示范点，后面还有同样足够长的一段文字用来做上下文，这样后文也超过三十二个字符。</p>';
    document.body.innerHTML = passage + passage;
    const { controller, bg } = setUp({ extract: simpleExtractor });
    await controller.start();
    await controller.handlers['page.highlight']({ on: true }, {});
    const [first, second] = marks();
    expect(second.textContent).toBe('15个');
    click(first);
    await vi.waitFor(() => expect(clipped([first, second])).toEqual(['true', 'true']));
    expect(bg.store.size).toBe(1);
    click(second);
    await vi.waitFor(() => expect(clipped([first, second])).toEqual(['false', 'false']));
    expect(bg.store.size).toBe(0);
  });

  it('does not follow a link when the click is on a highlight, and the page does not see it', async () => {
    document.body.innerHTML = SPEECH;
    const { controller } = setUp({ extract: simpleExtractor });
    await controller.start();
    await controller.handlers['page.highlight']({ on: true }, {});
    const pageHandler = vi.fn();
    document.addEventListener('click', pageHandler);
    const [mark] = marksOf('15个');
    expect(mark.closest('a')).not.toBeNull();
    const event = click(mark);
    expect(event.defaultPrevented).toBe(true);
    expect(pageHandler).not.toHaveBeenCalled();
    const plain = click(document.querySelector('p')!);
    expect(plain.defaultPrevented).toBe(false);
    expect(pageHandler).toHaveBeenCalledTimes(1);
    document.removeEventListener('click', pageHandler);
  });

  it('takes the clip back and says so when the store refuses', async () => {
    document.body.innerHTML = SPEECH;
    const { controller, bg, notify } = setUp({ extract: simpleExtractor });
    await controller.start();
    await controller.handlers['page.highlight']({ on: true }, {});
    bg.state.failPuts = '存储空间已满';
    const segments = marksOf('2048万元');
    click(segments[0]);
    expect(clipped(segments)).toEqual(['true']);
    await vi.waitFor(() => expect(notify).toHaveBeenCalled());
    expect(notify.mock.calls[0][0]).toContain('存储空间已满');
    expect(clipped(segments)).toEqual(['false']);
  });

  it('shows the page toast when no notifier is given, as text', async () => {
    document.body.innerHTML = SPEECH;
    const bg = fakeBackground();
    const controller = new PageController({ doc: document, background: bg.api, extract: simpleExtractor, page: () => ({ url: URL_NOW, title: '', site: 'x' }) });
    controllers.push(controller);
    window.addEventListener('click', controller.onClick, true);
    await controller.start();
    await controller.handlers['page.highlight']({ on: true }, {});
    bg.state.failPuts = '<b>存储空间已满</b>';
    click(marksOf('60人')[0]);
    await vi.waitFor(() => expect(document.querySelector('zb-toast')).not.toBeNull());
    const toast = document.querySelector('zb-toast')!;
    expect(toast.textContent).toContain('<b>存储空间已满</b>');
    expect(toast.querySelector('b')).toBeNull();
    toast.remove();
  });
});

describe('clip all, reload and changes', () => {
  it('clips every highlighted figure once, and shows them clipped after the page is rebuilt', async () => {
    document.body.innerHTML = SPEECH;
    const first = setUp({ extract: simpleExtractor });
    await first.controller.start();
    await first.controller.handlers['page.highlight']({ on: true }, {});
    const result = await first.controller.handlers['page.clipAll']({}, {});
    expect(result.clipped).toBe(4);
    expect((await first.controller.handlers['page.status']({}, {})).clippedCount).toBe(4);
    expect(marks().every((m) => m.getAttribute('data-clipped') === 'true')).toBe(true);
    expect((await first.controller.handlers['page.clipAll']({}, {})).clipped).toBe(0);

    // Un-clip one, then "reload": same text, different markup, a new content script.
    click(marksOf('15个')[0]);
    await vi.waitFor(() => expect(first.bg.store.size).toBe(3));
    first.controller.dispose();
    document.body.innerHTML =
      '<div><h2>一、2024年目标</h2></div><p>今年力争完成率达到<span>9</span>8%，新增15个示范点。</p><h2>二、2023年回顾</h2><p>去年投入<b>2048万元</b>，完成60人培训。</p>';
    const second = setUp({ extract: simpleExtractor, background: first.bg });
    await second.controller.start();
    await second.controller.handlers['page.highlight']({ on: true }, {});
    expect(clipped(marksOf('98%'))).toEqual(['true', 'true']);
    expect(clipped(marksOf('15个'))).toEqual(['false']);
    expect(clipped(marksOf('2048万元'))).toEqual(['true']);
    expect(clipped(marksOf('60人'))).toEqual(['true']);
  });

  it('refreshes clipped state when clips change elsewhere', async () => {
    document.body.innerHTML = SPEECH;
    const { controller, bg } = setUp({ extract: simpleExtractor });
    await controller.start();
    await controller.handlers['page.highlight']({ on: true }, {});
    await controller.handlers['page.clipAll']({}, {});
    const target = marksOf('60人');
    const id = Array.from(bg.store.values()).find((c) => c.indicator.text === '60人')!.id;
    bg.store.delete(id);
    expect(await controller.handlers['page.clipsChanged']({ pages: [] }, {})).toEqual({ ok: true });
    expect(clipped(target)).toEqual(['false']);
    expect((await controller.handlers['page.status']({}, {})).clippedCount).toBe(3);
  });

  it('highlights content added after load, once', async () => {
    document.body.innerHTML = SPEECH;
    const { controller } = setUp({ extract: simpleExtractor });
    await controller.start();
    await controller.handlers['page.highlight']({ on: true }, {});
    const before = figureIds().size;
    const p = document.createElement('p');
    p.textContent = '补充：新增耕地3.86万亩。';
    document.body.appendChild(p);
    await vi.waitFor(() => expect(p.querySelector('zb-mark')?.textContent).toBe('3.86万亩'));
    await new Promise((r) => setTimeout(r, 50));
    expect(figureIds().size).toBe(before + 1);
    expect(p.textContent).toBe('补充：新增耕地3.86万亩。');
  });

  it('drops highlights the page removed and does not count them', async () => {
    document.body.innerHTML = SPEECH;
    const { controller } = setUp({ extract: simpleExtractor });
    await controller.start();
    await controller.handlers['page.highlight']({ on: true }, {});
    document.querySelectorAll('p')[1].remove();
    await vi.waitFor(async () => expect((await controller.handlers['page.status']({}, {})).indicatorCount).toBe(2));
  });
});
