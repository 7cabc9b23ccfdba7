/**
 * page.extract: the background reads a scan's chunks with the same extractor the content script
 * has, in its own process, so a page's main thread does not carry the extractor's work
 * (lib/page/remote-reader.ts). Pure: texts in, indicators out; nothing about the sender is used.
 */
import { extractIndicators } from '../extract';
import { type PackedIndicators, packIndicatorLists } from '../messages/packed-indicators';

/** The indicators of each text, packed (the page keeps them as they come: two arrays a batch, not objects). */
export function readTexts(items: { text: string; heading: string }[]): { packed: PackedIndicators } {
  const found = items.map(({ text, heading }) => {
    try {
      return extractIndicators(text, heading ? { heading } : {});
    } catch {
      return []; // one bad text must not fail its batch (the content script does the same)
    }
  });
  return { packed: packIndicatorLists(found) };
}
