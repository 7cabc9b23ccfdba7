/** Builds the Clip the store keeps for a highlighted figure (checked against ClipSchema). */
import { type Clip, ClipSchema, type ClippedIndicator, clipId, type TextQuoteAnchor } from '../store/clip-schema';
import type { Figure } from './highlighter';

export interface PageInfo {
  /** Without its #fragment. */
  url: string;
  title: string;
  site: string;
}

/** The page's address without its #fragment (the same page whatever part of it is shown). */
export function withoutFragment(href: string): string {
  const hash = href.indexOf('#');
  return hash === -1 ? href : href.slice(0, hash);
}

export function pageInfoOf(doc: Document): PageInfo {
  const href = doc.location?.href ?? doc.URL ?? '';
  let site = '';
  try {
    site = new URL(href).hostname;
  } catch {
    site = '';
  }
  return { url: withoutFragment(href), title: doc.title ?? '', site };
}

const finite = (n: number | undefined): number | undefined => (n !== undefined && Number.isFinite(n) ? n : undefined);

function clippedIndicator(fig: Figure): ClippedIndicator {
  const ind = fig.indicator;
  const out: ClippedIndicator = {
    text: ind.text.slice(0, 200),
    value: ind.value,
    unit: ind.unit.slice(0, 40),
    dimension: ind.dimension,
    role: ind.role,
    label: ind.label.slice(0, 200),
  };
  if (ind.qualifier) out.qualifier = ind.qualifier;
  const valueMax = finite(ind.valueMax);
  if (valueMax !== undefined) out.valueMax = valueMax;
  const from = finite(ind.from);
  if (from !== undefined) out.from = from;
  return out;
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
    indicator: clippedIndicator(fig),
    sentence: fig.sentence.slice(0, 4000),
    anchor,
    clippedAt: clippedAt.toISOString(),
  };
  const checked = ClipSchema.safeParse(candidate);
  if (!checked.success) return { ok: false, error: `数据不完整（${checked.error.issues[0]?.path.join('.') ?? '?'}）` };
  return { ok: true, clip: checked.data };
}
