/**
 * The extension pages' port to the rest of the extension (as the page side has its BackgroundApi):
 * every screen asks and listens through this interface only, so each can be tested against
 * `createMockPort()` (mock-port.ts) without a browser. `busPort` (bus-port.ts) is the real one.
 */
import type { Clip, SiteSettings } from '../../lib/model/clip';
import type { RequestOf, ResponseOf } from '../../lib/messages/protocol';
import type { ClipPage, ClipPatch, ClipQuery, FigureRow, PageStatus, PageSummary, UiSettings } from '../../lib/messages/schemas';

export type { ClipPage, ClipPatch, ClipQuery, FigureRow, PageStatus, PageSummary, UiSettings };

/** A push from the background (see lib/messages/protocol.ts, background → ui). */
export type UiEvent =
  | { type: 'clips.changed'; pages: string[] }
  | { type: 'page.changed'; tabId: number }
  | { type: 'page.focused'; tabId: number; key: string }
  | { type: 'clips.focus'; tabId: number; clipId: string }
  | { type: 'settings.changed' };

/** What became of a backup's entries (clips.import). */
export type ImportResult = ResponseOf<'ui->background', 'clips.import'>;

export interface TabRef {
  tabId: number;
  windowId?: number;
  /** Known only where the browser tells it without extra permissions (e.g. activeTab after a click). */
  url?: string;
  title?: string;
}

export interface UiPort {
  /** The tab the screen works on: the active tab of its window (popup, side panel). */
  activeTab(): Promise<TabRef | undefined>;
  /** The tab this extension page itself is open in (opened as a full tab), or undefined (popup, side panel). */
  ownTab(): Promise<TabRef | undefined>;
  /** Calls back when the active tab of this window changes or navigates. Returns the unsubscribe. */
  onActiveTabChange(listener: (tab: TabRef | undefined) => void): () => void;

  /** Every open web page whose content script answers, with its status (for picking a page to work on). */
  pickableTabs(): Promise<{ tabId: number; status: PageStatus }[]>;
  pageStatus(tabId: number): Promise<PageStatus>;
  highlight(tabId: number, on: boolean): Promise<PageStatus>;
  pageFigures(tabId: number): Promise<ResponseOf<'ui->background', 'tab.figures'>>;
  setClipped(tabId: number, keys: string[], clipped: boolean): Promise<number>;
  clipAll(tabId: number): Promise<number>;
  focusFigure(tabId: number, key: string): Promise<void>;

  listClips(query: ClipQuery): Promise<ClipPage>;
  listPages(request: RequestOf<'ui->background', 'clips.pages'>): Promise<{ pages: PageSummary[]; next?: string }>;
  putClips(clips: Clip[]): Promise<number>;
  /**
   * Imports a backup's entries, unchecked (the background checks each), in parts: calls back with
   * the progress (entries of the file handled of all) and answers what became of them.
   */
  importClips(entries: unknown[], onProgress?: (done: number, total: number) => void): Promise<ImportResult>;
  /** The manual clip the menu just opened this panel on, if it was made before the panel listened (handed out once). */
  pendingClipFocus(): Promise<{ tabId: number; clipId: string } | undefined>;
  updateClip(id: string, patch: ClipPatch): Promise<Clip>;
  /** Returns the deleted clips, so they can be restored (undo) with putClips. */
  deleteClips(ids: string[]): Promise<Clip[]>;
  clearPage(page: string): Promise<Clip[]>;

  siteSettings(site: string): Promise<SiteSettings>;
  setSiteSettings(settings: SiteSettings): Promise<SiteSettings>;
  uiSettings(): Promise<UiSettings>;
  setUiSettings(settings: UiSettings): Promise<UiSettings>;

  /** The background's pushes. Returns the unsubscribe. */
  subscribe(listener: (event: UiEvent) => void): () => void;
}
