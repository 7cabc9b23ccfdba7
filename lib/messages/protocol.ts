/**
 * Every message that crosses a boundary, typed by direction (as Dark Reader does) and checked with
 * zod on both ends. A direction maps a message type to its request and response schemas.
 */
import * as z from 'zod/mini'; // loaded by the content script on every page: see clip-schema.ts
import { ClipSchema, SiteSettingsSchema } from '../model/clip';

/** What the content script knows about its page; the popup shows it. */
export const PageStatusSchema = z.object({
  url: z.string(),
  title: z.string(),
  site: z.string(),
  /** Detection verdict: a speech / report / policy page. */
  isPolicy: z.boolean(),
  /** Detection score (higher is more policy-like) and the human-readable reasons behind it. */
  score: z.number(),
  reasons: z.array(z.string()),
  /** Whether highlights are on the page now, and how many indicators are highlighted. */
  highlighted: z.boolean(),
  indicatorCount: z.int().check(z.minimum(0)),
  clippedCount: z.int().check(z.minimum(0)),
  autoHighlight: z.boolean(),
});
export type PageStatus = z.infer<typeof PageStatusSchema>;

const Empty = z.object({});
const Ok = z.object({ ok: z.literal(true) });

/** Content script → background: the content script's only way to the clip store. */
export const contentToBackground = {
  putClip: { request: z.object({ clip: ClipSchema }), response: z.object({ clip: ClipSchema }) },
  deleteClip: { request: z.object({ id: z.string() }), response: z.object({ deleted: z.boolean() }) },
  clipsForPage: { request: z.object({ url: z.string() }), response: z.object({ clips: z.array(ClipSchema) }) },
  getSiteSettings: { request: z.object({ site: z.string() }), response: SiteSettingsSchema },
} as const;

/** Popup → background. */
export const popupToBackground = {
  listClips: { request: Empty, response: z.object({ clips: z.array(ClipSchema) }) },
  putClips: { request: z.object({ clips: z.array(ClipSchema) }), response: z.object({ stored: z.int() }) },
  deleteClip: { request: z.object({ id: z.string() }), response: z.object({ deleted: z.boolean() }) },
  clearPage: { request: z.object({ url: z.string() }), response: z.object({ deleted: z.int() }) },
  getSiteSettings: { request: z.object({ site: z.string() }), response: SiteSettingsSchema },
  setSiteSettings: { request: SiteSettingsSchema, response: SiteSettingsSchema },
} as const;

/** Popup → content script of the active tab. */
export const popupToContent = {
  getPageStatus: { request: Empty, response: PageStatusSchema },
  /** Highlight now, whatever the verdict (the user asked). */
  highlightPage: { request: Empty, response: PageStatusSchema },
  removeHighlights: { request: Empty, response: PageStatusSchema },
  /** Clip every highlighted indicator of the page. */
  clipAll: { request: Empty, response: z.object({ clipped: z.int(), status: PageStatusSchema }) },
  /** Clips changed elsewhere (popup deleted some): re-read them and update data-clipped. */
  clipsChanged: { request: Empty, response: Ok },
} as const;

export const DIRECTIONS = {
  'content->background': contentToBackground,
  'popup->background': popupToBackground,
  'popup->content': popupToContent,
} as const;

type Directions = typeof DIRECTIONS;
export type Direction = keyof Directions;
export type MessageType<D extends Direction> = keyof Directions[D] & string;
type Spec<D extends Direction, T extends MessageType<D>> = Directions[D][T] extends {
  request: infer Q extends z.ZodMiniType;
  response: infer R extends z.ZodMiniType;
}
  ? { request: Q; response: R }
  : never;
export type RequestOf<D extends Direction, T extends MessageType<D>> = z.infer<Spec<D, T>['request']>;
export type ResponseOf<D extends Direction, T extends MessageType<D>> = z.infer<Spec<D, T>['response']>;

/** The envelope on the wire. `zb` tells our messages from anything else on the runtime channel. */
export const EnvelopeSchema = z.object({
  zb: z.literal(1),
  direction: z.enum(Object.keys(DIRECTIONS) as [Direction, ...Direction[]]),
  type: z.string().check(z.maxLength(64)),
  payload: z.unknown(),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;

/** Replies carry either the data or a message a person can read (e.g. "storage is full"). */
export const ReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type Reply = z.infer<typeof ReplySchema>;

export function specFor(direction: Direction, type: string): { request: z.ZodMiniType; response: z.ZodMiniType } | undefined {
  const table = DIRECTIONS[direction] as Record<string, { request: z.ZodMiniType; response: z.ZodMiniType }>;
  return Object.prototype.hasOwnProperty.call(table, type) ? table[type] : undefined;
}
