/**
 * Short texts. Below MIN_TEXT_LENGTH characters of its own words a page is too short to weigh by
 * its wording, sections and figures, but its title and the way it opens can still say enough: a
 * 147-character excerpt titled 政府工作报告 that opens with 各位代表 is a work report.
 */

/** Below this many characters of its own text (links left out), a page is a short text. */
export const MIN_TEXT_LENGTH = 300;
/** Score a short text with strong evidence needs: a decisive title alone reaches it, a byline takes it away. */
export const SHORT_THRESHOLD = 4;

/** Title points that make a title strong: 讲话, 工作报告, 实施方案 (3); 政府工作报告, 在…会议上的讲话 (4). */
const STRONG_TITLE = 3;
/** A title this strong decides a short text on its own. */
const DECISIVE_TITLE = 4;
/** Title or heading points that make a title policy-like (通知, 意见, 报告…). */
const POLICY_LIKE_TITLE = 2;
const STRONG_SALUTATION = 4;
/** Below this a text is no text at all (a login page, a download link). */
const MIN_SHORT_WITH_OPENING = 40;
/** A title alone needs a paragraph of prose under it: this many characters and sentences. */
const MIN_SHORT_TITLE_ONLY = 100;
const MIN_SENTENCES_TITLE_ONLY = 2;
const SENTENCE_END = /[。！？；!?;]/g;

export interface ShortTextEvidence {
  /** Length of the page's own text. */
  length: number;
  /** The page's own text (links, menus and link lists left out). */
  ownText: string;
  /** Points of the best title term in the page's titles (not its headings); 0 for none. */
  titlePoints: number;
  /** Points of the title signal, from the titles or a heading line; 0 for none. */
  titleOrHeadingPoints: number;
  /** Points of the salutation signal; 0 for none. */
  salutationPoints: number;
  /** True when a strong salutation is among the first lines of the text. */
  opensWithSalutation: boolean;
}

/**
 * True when a short text says enough to be judged: a strong title with a speech's salutation; a
 * decisive title (政府工作报告) over a paragraph of prose; or a salutation opening the text under a
 * policy-like title. A list of links under a decisive title (a column page listing the reports)
 * has no prose and is not judged.
 */
export function hasStrongEvidence(e: ShortTextEvidence): boolean {
  if (e.length < MIN_SHORT_WITH_OPENING) return false;
  const strongSalutation = e.salutationPoints >= STRONG_SALUTATION;
  if (e.titlePoints >= STRONG_TITLE && strongSalutation) return true;
  const sentences = e.ownText.match(SENTENCE_END)?.length ?? 0;
  if (e.titlePoints >= DECISIVE_TITLE && e.length >= MIN_SHORT_TITLE_ONLY && sentences >= MIN_SENTENCES_TITLE_ONLY) return true;
  return strongSalutation && e.opensWithSalutation && e.titleOrHeadingPoints >= POLICY_LIKE_TITLE;
}
