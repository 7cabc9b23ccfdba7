// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { anchorFor, findAnchor } from './anchor';
import { collectBlocks } from './blocks';
import { buildMainTextIndex } from './main-text';

const text = '第一段：今年完成投资98%，比上年提高。\n第二段：明年力争达到98%以上。\n第三段：共建成15个示范点。';

describe('anchors', () => {
  it('records the figure with up to 32 characters either side and its position', () => {
    const at = text.indexOf('15个');
    const anchor = anchorFor(text, at, at + 3);
    expect(anchor).toEqual({ exact: '15个', prefix: text.slice(Math.max(0, at - 32), at), suffix: '示范点。', position: at });
  });

  it('tells two equal figures apart by their context', () => {
    const second = text.indexOf('98%', text.indexOf('第二段'));
    const anchor = anchorFor(text, second, second + 3);
    expect(findAnchor({ ...anchor, position: 0 }, { text })).toEqual({ start: second, end: second + 3 });
  });

  it('finds the figure after text was inserted before it', () => {
    const at = text.indexOf('15个');
    const anchor = anchorFor(text, at, at + 3);
    const changed = '新闻提要：本页新增一段。\n' + text;
    const found = findAnchor(anchor, { text: changed })!;
    expect(changed.slice(found.start, found.end)).toBe('15个');
    expect(found.start).toBe(changed.indexOf('15个'));
  });

  it('uses the position to choose between identical quotes', () => {
    const repeated = '合计15个。\n合计15个。\n合计15个。';
    const third = repeated.lastIndexOf('15个');
    const anchor = { exact: '15个', prefix: '合计', suffix: '。', position: third };
    expect(findAnchor(anchor, { text: repeated })!.start).toBe(third);
  });

  it('falls back to partial context when a neighbouring word changed', () => {
    const at = text.indexOf('98%');
    const anchor = anchorFor(text, at, at + 3);
    const edited = text.replace('今年完成投资98%，比上年', '今年完成投资额98%，较上年');
    const found = findAnchor(anchor, { text: edited })!;
    expect(found.start).toBe(edited.indexOf('98%'));
  });

  it('gives up when the figure is gone or its context is unrelated', () => {
    const at = text.indexOf('15个');
    const anchor = anchorFor(text, at, at + 3);
    expect(findAnchor(anchor, { text: text.replace('15个', '16个') })).toBeNull();
    expect(findAnchor(anchor, { text: '完全不同的一页，有15个苹果在桌上放着，别的没有了。' })).toBeNull();
  });

  it('finds figures again after the page is rebuilt with different markup', () => {
    document.body.innerHTML = '<p>第一段：今年完成投资<b>98</b>%。</p><ul><li>共建成15个示范点。</li></ul>';
    const before = buildMainTextIndex(collectBlocks(document.body));
    const at = before.text.indexOf('98%');
    const anchor = anchorFor(before.text, at, at + 3);
    document.body.innerHTML = '<div><p>第一段：今年完成投资<span>9</span>8%。</p></div><ul><li>共建成<i>15</i>个示范点。</li></ul>';
    const after = buildMainTextIndex(collectBlocks(document.body));
    const found = findAnchor(anchor, after)!;
    expect(after.text.slice(found.start, found.end)).toBe('98%');
  });
});
