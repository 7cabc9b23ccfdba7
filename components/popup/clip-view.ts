/**
 * Pure helpers that turn stored clips into what the popup lists: grouping by page, ordering,
 * search and the sentence cut into plain-text segments.
 */
import type { Clip } from '../../lib/model/clip';
import { pageKey } from '../../lib/model/page';

function newestFirst(a: Clip, b: Clip): number {
  return Date.parse(b.clippedAt) - Date.parse(a.clippedAt) || a.anchor.position - b.anchor.position;
}

/** This page's clips in the order they appear on the page, so the list reads along with it. */
export function clipsOfPage(clips: readonly Clip[], url: string): Clip[] {
  const key = pageKey(url);
  return clips.filter((c) => pageKey(c.url) === key).sort((a, b) => a.anchor.position - b.anchor.position);
}

export interface PageGroup {
  url: string;
  title: string;
  site: string;
  clips: Clip[];
}

/** All clips grouped by page: pages with the newest clip first, and newest clips first inside a page. */
export function groupByPage(clips: readonly Clip[]): PageGroup[] {
  const groups = new Map<string, PageGroup>();
  for (const clip of [...clips].sort(newestFirst)) {
    const key = pageKey(clip.url);
    let group = groups.get(key);
    if (!group) {
      group = { url: key, title: clip.title, site: clip.site, clips: [] };
      groups.set(key, group);
    }
    group.clips.push(clip);
  }
  return [...groups.values()];
}

function haystack(clip: Clip): string {
  const i = clip.indicator;
  return [i.label, i.text, i.unit, i.value === undefined ? '' : String(i.value), clip.sentence, clip.title, clip.section, clip.site].join('\n').toLowerCase();
}

/** Clips whose label, figure, unit, sentence or page title contain every word of the query. */
export function filterClips(clips: readonly Clip[], query: string): Clip[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...clips];
  return clips.filter((clip) => {
    const text = haystack(clip);
    return words.every((w) => text.includes(w));
  });
}

export interface SentenceSegment {
  text: string;
  figure: boolean;
}

/** Length of the longest common suffix of a and b. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/**
 * The sentence cut around the clipped figure. Where the figure occurs more than once, the anchor's
 * prefix picks the occurrence that was clipped.
 */
export function sentenceSegments(clip: Pick<Clip, 'sentence' | 'anchor' | 'indicator'>): SentenceSegment[] {
  const { sentence } = clip;
  const exact = clip.anchor.exact || clip.indicator.text;
  if (!exact) return [{ text: sentence, figure: false }];
  let best = -1;
  let bestScore = -1;
  for (let at = sentence.indexOf(exact); at !== -1; at = sentence.indexOf(exact, at + 1)) {
    const score = commonSuffix(sentence.slice(0, at), clip.anchor.prefix);
    if (score > bestScore) {
      best = at;
      bestScore = score;
    }
  }
  if (best === -1) return [{ text: sentence, figure: false }];
  const segments: SentenceSegment[] = [];
  if (best > 0) segments.push({ text: sentence.slice(0, best), figure: false });
  segments.push({ text: exact, figure: true });
  const rest = sentence.slice(best + exact.length);
  if (rest) segments.push({ text: rest, figure: false });
  return segments;
}
