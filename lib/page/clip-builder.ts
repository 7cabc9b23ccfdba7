/** Builds the Clip the store keeps for a highlighted figure (checked against ClipSchema). */
import { type Clip, ClipSchema, clipId, type TextQuoteAnchor } from '../model/clip';
import { clippedIndicatorOf } from '../model/figure';
import { type PageInfo, pageKey, siteOf } from '../model/page';
import type { Figure } from './highlighter';

export type { PageInfo } from '../model/page';

export function pageInfoOf(doc: Document): PageInfo {
  const href = doc.location?.href ?? doc.URL ?? '';
  return { url: pageKey(href), title: doc.title ?? '', site: siteOf(href) };
}

export type BuiltClip = { ok: true; clip: Clip } | { ok: false; error: string };

export function buildClip(fig: Figure, anchor: TextQuoteAnchor, page: PageInfo, clippedAt: Date, id?: string): BuiltClip {
  if (page.url.length > 4096) return { ok: false, error: '网址太长，无法保存' };
  const candidate = {
    id: id ?? clipId(page.url, anchor),
    url: page.url,
    title: page.title.slice(0, 1000),
    site: page.site.slice(0, 255),
    section: fig.heading.slice(0, 500),
    indicator: clippedIndicatorOf(fig.indicator),
    sentence: fig.sentence.slice(0, 4000),
    anchor,
    clippedAt: clippedAt.toISOString(),
  };
  const checked = ClipSchema.safeParse(candidate);
  if (!checked.success) return { ok: false, error: `数据不完整（${checked.error.issues[0]?.path.join('.') ?? '?'}）` };
  return { ok: true, clip: checked.data };
}
