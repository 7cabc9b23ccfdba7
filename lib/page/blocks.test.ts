// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { collectBlocks, forEachRun, segmentsForRange } from './blocks';

function page(html: string): HTMLElement {
  // Test markup is our own; page text in the extension never goes through innerHTML.
  document.body.innerHTML = html;
  return document.body;
}
const texts = (root: Element) => collectBlocks(root).map((b) => b.text);

describe('collectBlocks', () => {
  beforeEach(() => page(''));

  it('keeps a figure split across inline elements in one block', () => {
    expect(texts(page('<p>完成率<b>98</b>%，新增<span>3.86</span>万亩。</p>'))).toEqual(['完成率98%，新增3.86万亩。']);
  });

  it('never joins table cells, list items or paragraphs', () => {
    const blocks = texts(page('<table><tr><td>12</td><td>%</td></tr></table><ul><li>15</li><li>个</li></ul><p>20</p><p>吨</p>'));
    expect(blocks).toEqual(['12', '%', '15', '个', '20', '吨']);
  });

  it('splits a div with direct text around its nested blocks and at <br>', () => {
    expect(texts(page('<div>前言 <p>正文98%</p> 后记<br>第二行</div>'))).toEqual(['前言', '正文98%', '后记', '第二行']);
  });

  it('leaves out scripts, styles, form fields, editable areas and our own UI', () => {
    const blocks = texts(
      page(
        '<p>甲<script>var x = "55%";</script>乙</p><style>p{}</style><textarea>66%</textarea><input value="77%">' +
          '<select><option>88%</option></select><button>99个</button><div contenteditable="true">11%</div>' +
          '<svg><text>22%</text></svg><noscript>33%</noscript><template><p>44%</p></template><zb-toast>失败</zb-toast><p>丙</p>',
      ),
    );
    expect(blocks).toEqual(['甲乙', '丙']);
  });

  it('leaves out navigation chrome and hidden text, but keeps an article header', () => {
    const blocks = texts(
      page(
        '<header>网站首页 12个栏目</header><nav>导航 3%</nav><aside>热点 5个</aside><div role="navigation">菜单</div>' +
          '<div aria-hidden="true">隐藏 9%</div><p hidden>不可见</p><p style="display:none">也不可见</p>' +
          '<article><header><h1>标题</h1></header><p>正文7<span style="display:none">0</span>%</p></article><footer>版权 2%</footer>',
      ),
    );
    expect(blocks).toEqual(['标题', '正文7%']);
  });

  it('reads each line of preformatted text (a .txt file in the browser) as a block', () => {
    const root = page('');
    const pre = root.appendChild(document.createElement('pre'));
    pre.textContent = '一、总体情况\n  完成 98\n%\n\n（一）目标\n新增15个';
    expect(texts(root)).toEqual(['一、总体情况', '完成 98', '%', '（一）目标', '新增15个']);
    const [, second] = collectBlocks(root);
    expect(segmentsForRange(second, 3, 5).map((s) => s.node.data.slice(s.start, s.end))).toEqual(['98']);
  });

  it('collapses white space as the page shows it and maps offsets back to the text nodes', () => {
    const root = page('<p>  共有\n   60 \u200b<i>多</i>万人\u3000参加  </p>');
    const [block] = collectBlocks(root);
    expect(block.text).toBe('共有 60 多万人 参加');
    const start = block.text.indexOf('60');
    const segs = segmentsForRange(block, start, start + '60 多万人'.length);
    expect(segs.map((s) => s.node.data.slice(s.start, s.end))).toEqual(['60 ', '多', '万人']);
  });

  it('maps a range inside one text node to that node', () => {
    const [block] = collectBlocks(page('<p>达到<b>98</b>%以上</p>'));
    const segs = segmentsForRange(block, 2, 5);
    expect(segs.map((s) => [s.node.data, s.start, s.end])).toEqual([
      ['98', 0, 2],
      ['%以上', 0, 1],
    ]);
  });

  it('copes with very deep nesting (no recursion) and a huge text node', () => {
    // A document without a view: no computed styles, so happy-dom's slow style cascade stays out of it.
    const doc = document.implementation.createHTMLDocument('');
    let at: Element = doc.body;
    for (let i = 0; i < 20000; i++) at = at.appendChild(doc.createElement(i % 2 ? 'div' : 'span'));
    at.appendChild(doc.createTextNode('最深处15个'));
    const huge = doc.body.appendChild(doc.createElement('p'));
    huge.appendChild(doc.createTextNode('数据'.repeat(200000) + '2048万元'));
    const blocks = texts(doc.body);
    expect(blocks[0]).toBe('最深处15个');
    expect(blocks[1].endsWith('2048万元')).toBe(true);
  });

  it('copes with deep nesting in a live page', () => {
    const root = page('<p>前</p>');
    let at: Element = root;
    for (let i = 0; i < 200; i++) at = at.appendChild(document.createElement(i % 2 ? 'div' : 'b'));
    at.appendChild(document.createTextNode('深处98%'));
    expect(texts(root)).toEqual(['前', '深处98%']);
  });

  it('keeps markup-like text as text', () => {
    const root = page('');
    const p = document.createElement('p');
    p.textContent = '<img src=x onerror="alert(1)"> 98%';
    root.appendChild(p);
    expect(texts(root)).toEqual(['<img src=x onerror="alert(1)"> 98%']);
    expect(root.querySelector('img')).toBeNull();
  });
});

describe('runs', () => {
  it('keeps one run per stretch of a text node, collapsed white space on the node it came from', () => {
    const [block] = collectBlocks(page('<p>完成率<b>98</b>%，\n   新增</p>'));
    const [first, bold, last] = Array.from(document.querySelector('p')!.childNodes).map((n) => (n.nodeType === 3 ? n : n.firstChild)) as Text[];
    const runs: [string, number, number, number][] = [];
    forEachRun(block, (node, nodeStart, blockStart, length) => runs.push([node.data, nodeStart, blockStart, length]));
    // 完成率 | 98 | "%，" then one space for the "\n   " (from its first character), then 新增 from after it.
    expect(runs).toEqual([
      [first.data, 0, 0, 3],
      [bold.data, 0, 3, 2],
      [last.data, 0, 5, 3],
      [last.data, 6, 8, 2],
    ]);
    expect(block.text).toBe('完成率98%， 新增');
    expect(block.nodes).toEqual([first, bold, last, last]);
  });
});

describe('reading a block of inline text', () => {
  /** Counts reads of text nodes' own `data` while `fn` runs. */
  function dataReads(fn: () => void): number {
    const proto = Object.getPrototypeOf(Object.getPrototypeOf(document.createTextNode('')));
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'data')!;
    let reads = 0;
    Object.defineProperty(proto, 'data', {
      ...descriptor,
      get(this: Text) {
        reads++;
        return descriptor.get!.call(this);
      },
    });
    try {
      fn();
    } finally {
      Object.defineProperty(proto, 'data', descriptor);
    }
    return reads;
  }

  it('reads a paragraph of inline markup whole, and maps its runs as when read node by node', () => {
    const root = page('<p>完成率<b>98</b>%，\n   新增<span>3.86</span>万亩。</p><p>同比增长<i>5.2</i>%</p>');
    let blocks: ReturnType<typeof collectBlocks> = [];
    expect(dataReads(() => (blocks = collectBlocks(root)))).toBe(0);
    expect(blocks.map((b) => b.text)).toEqual(['完成率98%， 新增3.86万亩。', '同比增长5.2%']);
    const pieces = segmentsForRange(blocks[0], 10, 14).map((s) => s.node.data.slice(s.start, s.end));
    expect(pieces).toEqual(['3.86']);
    const runs: number[][] = [];
    forEachRun(blocks[0], (_node, nodeStart, blockStart, length) => runs.push([nodeStart, blockStart, length]));
    expect(runs).toEqual([
      [0, 0, 3],
      [0, 3, 2],
      [0, 5, 3],
      [6, 8, 2],
      [0, 10, 4],
      [0, 14, 3],
    ]);
  });

  it('reads text node by node where something inside may break the block', () => {
    const root = page('<p>第一段<br>第二段</p><div>前言<p>正文</p></div><p>数据<script>var x = 1;</script>98%</p>');
    let blocks: string[] = [];
    expect(dataReads(() => (blocks = texts(root)))).toBeGreaterThan(0);
    expect(blocks).toEqual(['第一段', '第二段', '前言', '正文', '数据98%']);
  });

  it('stops reading whole texts where guesses keep failing (blocks made by CSS, nested deep)', () => {
    const root = page('');
    let parent: Element = root;
    const level = '第一项增长5.2%。'.repeat(1000);
    for (let i = 0; i < 40; i++) {
      const span = document.createElement('span');
      span.style.display = 'block';
      span.append(level);
      parent.appendChild(span);
      parent = span;
    }
    const proto = Object.getPrototypeOf(Object.getPrototypeOf(Object.getPrototypeOf(root.firstElementChild!)));
    const owner = [proto, Object.getPrototypeOf(proto), Object.getPrototypeOf(Object.getPrototypeOf(proto))].find((p) =>
      Object.getOwnPropertyDescriptor(p, 'textContent'),
    )!;
    const descriptor = Object.getOwnPropertyDescriptor(owner, 'textContent')!;
    let read = 0;
    let depth = 0;
    // (happy-dom builds an element's textContent from its children's: count the outermost call only.)
    Object.defineProperty(owner, 'textContent', {
      ...descriptor,
      get(this: Node) {
        depth++;
        try {
          const text = descriptor.get!.call(this) as string;
          if (depth === 1) read += text.length;
          return text;
        } finally {
          depth--;
        }
      },
    });
    let blocks: string[] = [];
    try {
      blocks = texts(root);
    } finally {
      Object.defineProperty(owner, 'textContent', descriptor);
    }
    expect(blocks).toEqual(Array(40).fill(level));
    // Read whole at every depth, that would be 20 times the page's text; the walk stops after the first guess.
    expect(read).toBeLessThanOrEqual(2 * 40 * level.length);
  });

  it('reads a block node by node again when its whole text does not match its nodes', () => {
    const root = page('<p>增长<b>5.2</b>%</p>');
    // Should a whole text ever differ from its nodes' (longer, or shorter than they add up to): the nodes' own text wins.
    for (const whole of ['减少7.1%，多余', '减少']) {
      Object.defineProperty(root.querySelector('p')!, 'textContent', { get: () => whole, configurable: true });
      const [block] = collectBlocks(root);
      expect(block.text).toBe('增长5.2%');
      expect(segmentsForRange(block, 2, 6).map((s) => s.node.data.slice(s.start, s.end))).toEqual(['5.2', '%']);
    }
  });
});
