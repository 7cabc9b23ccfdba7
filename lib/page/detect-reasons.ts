/**
 * The reasons detection gives, as codes. The UI shows `t('detect.<code>', params)`
 * (lib/i18n/catalog/detect.ts); params that are words of the page stay as found on it.
 */
import type { Reason } from '../messages/schemas';

export type { Reason } from '../messages/schemas';

export const REASON_CODES = [
  /** The page's title names a kind of policy document. {term} */
  'title',
  /** A short heading line of the main text does. {term} */
  'heading',
  /** The text addresses an audience as a speech or report does (同志们, 各位代表). {term} */
  'salutation',
  /** Numbered section headings (一、二、). {count} */
  'sections',
  /** Itemised instructions (一是…二是…三是). {verb}: the character after the numeral */
  'enumeration',
  /** Indicators per thousand characters of main text. {perThousand} */
  'density',
  /** Words of government business. {term1} {term2} {term3}: the first found; {count}: how many */
  'govWording',
  /** The address is a government domain. {domain} */
  'govSite',
  /** The page shows a government site id (网站标识码). */
  'govSiteId',
  /** The footer names a government body as the site's owner. {owner} */
  'govOwner',
  /** Shopping words and prices. {terms} {prices}: how many of each */
  'shop',
  /** Product markup (og:type product, schema.org Product). */
  'shopMarkup',
  /** Forum or comment thread words. {term1} {term2} */
  'forum',
  /** A search box with a result list. */
  'searchResults',
  /** A news byline. {term} */
  'newsByline',
  /** Most of the page's text is link text. {percent} */
  'linkList',
  /** Nothing in the text itself (title, salutation, sections, wording) marks a policy text; site and figures alone do not. */
  'noTextEvidence',
  /** The main text is too short to judge, and nothing strong says policy. {length} */
  'tooShort',
  /** The main text is short, but its title and opening are clear enough to judge. {length} */
  'shortButStrong',
  /** The tab shows a PDF document: open it in Zhibiao's PDF viewer. */
  'pdf',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

export function reason(code: ReasonCode, points: number, params?: Reason['params']): Reason {
  return params ? { code, points, params } : { code, points };
}
