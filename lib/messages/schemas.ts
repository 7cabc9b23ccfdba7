/**
 * The shapes that travel between the page, the background and the extension's pages: a page's
 * status, a figure as a table row, errors as codes. Checked with zod on both ends (zod/mini: the
 * content script loads this on every page; each schema is built when it first checks something).
 */
import * as z from 'zod/mini';
import { DIMENSIONS } from '../extract/types';
import { ClippedIndicatorSchema, ClipSchema } from '../model/clip';

const text = (max: number) => z.string().check(z.maxLength(max));
const count = () => z.int().check(z.minimum(0));
const params = () => z.record(z.string(), z.union([z.string(), z.number()]));

/** A failure as a code the UI turns into words (`error.<code>` in the catalogue), with details for a bug report. */
export const ErrorInfoSchema = z.lazy(() =>
  z.object({
    code: text(64),
    params: z.optional(params()),
    /** The browser's or library's own wording, kept for the reader's bug report; never the only message. */
    detail: z.optional(text(2000)),
  }),
);
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

/** One reason of the policy-page verdict: a code (`detect.<code>` in the catalogue), its weight and its details. */
export const ReasonSchema = z.lazy(() => z.object({ code: text(64), points: z.number(), params: z.optional(params()) }));
export type Reason = z.infer<typeof ReasonSchema>;

/** What a frame's content script knows about its page. */
export const PageStatusSchema = z.lazy(() =>
  z.object({
    url: text(8192),
    title: text(2000),
    site: text(255),
    /** 'pdf' where the browser shows a PDF document in this tab (the content script cannot read it). */
    kind: z.enum(['html', 'pdf']),
    isPolicy: z.boolean(),
    score: z.number(),
    reasons: z.array(ReasonSchema).check(z.maxLength(64)),
    highlighted: z.boolean(),
    indicatorCount: count(),
    clippedCount: count(),
    /** Stored clips of this page that could not be placed on it now. */
    orphanCount: count(),
    autoHighlight: z.boolean(),
  }),
);
export type PageStatus = z.infer<typeof PageStatusSchema>;

/** A figure of the page as the side panel lists it. `key` is stable while the page is loaded. */
export const FigureRowSchema = z.lazy(() =>
  z.object({
    key: text(64),
    /** Document order. */
    order: count(),
    indicator: ClippedIndicatorSchema,
    heading: text(500),
    sentence: text(4000),
    /** The frame of the tab the figure is in (0 or absent: the top page); its key then starts with `<frameId>:`. */
    frameId: z.optional(count()),
    /** Ids of the stored clips placed on this figure (empty when not clipped). */
    clipIds: z.array(text(128)).check(z.maxLength(16)),
  }),
);
export type FigureRow = z.infer<typeof FigureRowSchema>;
/** The key of a row that is a stored clip on no figure (a manual clip): this, then the clip's id. */
export const CLIP_ROW_KEY = 'clip:';

/** A stored clip that could not be placed on the page now. */
export const OrphanSchema = ClipSchema;

/** Which clips a list asks for: a page's, or all; optionally matching a search; a page of the result at a time. */
export const ClipQuerySchema = z.lazy(() =>
  z.object({
    /** pageKey of one page; absent for every page. */
    page: z.optional(text(8192)),
    /** Words that must all occur (simplified and traditional match alike). */
    search: z.optional(text(200)),
    /** Opaque: the `next` of the previous answer. */
    cursor: z.optional(text(400)),
    limit: z.int().check(z.minimum(1), z.maximum(2000)),
  }),
);
export type ClipQuery = z.infer<typeof ClipQuerySchema>;

export const ClipPageSchema = z.lazy(() =>
  z.object({
    clips: z.array(ClipSchema),
    /** Cursor for the next page; absent at the end. */
    next: z.optional(text(400)),
    /** How many clips the query matches in all, where it could be counted cheaply. */
    total: z.optional(count()),
  }),
);
export type ClipPage = z.infer<typeof ClipPageSchema>;

/** One page that has clips, for the library grouped by page. */
export const PageSummarySchema = z.lazy(() =>
  z.object({
    url: text(8192),
    title: text(2000),
    site: text(255),
    clipCount: count(),
    lastClippedAt: z.iso.datetime(),
  }),
);
export type PageSummary = z.infer<typeof PageSummarySchema>;

/** The user's corrections to a clip; null clears note or tags. */
export const ClipPatchSchema = z.lazy(() =>
  z.object({
    label: z.optional(text(200)),
    role: z.optional(z.enum(['target', 'actual', 'unknown'])),
    value: z.optional(z.number()),
    unit: z.optional(text(40)),
    dimension: z.optional(z.enum(DIMENSIONS)),
    note: z.optional(text(4000)),
    tags: z.optional(z.array(text(40)).check(z.maxLength(20))),
  }),
);
export type ClipPatch = z.infer<typeof ClipPatchSchema>;

export const UiSettingsSchema = z.lazy(() =>
  z.object({
    /** 'auto' follows the browser's language. */
    locale: z.enum(['auto', 'zh-CN', 'zh-TW', 'en']),
  }),
);
export type UiSettings = z.infer<typeof UiSettingsSchema>;
