import { describe, expect, it } from 'vitest';
import { applyPatch, mergeClip } from './corrections';
import { sampleClip } from '../model/sample-clip.test-support';

const clip = sampleClip();
const at = new Date('2024-04-01T00:00:00.000Z');

describe('applyPatch', () => {
  it('marks the edited fields and keeps the original on the first edit', () => {
    const edited = applyPatch(clip, { label: '经济增速', value: 5.5, role: 'target' }, at);
    expect(edited.indicator).toEqual({ ...clip.indicator, label: '经济增速', value: 5.5 });
    expect(edited.original).toEqual(clip.indicator);
    expect(edited.edited).toEqual(['label', 'value']); // role was already target: not an edit
    expect(edited.updatedAt).toBe(at.toISOString());
  });

  it('keeps the first original through later edits, and un-marks a field set back to it', () => {
    const once = applyPatch(clip, { label: '经济增速', unit: '％' }, at);
    const twice = applyPatch(once, { unit: '%', dimension: 'ratio' }, at);
    expect(twice.original).toEqual(clip.indicator);
    expect(twice.edited).toEqual(['label', 'dimension']);
    const back = applyPatch(twice, { label: clip.indicator.label, dimension: clip.indicator.dimension }, at);
    expect(back.indicator).toEqual(clip.indicator);
    expect(back.original).toBeUndefined();
    expect(back.edited).toBeUndefined();
  });

  it('sets, cleans and clears the note and tags', () => {
    const noted = applyPatch(clip, { note: '见附表', tags: [' GDP ', 'GDP', '', '宏观'] }, at);
    expect(noted).toMatchObject({ note: '见附表', tags: ['GDP', '宏观'] });
    expect(noted.edited).toBeUndefined();
    const cleared = applyPatch(noted, { note: '', tags: [] }, at);
    expect(cleared.note).toBeUndefined();
    expect(cleared.tags).toBeUndefined();
  });
});

describe('mergeClip', () => {
  const later = { ...clip, clippedAt: '2025-01-01T00:00:00.000Z' };

  it('keeps the first clippedAt and takes the rest of a new clip', () => {
    expect(mergeClip({ ...later, title: '新' }, clip)).toEqual({ ...clip, title: '新' });
    expect(mergeClip(clip, undefined)).toBe(clip);
  });

  it("keeps the user's corrections over a re-extracted figure, which becomes the original", () => {
    const corrected = applyPatch(clip, { label: '经济增速', note: 'n', tags: ['t'] }, at);
    const reExtracted = { ...later, indicator: { ...clip.indicator, label: '国内生产总值', value: 5.1 } };
    const merged = mergeClip(reExtracted, corrected);
    expect(merged.indicator).toEqual({ ...reExtracted.indicator, label: '经济增速' });
    expect(merged.original).toEqual(reExtracted.indicator);
    expect(merged).toMatchObject({ edited: ['label'], note: 'n', tags: ['t'], updatedAt: at.toISOString(), clippedAt: clip.clippedAt });
  });

  it('drops the mark when the re-extracted figure now says what the user wrote', () => {
    const corrected = applyPatch(clip, { label: '经济增速' }, at);
    const merged = mergeClip({ ...clip, indicator: { ...clip.indicator, label: '经济增速' } }, corrected);
    expect(merged.edited).toBeUndefined();
    expect(merged.original).toBeUndefined();
    expect(merged.indicator.label).toBe('经济增速');
    expect(merged.updatedAt).toBe(at.toISOString());
  });

  it('takes the corrections edited last when both sides carry some (importing a backup)', () => {
    const mine = applyPatch(clip, { note: 'mine' }, new Date('2024-05-01T00:00:00.000Z'));
    const older = applyPatch(clip, { note: 'backup', value: 9 }, new Date('2024-04-01T00:00:00.000Z'));
    const newer = applyPatch(clip, { note: 'backup', value: 9 }, new Date('2024-06-01T00:00:00.000Z'));
    expect(mergeClip(older, mine)).toMatchObject({ note: 'mine', indicator: { value: 5 } });
    expect(mergeClip(newer, mine)).toMatchObject({ note: 'backup', indicator: { value: 9 }, edited: ['value'] });
  });
});
