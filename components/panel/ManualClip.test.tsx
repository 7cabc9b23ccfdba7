// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Clip } from '../../lib/model/clip';
import { sampleClip } from '../../lib/model/sample-clip.test-support';
import { PanelApp } from './PanelApp';
import { byTestId, click, mount, PAGE_URL, pageTab, panelPort, reportFigures, unmountAll, until } from './testing';

afterEach(unmountAll);

/** A manual clip of a sentence in which no number was read. */
function manualClip(): Clip {
  const base = sampleClip({ url: PAGE_URL, exact: '坚持稳中求进', prefix: '', suffix: '工作总基调', sentence: '坚持稳中求进工作总基调。' });
  const { value: _none, ...indicator } = base.indicator;
  return { ...base, source: 'manual', indicator: { ...indicator, text: '坚持稳中求进', unit: '', dimension: 'other', role: 'unknown', label: '' } };
}

describe('the side panel on a manual clip', () => {
  it('opens on the clip named in ?clip= and lets the reader give the value the selection lacked', async () => {
    const clip = manualClip();
    const port = panelPort({ tabs: [pageTab(7, reportFigures())], active: 7, clips: [clip] });
    const { root } = mount(<PanelApp port={port} tabId={7} focusClip={clip.id} />);
    const card = await until(() => byTestId(root, 'manual-clip'));
    expect(byTestId(card, 'sentence').textContent).toBe('坚持稳中求进工作总基调。');
    expect(byTestId(card, 'manual-clip-no-value').textContent).toBe('未读出数字：请填写数值');
    const value = byTestId<HTMLInputElement>(card, 'edit-value');
    expect(value.value).toBe('');
    value.value = '５';
    value.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => expect(port.clips.get(clip.id)?.indicator.value).toBe(5));
    await click(byTestId(card, 'manual-clip-close'));
    expect(root.querySelector('[data-testid="manual-clip"]')).toBeNull();
  });

  it('opens on a clip the background announces (clips.focus), and only for its own tab when fixed to one', async () => {
    const clip = manualClip();
    const port = panelPort({ tabs: [pageTab(7, reportFigures())], active: 7, clips: [clip] });
    const { root } = mount(<PanelApp port={port} tabId={7} />);
    await until(() => byTestId(root, 'panel'));
    port.emit({ type: 'clips.focus', tabId: 8, clipId: clip.id });
    await new Promise((r) => setTimeout(r, 50));
    expect(root.querySelector('[data-testid="manual-clip"]')).toBeNull();
    port.emit({ type: 'clips.focus', tabId: 7, clipId: clip.id });
    await until(() => expect(byTestId(root, 'manual-clip').getAttribute('data-clip-id')).toBe(clip.id));
    expect(byTestId<HTMLInputElement>(root, 'edit-label').value).toBe('');
  });

  it('opens on a clip made before it listened, which the background kept for it (pendingClipFocus)', async () => {
    const clip = manualClip();
    const port = panelPort({ tabs: [pageTab(7, reportFigures())], active: 7, clips: [clip], pendingFocus: { tabId: 7, clipId: clip.id } });
    const { root } = mount(<PanelApp port={port} />);
    await until(() => expect(byTestId(root, 'manual-clip').getAttribute('data-clip-id')).toBe(clip.id));
    expect(port.calls.filter((c) => c.method === 'pendingClipFocus')).toHaveLength(1);
  });

  it('says so when the clip is gone', async () => {
    const port = panelPort({ tabs: [pageTab(7, reportFigures())], active: 7 });
    const { root } = mount(<PanelApp port={port} tabId={7} focusClip="c_missing" />);
    await until(() => byTestId(root, 'manual-clip-missing'));
  });
});
