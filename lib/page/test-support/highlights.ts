/**
 * A stand-in for the CSS Custom Highlight API where the test DOM (happy-dom) has none: a registry
 * (a Map, as CSS.highlights is) and a Highlight (a Set of ranges with a priority), so the content
 * script's drawing can be read back as the e2e tests read it in real browsers.
 */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

export function installFakeHighlights(win: Window & typeof globalThis): Map<string, Set<AbstractRange>> {
  const registry = new Map<string, Set<AbstractRange>>();
  Object.defineProperty(win, 'CSS', { value: { highlights: registry }, configurable: true, writable: true });
  Object.defineProperty(win, 'Highlight', { value: FakeHighlight, configurable: true, writable: true });
  return registry;
}

/** The text of each range in a highlight, in insertion order. */
export function textsOf(registry: Map<string, Set<AbstractRange>>, name: string): string[] {
  return Array.from(registry.get(name) ?? []).map((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  });
}
