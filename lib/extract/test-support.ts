/** Shared by the extractor's tests: extract, and check what every indicator must satisfy. */
import { expect } from 'vitest';
import { extractIndicators, type ExtractOptions, type Indicator } from './index';

/** The indicators of `text`, each checked: its span is its text, its label is copied from the text. */
export function found(text: string, options?: ExtractOptions): Indicator[] {
  const all = extractIndicators(text, options);
  for (const ind of all) {
    expect(text.slice(ind.start, ind.end)).toBe(ind.text);
    expect(text.includes(ind.label), `label ${ind.label} is copied from the text`).toBe(true);
  }
  return all;
}

/** The indicator written `written` (its first occurrence) in `text`; fails the test when absent. */
export function the(text: string, written: string): Indicator {
  const match = found(text).find((i) => i.text === written);
  expect(match, `${written} in ${text}`).toBeDefined();
  expect(match!.start).toBe(text.indexOf(written));
  return match!;
}
