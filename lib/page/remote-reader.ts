/**
 * Reading a page's text on two threads. The extractor is most of a scan's work, and in the content
 * script it runs on the page's own main thread, with code the JIT has not seen yet on every page.
 * The background has the same extractor in its own process (warm after its first page), so a scan
 * shares the work: as the walk finds chunks they queue here; the background takes batches from
 * the front, a few in flight; once the walk is done the page reads from the back (in time slices)
 * until the two meet, and then what is still unanswered in the batches in flight, from their
 * ends, so it never sits waiting for the background (whichever reads a text first wins). Without
 * a background (or once it fails or stays silent) the page reads all.
 */
import type { Indicator } from '../extract/types';
import { EXTRACT_LIMITS } from '../messages/protocol';
import { rejectAfter } from '../messages/timeout';
import type { ExtractionCache } from './scan';

/** Reads each text under its heading; the answers in the same order. */
export type BatchExtractor = (items: { text: string; heading: string }[]) => Promise<Indicator[][]>;

/** One text to read under its heading; `found` once read. Shared by every chunk of the scan with the same text and heading. */
export interface Piece {
  text: string;
  heading: string;
  found?: Indicator[];
}

/** The first batch is small, so the background starts while the walk goes on; the others amortise the message. */
const FIRST_BATCH_CHARS = 4_000;
const BATCH_CHARS = 24_000;
/** Batches sent and not answered: enough that the background never waits for the next, few enough that the page's share is left unsent. */
const MAX_IN_FLIGHT = 2;
/** A batch not answered by then is read here (the background serves every tab, one batch at a time). */
const BATCH_TIMEOUT_MS = 10_000;

export class ReadQueue {
  /** Pieces to read, in page order: the background takes from `head`, the page from the end. */
  private queue: Piece[] = [];
  private head = 0;
  /** Pieces too long for a message (a chunk is shorter; a heading may not be): the page reads them. */
  private pageOnly: Piece[] = [];
  private queuedChars = 0;
  private sent = 0;
  /** Batches sent and not answered, in the order sent; `taken`: how many of the last pieces the page took over. */
  private inFlight: { pieces: Piece[]; taken: number }[] = [];
  private failed = false;
  private walkDone = false;
  /** The scan's pieces by heading and text: a text repeated on the page (a menu, a table's units) is read once. */
  private pieces = new Map<string, Map<string, Piece>>();

  constructor(
    private readonly cache: ExtractionCache,
    private readonly remote?: BatchExtractor,
  ) {}

  /** The piece for this text under this heading: read already, or queued to be read. */
  piece(text: string, heading: string): Piece {
    let byText = this.pieces.get(heading);
    if (!byText) this.pieces.set(heading, (byText = new Map()));
    let piece = byText.get(text);
    if (piece) return piece;
    piece = { text, heading, found: this.cache.peek(text, heading) };
    byText.set(text, piece);
    if (piece.found) return piece;
    if (text.length > EXTRACT_LIMITS.itemChars || heading.length > EXTRACT_LIMITS.headingChars) this.pageOnly.push(piece);
    else {
      this.queue.push(piece);
      this.queuedChars += text.length;
      this.send();
    }
    return piece;
  }

  /** The walk found every piece: the background takes what it can, the page the rest (takeLast). */
  finishWalk(): void {
    this.walkDone = true;
    this.send();
  }

  /**
   * The next piece for the page to read, from the back: one nobody has taken, else one of a batch
   * the background has not answered yet (the page then reads it too). None: every piece is read.
   */
  takeLast(): Piece | undefined {
    if (this.pageOnly.length > 0) return this.pageOnly.pop();
    if (this.queue.length > this.head) {
      const piece = this.queue.pop()!;
      this.queuedChars -= piece.text.length;
      return piece;
    }
    for (let b = this.inFlight.length - 1; b >= 0; b--) {
      const batch = this.inFlight[b];
      while (batch.taken < batch.pieces.length) {
        const piece = batch.pieces[batch.pieces.length - 1 - batch.taken++];
        if (!piece.found) return piece;
      }
    }
    return undefined;
  }

  /** Sends batches from the front while there is room in flight and enough queued to be worth a message. */
  private send(): void {
    while (this.remote && !this.failed && this.inFlight.length < MAX_IN_FLIGHT && this.head < this.queue.length) {
      const enough = this.sent === 0 ? FIRST_BATCH_CHARS : BATCH_CHARS;
      if (!this.walkDone && this.queuedChars < enough) return;
      const batch: Piece[] = [];
      let chars = 0;
      while (this.head < this.queue.length && chars < enough && batch.length < EXTRACT_LIMITS.items) {
        const piece = this.queue[this.head++];
        batch.push(piece);
        chars += piece.text.length;
      }
      this.queuedChars -= chars;
      this.sent++;
      this.ask(this.remote, batch);
    }
    // What the background took is no longer the page's to read: drop it from the queue's front now and then.
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  private ask(remote: BatchExtractor, batch: Piece[]): void {
    const entry = { pieces: batch, taken: 0 };
    this.inFlight.push(entry);
    rejectAfter(
      // (A call that throws at once, as a runtime gone with the extension's update does, fails the batch like any other.)
      // (The pieces go as they are: one not read yet holds only its text and heading, and the background keeps those two.)
      Promise.resolve().then(() => remote(batch)),
      BATCH_TIMEOUT_MS,
      () => new Error('the background did not answer'),
    )
      .then((found) => {
        if (found.length !== batch.length) throw new Error('answers do not match the batch');
        batch.forEach((piece, i) => {
          piece.found ??= found[i];
          this.cache.set(piece.text, piece.heading, found[i]);
        });
      })
      .catch(() => {
        // The page reads from now on: the rest of this scan does not wait on a background that failed once.
        this.failed = true;
        for (const piece of batch.slice(0, batch.length - entry.taken)) {
          this.queue.push(piece);
          this.queuedChars += piece.text.length;
        }
      })
      .finally(() => {
        this.inFlight.splice(this.inFlight.indexOf(entry), 1);
        this.send();
      });
  }
}
