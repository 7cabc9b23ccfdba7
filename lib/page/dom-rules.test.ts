// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { blockContainer, classifyElement, isInsideSkipped, mainRoot } from './dom-rules';

describe('dom rules', () => {
  it('uses a single <main> with real text as the main root, else the body', () => {
    document.body.innerHTML = `<nav>导航</nav><main><p>${'正文'.repeat(150)}</p></main>`;
    expect(mainRoot(document)!.tagName).toBe('MAIN');
    document.body.innerHTML = '<main>短</main><p>正文</p>';
    expect(mainRoot(document)).toBe(document.body);
  });

  it('tells skipped, block and inline elements apart', () => {
    document.body.innerHTML = '<p id="p"><b id="b">x</b><span id="h" hidden>y</span></p><button id="btn">z</button><zb-ui id="t">!</zb-ui>';
    const kind = (id: string) => classifyElement(document.getElementById(id)!);
    expect([kind('p'), kind('b'), kind('h'), kind('btn'), kind('t')]).toEqual(['block', 'inline', 'skip', 'skip-separate', 'skip-separate']);
  });

  it('finds the block around a node and whether it sits in skipped chrome', () => {
    document.body.innerHTML = '<nav><p><i id="n">菜单</i></p></nav><div id="d">文字<b id="b">粗</b></div>';
    expect(blockContainer(document.getElementById('b')!, document.body).id).toBe('d');
    expect(isInsideSkipped(document.getElementById('n')!, document.body)).toBe(true);
    expect(isInsideSkipped(document.getElementById('b')!, document.body)).toBe(false);
  });
});
