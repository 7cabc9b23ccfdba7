/**
 * Cooperative time slicing: long work on big pages runs in slices of a few milliseconds, then
 * yields so the page stays responsive (no task over ~50 ms). Yields go through a MessageChannel
 * where there is one, because timers are clamped and throttled in background tabs.
 */
import { rejectAfter } from '../messages/timeout';

/**
 * Short, so that a garbage collection landing in a slice (a scavenge or a major collection's last
 * pause: 25-40 ms while a huge page is read) still leaves the task under 50 ms; with 8 ms slices
 * the 7.7 MB page had a task over 50 ms in most runs. A yield costs a fraction of a millisecond.
 */
export const DEFAULT_BUDGET_MS = 4;

export interface SliceOptions {
  /** Milliseconds of work before yielding. */
  budgetMs?: number;
  signal?: AbortSignal;
}

// Looked up once: the clock is read after every block of a page.
const clock: { now(): number } = typeof performance !== 'undefined' ? performance : Date;
const now = (): number => clock.now();

/**
 * One channel for every yield of this script: a new MessageChannel per yield costs more than the
 * yield itself (two ports and a pipe each time), and a slice of work yields often.
 */
let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

function yieldChannel(): MessageChannel {
  if (!channel) {
    channel = new MessageChannel();
    // One message posted per waiting yield, delivered in order.
    channel.port1.onmessage = () => waiting.shift()?.();
    // (Node's ports would keep a test process alive.)
    (channel.port1 as { unref?: () => void }).unref?.();
    (channel.port2 as { unref?: () => void }).unref?.();
  }
  return channel;
}

/** Let the event loop run (input, rendering, the page's own scripts) before continuing. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel === 'function') {
      waiting.push(resolve);
      yieldChannel().port2.postMessage(null);
    } else {
      setTimeout(resolve, 0);
    }
  });
}

/** Measures one slice; `spent()` says when to yield. */
export class SliceClock {
  private started = now();
  constructor(private readonly budgetMs = DEFAULT_BUDGET_MS) {}

  spent(): boolean {
    return now() - this.started >= this.budgetMs;
  }

  async yield(signal?: AbortSignal): Promise<boolean> {
    await yieldToPage();
    this.started = now();
    return !signal?.aborted;
  }
}

/** The promise's value, or `fallback` if it fails or has not settled within `ms` (a silent background must not hang the page). */
export function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return rejectAfter(promise, ms, () => undefined).catch(() => fallback);
}
