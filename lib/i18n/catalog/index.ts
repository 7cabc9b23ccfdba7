/**
 * The catalogue: every string a user can see, in zh-CN, zh-TW and en, one fragment per area.
 * To add an area: write `./<area>.ts` with defineFragment and list it in FRAGMENTS.
 */
import { type KeysOf, type Locale, mergeFragments } from '../fragment';
import backup from './backup';
import common from './common';
import detect from './detect';
import error from './error';
import exportSheet from './export';
import manual from './manual';
import page from './page';
import panel from './panel';
import pdf from './pdf';
import popup from './popup';

export const FRAGMENTS = [backup, common, detect, error, exportSheet, manual, page, panel, pdf, popup] as const;

export type MessageKey = KeysOf<(typeof FRAGMENTS)[number]>;

export const CATALOG: { readonly [L in Locale]: Readonly<Record<MessageKey, string>> } = mergeFragments(FRAGMENTS);
