/**
 * Every message, by who sends it to whom (as Dark Reader types them): a table per direction maps a
 * message type to its request and response schemas. Who a sender is comes from the browser
 * (`sender`), never from the message: see bus.ts.
 *
 *   ui → background         every extension page (popup, side panel, PDF viewer, options)
 *   content → background    a content script; the page is the sender's tab and frame
 *   background → content    the background to one tab (and frame)
 *   background → ui         pushes to every open extension page (no reply)
 */
import * as z from 'zod/mini';
import { ClipSchema, SiteSettingsSchema } from '../model/clip';
import { isPackedIndicators, type PackedIndicators } from './packed-indicators';
import {
  ClipPageSchema,
  ClipPatchSchema,
  ClipQuerySchema,
  FigureRowSchema,
  OrphanSchema,
  PageStatusSchema,
  PageSummarySchema,
  UiSettingsSchema,
} from './schemas';

/**
 * Entries of one clips.import message: a backup is sent in parts of this size (see
 * components/port/import-parts.ts), a few MB each, well under the 64 MiB Chromium allows.
 */
export const IMPORT_PART = 5_000;
/**
 * What one page.extract message carries at most: a scan's chunks are at most 1,200 characters
 * (lib/page/scan.ts), headings a line; a batch is a few tens of thousands of characters.
 */
export const EXTRACT_LIMITS = { items: 2_000, itemChars: 2_000, headingChars: 2_000 } as const;

const COMMANDS = ['next', 'previous', 'toggle', 'highlight'] as const;
export type PageCommand = (typeof COMMANDS)[number];

/** Schemas several directions share, built with the first table that needs them (see BUILDERS). */
const shared = once(() => {
  const Empty = z.object({});
  const Ok = z.object({ ok: z.literal(true) });
  const TabId = z.int().check(z.minimum(0));
  const Key = z.string().check(z.maxLength(64));
  const Keys = z.array(Key).check(z.maxLength(100_000));
  const Ids = z.array(z.string().check(z.maxLength(128))).check(z.maxLength(100_000));
  const Clips = z.array(ClipSchema).check(z.maxLength(100_000));
  const Count = z.int().check(z.minimum(0));
  const Figures = z.object({
    figures: z.array(FigureRowSchema),
    orphans: z.array(OrphanSchema),
    /** Pages other than the tab's whose clips some figures are (frames with an address of their own). */
    pages: z.optional(z.array(z.string().check(z.maxLength(8192))).check(z.maxLength(64))),
  });
  /**
   * page.extract's answer (lib/messages/packed-indicators.ts). Checked by hand rather than as a zod
   * object: a big page's answers hold tens of thousands of indicators, and the generic parser, which
   * also copies each one, cost more than the extraction it saved the page. Whether the answer fits
   * the texts asked about is checked where it is unpacked.
   */
  const Packed = z.custom<PackedIndicators>(
    (x) => isPackedIndicators(x, { items: EXTRACT_LIMITS.items, strings: 200_000, stringChars: 2000 }),
    'not packed indicators',
  );
  const Command = z.enum(COMMANDS);
  return { Empty, Ok, TabId, Key, Keys, Ids, Clips, Count, Figures, Packed, Command };
});

function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => {
    made ??= make();
    return made;
  };
}

/** Extension pages → background. Page actions name the tab; the background relays them to it. */
function uiToBackground() {
  const { Empty, Ok, TabId, Key, Keys, Ids, Clips, Count, Figures, Command } = shared();
  return {
    /** The open tabs whose content script answers, with their status (the popup opened as a tab picks one). */
    'tabs.list': { request: Empty, response: z.object({ tabs: z.array(z.object({ tabId: TabId, status: PageStatusSchema })) }) },
    'tab.status': { request: z.object({ tabId: TabId }), response: PageStatusSchema },
    'tab.highlight': { request: z.object({ tabId: TabId, on: z.boolean() }), response: PageStatusSchema },
    'tab.figures': { request: z.object({ tabId: TabId }), response: Figures },
    'tab.setClipped': { request: z.object({ tabId: TabId, keys: Keys, clipped: z.boolean() }), response: z.object({ changed: z.int() }) },
    'tab.clipAll': { request: z.object({ tabId: TabId }), response: z.object({ clipped: z.int() }) },
    'tab.focus': { request: z.object({ tabId: TabId, key: Key }), response: Ok },
    /** A keyboard command on a tab, as its shortcut runs it (for pages and drivers that cannot press the shortcut). */
    'tab.command': { request: z.object({ tabId: TabId, command: Command }), response: Ok },
    /** The context menu's "clip selection" on a tab, as its menu item runs it (for drivers that cannot click a native menu). */
    'tab.clipSelection': {
      request: z.object({ tabId: TabId, frameId: z.optional(z.int().check(z.minimum(0))) }),
      response: z.object({ clipped: z.int(), manualId: z.optional(z.string()) }),
    },
    'clips.list': { request: ClipQuerySchema, response: ClipPageSchema },
    'clips.pages': {
      request: z.object({ cursor: z.optional(z.string()), limit: z.int().check(z.minimum(1), z.maximum(2000)) }),
      response: z.object({ pages: z.array(PageSummarySchema), next: z.optional(z.string()) }),
    },
    'clips.put': { request: z.object({ clips: Clips }), response: z.object({ stored: z.int() }) },
    /**
     * A part of a backup's entries, unchecked: the background checks each, stores the valid ones in chunks
     * (pushing `clips.importProgress` with the same importId) and says what became of them: added
     * (new), skipped (already stored, or twice in the file), rejected (not a valid clip).
     */
    'clips.import': {
      request: z.object({ importId: Key, entries: z.array(z.unknown()).check(z.maxLength(IMPORT_PART)) }),
      response: z.object({ added: Count, skipped: Count, rejected: Count }),
    },
    /** The clip a panel the menu just opened should show (see clips.focus), if one is waiting: handed out once. */
    'clips.pendingFocus': {
      request: z.object({}),
      response: z.object({ pending: z.optional(z.object({ tabId: TabId, clipId: z.string().check(z.maxLength(128)) })) }),
    },
    'clips.update': { request: z.object({ id: z.string(), patch: ClipPatchSchema }), response: z.object({ clip: ClipSchema }) },
    /** Returns what was deleted, so the UI can undo. */
    'clips.delete': { request: z.object({ ids: Ids }), response: z.object({ deleted: Clips }) },
    'clips.clearPage': { request: z.object({ page: z.string() }), response: z.object({ deleted: Clips }) },
    'settings.site': { request: z.object({ site: z.string() }), response: SiteSettingsSchema },
    'settings.setSite': { request: SiteSettingsSchema, response: SiteSettingsSchema },
    'settings.ui': { request: Empty, response: UiSettingsSchema },
    'settings.setUi': { request: UiSettingsSchema, response: UiSettingsSchema },
  } as const;
}

/** Content script → background. Every page-bound message acts on the sender's own page only. */
function contentToBackground() {
  const { Empty, Ok, Key, Ids, Clips, Packed } = shared();
  return {
    'clips.ofPage': { request: Empty, response: z.object({ clips: Clips }) },
    'clips.put': { request: z.object({ clips: Clips }), response: z.object({ clips: Clips }) },
    'clips.delete': { request: z.object({ ids: Ids }), response: z.object({ deleted: z.int() }) },
    'settings.get': { request: Empty, response: z.object({ site: SiteSettingsSchema, ui: UiSettingsSchema }) },
    /** The page's figures, clips or status changed: open extension pages are told. */
    'page.changed': { request: Empty, response: Ok },
    /** This frame runs the content script (the answer to a roll call; every message says so too). */
    'frame.present': { request: Empty, response: Ok },
    /**
     * The figures the extractor reads in each text under its heading (the scan's chunks): the
     * background reads them in its own process, off the page's main thread (lib/page/remote-reader.ts).
     */
    'page.extract': {
      request: z.object({
        items: z
          .array(
            z.object({ text: z.string().check(z.maxLength(EXTRACT_LIMITS.itemChars)), heading: z.string().check(z.maxLength(EXTRACT_LIMITS.headingChars)) }),
          )
          .check(z.maxLength(EXTRACT_LIMITS.items)),
      }),
      response: z.object({ packed: Packed }),
    },
    /** The reader focused a figure in the page (keyboard or click). */
    'page.focused': { request: z.object({ key: Key }), response: Ok },
  } as const;
}

/** Background → the content script of a tab. */
function backgroundToContent() {
  const { Empty, Ok, Key, Keys, Figures, Command } = shared();
  return {
    'page.status': { request: Empty, response: PageStatusSchema },
    'page.highlight': { request: z.object({ on: z.boolean() }), response: PageStatusSchema },
    'page.figures': { request: Empty, response: Figures },
    'page.setClipped': { request: z.object({ keys: Keys, clipped: z.boolean() }), response: z.object({ changed: z.int() }) },
    'page.clipAll': { request: Empty, response: z.object({ clipped: z.int() }) },
    'page.focus': { request: z.object({ key: Key }), response: Ok },
    /** Clips changed elsewhere; `pages` are the pageKeys concerned (empty: possibly any). A page not among them ignores it. */
    'page.clipsChanged': { request: z.object({ pages: z.array(z.string()) }), response: Ok },
    /** A keyboard command (next / previous figure, clip the focused one, highlight on or off). */
    'page.command': { request: z.object({ command: Command }), response: Ok },
    /** Every frame that runs the content script says it is there (frame.present): the background lost its list of frames. */
    'frame.rollCall': { request: Empty, response: Ok },
    /** The context menu's "clip selection": figures in the selection, else a manual clip of it. */
    'page.clipSelection': { request: Empty, response: z.object({ clipped: z.int(), manualId: z.optional(z.string()) }) },
  } as const;
}

/** Background → every open extension page: events, no reply. */
function backgroundToUi() {
  const { Empty, TabId, Key, Count } = shared();
  return {
    /** Clips changed; `pages` are the pageKeys concerned (empty: possibly any). */
    'clips.changed': { request: z.object({ pages: z.array(z.string()) }), response: z.undefined() },
    'page.changed': { request: z.object({ tabId: TabId }), response: z.undefined() },
    'page.focused': { request: z.object({ tabId: TabId, key: Key }), response: z.undefined() },
    'settings.changed': { request: Empty, response: z.undefined() },
    /** A clip was made by hand on this tab: the side panel shows it for the reader to complete. */
    'clips.focus': { request: z.object({ tabId: TabId, clipId: z.string().check(z.maxLength(128)) }), response: z.undefined() },
    /** How far the import `importId` (clips.import) has come: `done` of `total` valid clips stored. */
    'clips.importProgress': { request: z.object({ importId: Key, done: Count, total: Count }), response: z.undefined() },
  } as const;
}

/**
 * A direction's table is built the first time one of its messages is checked. A script checks
 * two of the four directions, and building every schema as the module loaded cost each page's
 * content script over 10 ms of its first task, before it could do anything.
 */
const BUILDERS = {
  'ui->background': uiToBackground,
  'content->background': contentToBackground,
  'background->content': backgroundToContent,
  'background->ui': backgroundToUi,
} as const;

type Directions = { readonly [D in keyof typeof BUILDERS]: ReturnType<(typeof BUILDERS)[D]> };
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

type Table = Readonly<Record<string, { request: z.ZodMiniType; response: z.ZodMiniType }>>;
/** Each direction's table, built at its first use (once, like the shared schemas). */
const TABLES = Object.fromEntries(Object.entries(BUILDERS).map(([direction, build]) => [direction, once(build as () => Table)])) as Readonly<
  Record<Direction, () => Table>
>;

/** The table of a direction: its message types with their request and response schemas. */
const tableOf = (direction: Direction): Table => TABLES[direction]();

/** Builds the tables of these directions now (the background, at start-up, for the messages it receives). */
export function prepareTables(directions: readonly Direction[]): void {
  for (const direction of directions) tableOf(direction);
}

export function specFor(direction: Direction, type: string): { request: z.ZodMiniType; response: z.ZodMiniType } | undefined {
  const table = tableOf(direction);
  return Object.hasOwn(table, type) ? table[type] : undefined;
}
