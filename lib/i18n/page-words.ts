/**
 * The content script's words: the tooltip, the toast and its notices (areas common, page and
 * manual of the catalogue), in the reader's language (locale.ts). The content script loads on
 * every page; the whole catalogue (every screen in three languages) was about a sixth of it.
 */
import common from './catalog/common';
import manual from './catalog/manual';
import page from './catalog/page';
import { type KeysOf, mergeFragments } from './fragment';
import { type Params, wordOf } from './locale';

const FRAGMENTS = [common, manual, page] as const;

export type PageMessageKey = KeysOf<(typeof FRAGMENTS)[number]>;

const WORDS = mergeFragments<(typeof FRAGMENTS)[number]>(FRAGMENTS);

/** Whether `key` is one of the content script's words (for codes that arrive at run time). */
export function isPageMessage(key: string): key is PageMessageKey {
  return Object.hasOwn(WORDS['zh-CN'], key);
}

/** The string for `key` in the current language, with {name} replaced by params.name. */
export function pageT(key: PageMessageKey, params?: Params): string {
  return wordOf(WORDS, key, params);
}
