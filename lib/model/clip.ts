/**
 * What a clip is: the figure, where it was found (page, section, sentence, text-quote anchor), when,
 * and the user's corrections. Shared by every layer (page, messages, store, export, UI).
 */
// zod/mini: the content script loads these schemas on every page, and mini costs a fraction of
// classic zod to load (about 20x smaller, 3x faster to evaluate). Each schema is built when it
// first checks something (z.lazy), not as the module loads: the content script's first task on
// every page is not the place for it.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// mini loads no messages of its own: English ones, so an error says what was wrong.
z.config(en());
import { DIMENSIONS, QUALIFIERS } from '../extract/types';
import { ROLES } from './role';

/** The figure a clip keeps: the extractor's indicator less its offsets. */
const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));

export const CLIP_SOURCES = ['text', 'table', 'pdf', 'manual'] as const;
export type ClipSource = (typeof CLIP_SOURCES)[number];

/** The fields of a clip's figure a user may correct. */
export const EDITABLE_FIELDS = ['label', 'role', 'value', 'unit', 'dimension'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export const ClippedIndicatorSchema = z.lazy(() =>
  z.object({
    text: text(1, 200),
    // zod 4 numbers reject Infinity and NaN already.
    value: z.optional(z.number()),
    unit: text(0, 40),
    dimension: z.enum(DIMENSIONS),
    qualifier: z.optional(z.enum(QUALIFIERS)),
    valueMax: z.optional(z.number()),
    from: z.optional(z.number()),
    role: z.enum(ROLES),
    label: text(0, 200),
  }),
);
export type ClippedIndicator = z.infer<typeof ClippedIndicatorSchema>;

/**
 * Text-quote anchor (as Hypothesis does): the exact figure with ~32 characters either side, and
 * its position in the page's main text, so the clip can be found again after a reload.
 */
export const TextQuoteAnchorSchema = z.lazy(() =>
  z.object({
    exact: text(1, 200),
    prefix: text(0, 64),
    suffix: text(0, 64),
    /** Offset of `exact` in the page's main text (blocks joined by '\n'); a hint, the quote decides. */
    position: z.int().check(z.minimum(0)),
    /** For a PDF document: the page (from 1) the quote is on. */
    pdfPage: z.optional(z.int().check(z.minimum(1))),
  }),
);
export type TextQuoteAnchor = z.infer<typeof TextQuoteAnchorSchema>;

export const ClipSchema = z.lazy(() =>
  z.object({
    /** Stable: derived from url + anchor quote (see clipId), so clipping a figure twice keeps one clip. */
    id: text(1, 128),
    /** Page URL without its #fragment. */
    url: text(1, 4096),
    title: text(0, 1000),
    /** Host name of the page. */
    site: text(0, 255),
    /** Section heading the figure sits under ('' where none). */
    section: text(0, 500),
    indicator: ClippedIndicatorSchema,
    sentence: text(0, 4000),
    anchor: TextQuoteAnchorSchema,
    /** ISO 8601. */
    clippedAt: z.iso.datetime(),
    /** How the clip was made: a figure the extractor found in text or a table, or by hand from a selection. */
    source: z.optional(z.enum(CLIP_SOURCES)),
    /** The extractor's own values, kept once the user has edited any field of `indicator`. */
    original: z.optional(ClippedIndicatorSchema),
    /** Which fields of `indicator` the user edited. */
    edited: z.optional(z.array(z.enum(EDITABLE_FIELDS)).check(z.maxLength(EDITABLE_FIELDS.length))),
    note: z.optional(text(0, 4000)),
    tags: z.optional(z.array(text(1, 40)).check(z.maxLength(20))),
    /** ISO 8601: the last edit. */
    updatedAt: z.optional(z.iso.datetime()),
  }),
);
export type Clip = z.infer<typeof ClipSchema>;

export const SiteSettingsSchema = z.lazy(() =>
  z.object({
    site: text(0, 255),
    /** Highlight automatically when the page is detected as a policy page. */
    autoHighlight: z.boolean(),
  }),
);
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
