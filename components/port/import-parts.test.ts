import { describe, expect, it } from 'vitest';
import { importInParts, type SendImportPart } from './import-parts';
import type { ImportResult } from './ui-port';

/** A background that stores valid entries (numbers ≥ 0), skips ones it already has, rejects the rest. */
function fakeBackground(failOnPart?: number) {
  const stored = new Set<number>();
  const parts: number[][] = [];
  const send: SendImportPart = async (entries, onProgress) => {
    if (parts.length === failOnPart) throw new Error('QuotaExceededError');
    parts.push(entries as number[]);
    const valid = (entries as number[]).filter((n) => typeof n === 'number' && n >= 0);
    onProgress(0, valid.length);
    const result: ImportResult = { added: 0, skipped: 0, rejected: entries.length - valid.length };
    valid.forEach((n, i) => {
      if (stored.has(n)) result.skipped++;
      else {
        stored.add(n);
        result.added++;
      }
      if (i === Math.floor(valid.length / 2)) onProgress(i + 1, valid.length);
    });
    onProgress(valid.length, valid.length);
    return result;
  };
  return { send, stored, parts };
}

describe('importInParts', () => {
  it('sends a big backup in parts of the given size, in order, and adds up what became of every entry', async () => {
    const entries: unknown[] = Array.from({ length: 23 }, (_, i) => i);
    entries.push(3, 20, -1, -2); // twice in the file (in a later part), and broken
    const background = fakeBackground();
    const result = await importInParts(entries, background.send, undefined, 10);
    expect(background.parts.map((p) => p.length)).toEqual([10, 10, 7]);
    expect(background.parts.flat()).toEqual(entries);
    expect(result).toEqual({ added: 23, skipped: 2, rejected: 2 });
    expect(background.stored.size).toBe(23);
  });

  it('reports progress in entries of the whole file, never going back, ending at the total', async () => {
    const entries = Array.from({ length: 25 }, (_, i) => i);
    const seen: [number, number][] = [];
    await importInParts(entries, fakeBackground().send, (done, total) => seen.push([done, total]), 10);
    expect(seen.every(([, total]) => total === 25)).toBe(true);
    const done = seen.map(([d]) => d);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done).toContain(10);
    expect(done).toContain(20);
    expect(done.at(-1)).toBe(25);
  });

  it('stops at a failing part: the parts before it stay stored and the error reaches the caller', async () => {
    const background = fakeBackground(1);
    await expect(
      importInParts(
        Array.from({ length: 30 }, (_, i) => i),
        background.send,
        undefined,
        10,
      ),
    ).rejects.toThrow('QuotaExceededError');
    expect(background.stored.size).toBe(10);
  });

  it('answers an empty backup at once, with no message sent', async () => {
    const background = fakeBackground();
    const seen: [number, number][] = [];
    expect(await importInParts([], background.send, (d, t) => seen.push([d, t]))).toEqual({ added: 0, skipped: 0, rejected: 0 });
    expect(background.parts).toEqual([]);
    expect(seen).toEqual([[0, 0]]);
  });
});
