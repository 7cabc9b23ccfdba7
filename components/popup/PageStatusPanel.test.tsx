// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../lib/i18n';
import type { PageStatus } from '../../lib/messages/schemas';
import { PageStatusPanel } from './PageStatusPanel';
import { byTestId, click, makeStatus, mount, textReason, unmountAll } from '../shared/test-support';

afterEach(() => {
  unmountAll();
  setLocale('zh-CN');
});

function show(status: PageStatus, autoHighlight?: boolean) {
  const handlers = { onHighlight: vi.fn(), onRemoveHighlights: vi.fn(), onAutoHighlight: vi.fn(), onClipAll: vi.fn() };
  const { root } = mount(<PageStatusPanel status={status} autoHighlight={autoHighlight} busy={false} {...handlers} />);
  return { root, ...handlers };
}

describe('PageStatusPanel', () => {
  it('shows a policy verdict with its reasons and the highlight count', () => {
    const { root } = show(
      makeStatus({ isPolicy: true, reasons: [textReason('标题含“讲话”'), textReason('发布机构为国务院')], highlighted: true, indicatorCount: 42 }),
    );
    const verdict = byTestId(root, 'verdict');
    expect(verdict.textContent).toBe('政策/讲话页面');
    expect(verdict.dataset.policy).toBe('true');
    expect([...byTestId(root, 'reasons').querySelectorAll('li')].map((li) => li.textContent)).toEqual(['标题含“讲话”', '发布机构为国务院']);
    expect(byTestId(root, 'indicator-count').textContent).toBe('42');
  });

  it('shows a non-policy verdict', () => {
    const verdict = byTestId(show(makeStatus({ isPolicy: false, reasons: [] })).root, 'verdict');
    expect(verdict.textContent).toBe('非政策页面');
    expect(verdict.dataset.policy).toBe('false');
  });

  it('offers highlighting when the page is not highlighted', async () => {
    const { root, onHighlight } = show(makeStatus({ highlighted: false }));
    expect(root.querySelector('[data-testid="remove-highlights"]')).toBeNull();
    expect(byTestId(root, 'highlight-page').textContent).toBe('高亮本页');
    await click(byTestId(root, 'highlight-page'));
    expect(onHighlight).toHaveBeenCalled();
  });

  it('offers removing highlights when the page is highlighted, highlighting again, and clipping all', async () => {
    const { root, onRemoveHighlights, onClipAll, onHighlight } = show(makeStatus({ highlighted: true, indicatorCount: 3 }));
    expect(byTestId(root, 'highlight-page').textContent).toBe('重新高亮');
    await click(byTestId(root, 'highlight-page'));
    expect(onHighlight).toHaveBeenCalled();
    await click(byTestId(root, 'remove-highlights'));
    await click(byTestId(root, 'clip-all'));
    expect(onRemoveHighlights).toHaveBeenCalled();
    expect(onClipAll).toHaveBeenCalled();
  });

  it('shows the per-site setting and reports changes', async () => {
    const { root, onAutoHighlight } = show(makeStatus({ autoHighlight: false }), true);
    const box = byTestId<HTMLInputElement>(root, 'auto-highlight');
    expect(box.checked).toBe(true);
    await click(box);
    expect(onAutoHighlight).toHaveBeenCalledWith(false);
  });

  it('reads in the chosen language, the count inside the sentence', () => {
    setLocale('en');
    const { root } = show(makeStatus({ isPolicy: false, highlighted: true, indicatorCount: 7, clippedCount: 2 }));
    expect(byTestId(root, 'verdict').textContent).toBe('Not a policy page');
    expect(root.querySelector('.counts')!.textContent).toBe('Figures highlighted: 7; clipped: 2');
    expect(byTestId(root, 'indicator-count').textContent).toBe('7');
    expect(byTestId(root, 'highlight-page').textContent).toBe('Highlight again');
    setLocale('zh-TW');
    unmountAll();
    const tw = show(makeStatus({ isPolicy: true, indicatorCount: 7 })).root;
    expect(tw.querySelector('.counts')!.textContent).toBe('已標示 7 個指標');
    expect(byTestId(tw, 'verdict').textContent).toBe('政策/講話頁面');
  });

  it('puts detection reason codes into words of the chosen language', () => {
    const status = makeStatus({ reasons: [{ code: 'title', points: 4, params: { term: '工作报告' } }] });
    const reasons = () => [...byTestId(document.body, 'reasons').querySelectorAll('li')].map((li) => li.textContent);
    show(status);
    expect(reasons()).toEqual(['标题含“工作报告”']);
    unmountAll();
    setLocale('en');
    show(status);
    expect(reasons()[0]).toContain('工作报告');
    expect(reasons()[0]).not.toContain('标题含');
  });
});
