/** Test data: a valid clip of a figure on a page, as the content script would make it. */
import { type Clip, clipId } from './clip';

export interface SampleClipOptions {
  url?: string;
  exact?: string;
  prefix?: string;
  suffix?: string;
  position?: number;
  clippedAt?: string;
  value?: number;
  unit?: string;
  qualifier?: Clip['indicator']['qualifier'] | null;
  role?: Clip['indicator']['role'];
  label?: string;
  title?: string;
  section?: string;
  sentence?: string;
}

export function sampleClip(options: SampleClipOptions = {}): Clip {
  const url = options.url ?? 'https://www.gov.cn/gongbao/2024/content_1.htm';
  const exact = options.exact ?? '5%';
  const anchor = {
    exact,
    prefix: options.prefix ?? '国内生产总值增长',
    suffix: options.suffix ?? '左右；城镇新增就业',
    position: options.position ?? 120,
  };
  return {
    id: clipId(url, anchor),
    url,
    title: options.title ?? '2024年政府工作报告',
    site: new URL(url).hostname,
    section: options.section ?? '二、2024年经济社会发展总体要求和政策取向',
    indicator: {
      text: exact,
      value: options.value ?? 5,
      unit: options.unit ?? '%',
      dimension: 'percent',
      // null: no qualifier at all
      ...(options.qualifier === null ? {} : { qualifier: options.qualifier ?? '~' }),
      role: options.role ?? 'target',
      label: options.label ?? '国内生产总值增长',
    },
    sentence: options.sentence ?? '国内生产总值增长5%左右；城镇新增就业1200万人以上。',
    anchor,
    clippedAt: options.clippedAt ?? '2024-03-05T01:00:00.000Z',
  };
}
