import { describe, expect, it } from 'vitest';
import { ClipSchema, clipId } from '../model/clip';
import { buildClip, type ClipSource } from './clip-builder';

const figure = (over: Partial<ClipSource['indicator']> = {}): ClipSource => ({
  heading: '二、主要目标',
  sentence: '到2025年，蛀果率由55%降低到95%。',
  indicator: {
    start: 0,
    end: 3,
    text: '95%',
    value: 95,
    unit: '%',
    dimension: 'percent',
    role: 'target',
    label: '蛀果率',
    from: 55,
    qualifier: '>=',
    sentence: { start: 0, end: 10 },
    ...over,
  },
});
const anchor = { exact: '95%', prefix: '蛀果率由55%降低到', suffix: '。', position: 40 };
const page = { url: 'https://www.example.gov.cn/a.html', title: '讲话', site: 'www.example.gov.cn' };

describe('buildClip', () => {
  it('builds a valid clip with a stable id from url and quote', () => {
    const built = buildClip(figure(), anchor, page, new Date('2024-03-05T08:00:00Z'));
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(ClipSchema.parse(built.clip)).toEqual(built.clip);
    expect(built.clip).toMatchObject({
      id: clipId(page.url, anchor),
      url: page.url,
      title: '讲话',
      site: 'www.example.gov.cn',
      section: '二、主要目标',
      sentence: '到2025年，蛀果率由55%降低到95%。',
      anchor,
      clippedAt: '2024-03-05T08:00:00.000Z',
      indicator: { text: '95%', value: 95, unit: '%', dimension: 'percent', role: 'target', label: '蛀果率', from: 55, qualifier: '>=' },
    });
    expect(built.clip.indicator).not.toHaveProperty('start');
  });

  it('leaves out numbers that are not finite and says what is wrong instead of throwing', () => {
    const built = buildClip(figure({ valueMax: Number.NaN }), anchor, page, new Date());
    expect(built.ok && built.clip.indicator.valueMax).toBe(undefined);
    const bad = buildClip(figure({ value: Number.POSITIVE_INFINITY }), anchor, page, new Date());
    expect(bad).toMatchObject({ ok: false, code: 'page.error.incomplete', detail: 'indicator.value' });
    expect(buildClip(figure(), anchor, { ...page, url: 'https://x/' + 'a'.repeat(5000) }, new Date())).toEqual({ ok: false, code: 'page.error.urlTooLong' });
  });
});
