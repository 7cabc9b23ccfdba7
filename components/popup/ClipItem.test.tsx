// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../lib/i18n';
import { ClipItem } from './ClipItem';
import { byTestId, click, makeClip, mount, unmountAll } from '../shared/test-support';

afterEach(() => {
  unmountAll();
  setLocale('zh-CN');
});

function show(clip = makeClip(), onDelete = vi.fn()) {
  return mount(
    <ul>
      <ClipItem clip={clip} onDelete={onDelete} />
    </ul>,
  ).root;
}

describe('ClipItem', () => {
  it('shows label, figure as written and normalised, role and sentence', () => {
    const clip = makeClip({ label: '粮食产量', text: '1.3万亿斤', value: 1.3e12, unit: '斤', role: 'actual', sentence: '粮食产量达到1.3万亿斤。' });
    const root = show(clip);
    const item = byTestId(root, 'clip-item');
    expect(item.dataset.clipId).toBe(clip.id);
    expect(item.dataset.url).toBe(clip.url);
    expect(byTestId(root, 'clip-label').textContent).toBe('粮食产量');
    expect(byTestId(root, 'clip-figure').textContent).toContain('1.3万亿斤');
    expect(byTestId(root, 'clip-figure').textContent).toContain('1,300,000,000,000 斤');
    expect(byTestId(root, 'clip-role').textContent).toBe('实际');
    expect(byTestId(root, 'clip-sentence').textContent).toBe('粮食产量达到1.3万亿斤。');
  });

  it('names each role in Chinese', () => {
    expect(byTestId(show(makeClip({ role: 'target' })), 'clip-role').textContent).toBe('目标');
    unmountAll();
    expect(byTestId(show(makeClip({ role: 'unknown' })), 'clip-role').textContent).toBe('未知');
  });

  it('marks the figure inside the sentence', () => {
    const root = show(makeClip({ text: '5%', sentence: '增长5%左右。' }));
    const marks = byTestId(root, 'clip-sentence').querySelectorAll('mark');
    expect(marks).toHaveLength(1);
    expect(marks[0].textContent).toBe('5%');
  });

  it('shows markup in page text as text and creates no element from it', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const root = show(makeClip({ text: '5%', label: evil, sentence: `${evil}增长5%。<b>粗</b>` }));
    const sentence = byTestId(root, 'clip-sentence');
    expect(sentence.textContent).toBe(`${evil}增长5%。<b>粗</b>`);
    expect(root.querySelector('img')).toBeNull();
    expect(sentence.querySelector('b')).toBeNull();
    expect(byTestId(root, 'clip-label').textContent).toBe(evil);
  });

  it('asks to delete its own clip', async () => {
    const onDelete = vi.fn();
    const clip = makeClip();
    await click(byTestId(show(clip, onDelete), 'clip-delete'));
    expect(onDelete).toHaveBeenCalledWith(clip.id);
  });

  it('writes the figure, the role and the date for the chosen language', () => {
    setLocale('en');
    const root = show(makeClip({ text: '1.3万亿斤', value: 1.3e12, unit: '斤', role: 'actual', clippedAt: '2024-03-05T12:00:00.000Z' }));
    expect(byTestId(root, 'clip-role').textContent).toBe('actual');
    expect(byTestId(root, 'clip-delete').textContent).toBe('Delete');
    expect(byTestId(root, 'clip-time').textContent).toMatch(/^Clipped Mar 5, 2024/);
    expect(byTestId(root, 'clip-time').getAttribute('datetime')).toBe('2024-03-05T12:00:00.000Z');
    setLocale('zh-TW');
    unmountAll();
    const tw = show(makeClip({ role: 'target', clippedAt: '2024-03-05T12:00:00.000Z' }));
    expect(byTestId(tw, 'clip-role').textContent).toBe('目標');
    expect(byTestId(tw, 'clip-time').textContent).toMatch(/^摘錄於 2024年3月5日/);
  });
});
