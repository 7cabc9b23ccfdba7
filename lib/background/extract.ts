/**
 * page.extract: the background reads a scan's chunks with the same extractor the content script
 * has, in its own process, so a page's main thread does not carry the extractor's work
 * (lib/page/remote-reader.ts). Pure: texts in, indicators out; nothing about the sender is used.
 */
import { extractIndicators } from '../extract';
import type { Indicator } from '../extract/types';

export function readTexts(items: { text: string; heading: string }[]): { found: Indicator[][] } {
  return {
    found: items.map(({ text, heading }) => {
      try {
        return extractIndicators(text, heading ? { heading } : {});
      } catch {
        return []; // one bad text must not fail its batch (the content script does the same)
      }
    }),
  };
}
