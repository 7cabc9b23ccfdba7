import { z } from 'zod';
import { DIMENSIONS, QUALIFIERS, ROLES } from '../extract/types';

/** The figure a clip keeps: the extractor's indicator less its offsets. */
export const ClippedIndicatorSchema = z.object({
  text: z.string().min(1).max(200),
  value: z.number().finite(),
  unit: z.string().max(40),
  dimension: z.enum(DIMENSIONS),
  qualifier: z.enum(QUALIFIERS).optional(),
  valueMax: z.number().finite().optional(),
  from: z.number().finite().optional(),
  role: z.enum(ROLES),
  label: z.string().max(200),
});
export type ClippedIndicator = z.infer<typeof ClippedIndicatorSchema>;

/**
 * Text-quote anchor (as Hypothesis does): the exact figure with ~32 characters either side, and
 * its position in the page's main text, so the clip can be found again after a reload.
 */
export const TextQuoteAnchorSchema = z.object({
  exact: z.string().min(1).max(200),
  prefix: z.string().max(64),
  suffix: z.string().max(64),
  /** Offset of `exact` in the page's main text (blocks joined by '\n'); a hint, the quote decides. */
  position: z.number().int().min(0),
});
export type TextQuoteAnchor = z.infer<typeof TextQuoteAnchorSchema>;

export const ClipSchema = z.object({
  /** Stable: derived from url + anchor quote (see clipId), so clipping a figure twice keeps one clip. */
  id: z.string().min(1).max(128),
  /** Page URL without its #fragment. */
  url: z.string().min(1).max(4096),
  title: z.string().max(1000),
  /** Host name of the page. */
  site: z.string().max(255),
  /** Section heading the figure sits under ('' where none). */
  section: z.string().max(500),
  indicator: ClippedIndicatorSchema,
  sentence: z.string().max(4000),
  anchor: TextQuoteAnchorSchema,
  /** ISO 8601. */
  clippedAt: z.string().datetime(),
});
export type Clip = z.infer<typeof ClipSchema>;

export const SiteSettingsSchema = z.object({
  site: z.string().max(255),
  /** Highlight automatically when the page is detected as a policy page. */
  autoHighlight: z.boolean(),
});
export type SiteSettings = z.infer<typeof SiteSettingsSchema>;

/** FNV-1a 32-bit, twice with different seeds: a short stable id without crypto APIs (sync, any context). */
function fnv1a(s: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The id of a clip of this figure on this page: same url and quote → same id. */
export function clipId(url: string, anchor: Pick<TextQuoteAnchor, 'exact' | 'prefix' | 'suffix'>): string {
  const key = `${url}\u0000${anchor.prefix}\u0000${anchor.exact}\u0000${anchor.suffix}`;
  return `c_${fnv1a(key, 0x811c9dc5)}${fnv1a(key, 0x01234567)}`;
}
