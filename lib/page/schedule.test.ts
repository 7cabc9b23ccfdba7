import { describe, expect, it } from 'vitest';
import { forEachSliced } from './schedule';

describe('forEachSliced', () => {
  it('handles every item in order', async () => {
    const seen: number[] = [];
    expect(await forEachSliced([1, 2, 3, 4], (n) => seen.push(n))).toBe(true);
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('lets other tasks run between slices', async () => {
    let timerRan = false;
    let doneBeforeTimer = false;
    setTimeout(() => (timerRan = true), 0);
    const items = Array.from({ length: 300 }, (_, i) => i);
    await forEachSliced(
      items,
      (i) => {
        if (i === items.length - 1) doneBeforeTimer = !timerRan;
      },
      { budgetMs: 0 },
    );
    expect(doneBeforeTimer).toBe(false);
  });

  it('stops when aborted and says so', async () => {
    const abort = new AbortController();
    const seen: number[] = [];
    const done = await forEachSliced(
      [1, 2, 3, 4, 5],
      (n) => {
        seen.push(n);
        if (n === 2) abort.abort();
      },
      { budgetMs: 0, signal: abort.signal },
    );
    expect(done).toBe(false);
    expect(seen).toEqual([1, 2]);
  });
});
