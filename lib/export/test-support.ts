/** Test data for the export tests and the export benchmark: headers and clips as the UI gives them. */
import type { Role } from '../extract/types';
import type { ClippedIndicator } from '../model/clip';
import { sampleClip, type SampleClipOptions } from '../model/sample-clip.test-support';
import type { ClipColumnId, ExportClip } from './clip-columns';

/** Stand-ins for the catalogue's headers (the UI passes its own). */
export const TEST_HEADERS: Record<ClipColumnId, string> = {
  pageTitle: '页面标题',
  url: '网址',
  section: '章节',
  label: '指标',
  value: '数值',
  unit: '单位',
  dimension: '量纲',
  qualifier: '限定',
  valueMax: '上限',
  from: '原值',
  role: '类型',
  text: '原文数字',
  sentence: '句子',
  clippedAt: '摘录时间',
  note: '备注',
  tags: '标签',
  originalLabel: '原指标',
  originalRole: '原类型',
  originalValue: '原数值',
  originalUnit: '原单位',
  originalDimension: '原量纲',
  edited: '已修改',
};
export const TEST_ROLE_NAMES: Record<Role, string> = { target: '目标', actual: '实际', unknown: '未定' };
export const testRoleName = (role: Role) => TEST_ROLE_NAMES[role];

/** A clip whose figure fields are set outright (sampleClip's own options cover the page and quote). */
export function clipWith(options: SampleClipOptions, figure: Partial<ClippedIndicator> = {}, extra: Partial<ExportClip> = {}): ExportClip {
  const clip = sampleClip(options);
  return { ...clip, indicator: { ...clip.indicator, ...figure }, ...extra };
}
