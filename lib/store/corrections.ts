/**
 * The user's corrections of a clip and how they survive: a patch marks the fields it changes and
 * keeps the extractor's original; clipping or importing the same figure again keeps the first
 * clippedAt and the corrections, note and tags (edited fields win over a re-extracted figure).
 * Pure functions: the store runs them inside its transactions.
 */
import { type Clip, type ClippedIndicator, EDITABLE_FIELDS, type EditableField } from '../model/clip';
import type { ClipPatch } from '../messages/schemas';

const time = (iso: string | undefined) => (iso ? Date.parse(iso) : Number.NEGATIVE_INFINITY);

function hasCorrections(clip: Clip): boolean {
  return (clip.edited?.length ?? 0) > 0 || clip.note !== undefined || (clip.tags?.length ?? 0) > 0;
}

/** What the extractor said about this clip's figure. */
function extractorView(clip: Clip): ClippedIndicator {
  return clip.original ?? clip.indicator;
}

function withoutCorrections(clip: Clip): Clip {
  const { original: _o, edited: _e, note: _n, tags: _t, updatedAt: _u, ...rest } = clip;
  return rest;
}

/** `indicator` with the fields the user edited taken from `corrected`; `edited` and `original` to match. */
function overlay(fresh: ClippedIndicator, corrected: ClippedIndicator, fields: readonly EditableField[]) {
  const indicator: ClippedIndicator = { ...fresh };
  for (const field of fields) (indicator as Record<EditableField, unknown>)[field] = corrected[field];
  const edited = EDITABLE_FIELDS.filter((field) => indicator[field] !== fresh[field]);
  return edited.length ? { indicator, original: fresh, edited } : { indicator: fresh };
}

/**
 * The clip to store when `incoming` arrives for an id that holds `stored` (undefined: none, or a
 * corrupt record the new clip repairs). The corrections of whichever side was edited last win.
 */
export function mergeClip(incoming: Clip, stored: Clip | undefined): Clip {
  if (!stored) return incoming;
  const clippedAt = time(stored.clippedAt) <= time(incoming.clippedAt) ? stored.clippedAt : incoming.clippedAt;
  const source = incoming.source ?? stored.source;
  const keepStored = hasCorrections(stored) && (!hasCorrections(incoming) || time(stored.updatedAt) >= time(incoming.updatedAt));
  if (!keepStored) return { ...incoming, clippedAt, ...(source ? { source } : {}) };
  const base = withoutCorrections(incoming);
  return {
    ...base,
    ...overlay(extractorView(incoming), stored.indicator, stored.edited ?? []),
    clippedAt,
    ...(source ? { source } : {}),
    ...(stored.note !== undefined ? { note: stored.note } : {}),
    ...(stored.tags?.length ? { tags: stored.tags } : {}),
    ...(stored.updatedAt ? { updatedAt: stored.updatedAt } : {}),
  };
}

function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];
}

/**
 * The clip after the user's patch. A field set to a value other than the extractor's is marked
 * edited (the original is kept on the first edit); set back to the original, it is un-marked.
 * An empty note or an empty list of tags clears them.
 */
export function applyPatch(clip: Clip, patch: ClipPatch, now: Date = new Date()): Clip {
  const original = extractorView(clip);
  const wanted: ClippedIndicator = { ...clip.indicator };
  for (const field of EDITABLE_FIELDS) {
    if (patch[field] !== undefined) (wanted as Record<EditableField, unknown>)[field] = patch[field];
  }
  const edited = EDITABLE_FIELDS.filter((field) => wanted[field] !== original[field]);
  const { original: _o, edited: _e, note, tags, ...rest } = clip;
  const nextNote = patch.note !== undefined ? patch.note : note;
  const nextTags = patch.tags !== undefined ? cleanTags(patch.tags) : tags;
  return {
    ...rest,
    indicator: edited.length ? wanted : original,
    ...(edited.length ? { original, edited } : {}),
    ...(nextNote ? { note: nextNote } : {}),
    ...(nextTags?.length ? { tags: nextTags } : {}),
    updatedAt: now.toISOString(),
  };
}
