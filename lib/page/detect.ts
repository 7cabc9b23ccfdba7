/**
 * Is this page a speech, work report, plan or other policy text? Weighs signals for (title,
 * salutation, numbered sections, figures, government wording and site) and against (shop, forum,
 * search results, news bylines, link lists), and says why as reason codes (detect-reasons.ts).
 *
 * Only the page's own words count for it: text in links, navigation, menus and link lists is left
 * out (detect-evidence.ts), and the site and figures alone never make a verdict. A short text is
 * judged on strong evidence only (detect-short.ts); a PDF tab gets no verdict.
 */
import { type Block, collectBlocks } from './blocks';
import { evidenceLines, pageTitles, PointerTest } from './detect-evidence';
import { pageKind } from './detect-kind';
import { type Reason, type ReasonCode, reason } from './detect-reasons';
import { hasStrongEvidence, MIN_TEXT_LENGTH, SHORT_THRESHOLD } from './detect-short';
import { BYLINE_TERMS, FORUM_TERMS, GOV_OWNER, GOV_SITE_ID, GOV_TERMS, PRICE, REPLY, SEARCH_RESULTS, SHOP_TERMS, TITLE_TERMS } from './detect-terms';
import { joinedLength, pageTextSample, sampleLines } from './detect-page-text';
import { mainRoot } from './dom-rules';
import { startsWithSectionMarker } from './headings';
import { SliceClock } from './schedule';

export { pageKind, type PageKind } from './detect-kind';
export { REASON_CODES, type Reason, type ReasonCode } from './detect-reasons';
export { pageText, pageTextSample } from './detect-page-text';

export interface DetectInput {
  /** Indicators found in the main text. */
  indicatorCount: number;
  /** Length of the main text. */
  textLength: number;
  /** The main text, blocks joined by '\n' (computed from the document when absent). */
  mainText?: string;
  /** The main text's blocks, when the caller has them already (collected from the document when absent). */
  blocks?: readonly Block[];
  /** evidenceLines(blocks), when the caller read them already (in time slices, on a big page). */
  lines?: string[];
  /** The page address (defaults to the document's). */
  url?: string;
}

export interface Detection {
  isPolicy: boolean;
  score: number;
  reasons: Reason[];
}

export const POLICY_THRESHOLD = 5;
/** A salutation opens the text when it is in its first lines (after a title, a date, the speaker). */
const OPENING_LINES = 5;

function firstFound(text: string, variants: string[]): string | null {
  for (const v of variants) if (text.includes(v)) return v;
  return null;
}

function foundTerms(text: string, table: string[][]): string[] {
  const out: string[] = [];
  for (const variants of table) {
    const hit = firstFound(text, variants);
    if (hit) out.push(hit);
  }
  return out;
}

function bestTitleTerm(texts: string[], bonus: number): { points: number; term: string } | null {
  let best: { points: number; term: string } | null = null;
  for (const text of texts) {
    for (const term of TITLE_TERMS) {
      const m = term.pattern.exec(text);
      const points = term.points + bonus;
      if (m && points > 0 && (!best || points > best.points)) best = { points, term: m[0] };
    }
  }
  return best;
}

/** The title signal: the strongest term of the titles, or of short heading lines (one point less). */
function titleSignal(titles: string[], shortLines: string[]): { signal: Reason | null; titlePoints: number } {
  const inTitle = bestTitleTerm(titles, 0);
  const inHeading = bestTitleTerm(shortLines, -1);
  const titlePoints = inTitle?.points ?? 0;
  if (inTitle && (!inHeading || inTitle.points >= inHeading.points)) return { signal: reason('title', inTitle.points, { term: inTitle.term }), titlePoints };
  return { signal: inHeading ? reason('heading', inHeading.points, { term: inHeading.term }) : null, titlePoints };
}

const STRONG_SALUTATION = /(?:^|[\n。！？!?；;：:])\s*(?:各位领导、|各位領導、)?(同志们|同志們|各位代表)\s*(?:[：:，,！!、]|$)/m;
const WEAK_SALUTATION = /(?:^|\n)\s*(各位领导|各位領導|各位来宾|各位來賓)\s*[：:，,、]/m;

/** Lines read between two yields, when the salutation patterns look through a huge page's lines. */
const SALUTATION_LINES = 512;

/**
 * salutationSignal(lines.join('\n')), a line at a time (nothing joined). The same answer: the lines
 * are trimmed, never empty and hold no '\n', so no match reaches across the '\n' between two lines
 * (^ and $ match at a line's ends as they do beside a '\n'), and the lines are read in order, the
 * strong salutation in all of them before the weak one.
 */
function* salutationInLines(lines: readonly string[]): Generator<void, Reason | null> {
  for (let i = 0; i < lines.length; i++) {
    const strong = STRONG_SALUTATION.exec(lines[i]);
    if (strong) return reason('salutation', 4, { term: strong[1] });
    if (i % SALUTATION_LINES === SALUTATION_LINES - 1) yield;
  }
  for (let i = 0; i < lines.length; i++) {
    const weak = WEAK_SALUTATION.exec(lines[i]);
    if (weak) return reason('salutation', 2, { term: weak[1] });
    if (i % SALUTATION_LINES === SALUTATION_LINES - 1) yield;
  }
  return null;
}

function salutationSignal(text: string): Reason | null {
  const strong = STRONG_SALUTATION.exec(text);
  if (strong) return reason('salutation', 4, { term: strong[1] });
  const weak = WEAK_SALUTATION.exec(text);
  return weak ? reason('salutation', 2, { term: weak[1] }) : null;
}

function sectionSignal(lines: string[]): Reason | null {
  const n = lines.filter(startsWithSectionMarker).length;
  if (n < 2) return null;
  return reason('sections', n >= 8 ? 3 : n >= 4 ? 2 : 1, { count: n });
}

function enumerationSignal(text: string): Reason | null {
  for (const verb of ['是', '要', '抓']) {
    if (['一', '二', '三'].every((n) => text.includes(n + verb))) return reason('enumeration', 2, { verb });
  }
  return null;
}

function densitySignal(input: DetectInput, textLength: number): Reason | null {
  if (textLength < MIN_TEXT_LENGTH || input.indicatorCount <= 0) return null;
  const perThousand = (input.indicatorCount * 1000) / textLength;
  const points = perThousand >= 4 ? 2 : perThousand >= 1.5 ? 1 : 0;
  return reason('density', points, { perThousand: Math.round(perThousand * 10) / 10 });
}

function govWordingSignal(text: string): Reason | null {
  const hits = foundTerms(text, GOV_TERMS);
  if (hits.length < 5) return null;
  const points = hits.length >= 14 ? 3 : hits.length >= 9 ? 2 : 1;
  return reason('govWording', points, { term1: hits[0], term2: hits[1], term3: hits[2], count: hits.length });
}

function govSiteSignals(host: string, fullText: string): Reason[] {
  const out: Reason[] = [];
  const site = /(?:^|\.)(gov\.[a-z]{2}|gov)$/i.exec(host);
  if (site) out.push(reason('govSite', 3, { domain: site[1].toLowerCase() }));
  if (GOV_SITE_ID.test(fullText)) out.push(reason('govSiteId', 2));
  const owner = GOV_OWNER.exec(fullText);
  if (owner) out.push(reason('govOwner', 2, { owner: owner[1].trim() }));
  // Each says the same thing (a government site): together they count at most 4.
  let budget = 4;
  return out.map((s) => {
    const points = Math.min(s.points, budget);
    budget -= points;
    return { ...s, points };
  });
}

function shopSignal(doc: Document, fullText: string): Reason | null {
  const terms = foundTerms(fullText, SHOP_TERMS);
  const prices = (fullText.match(PRICE) ?? []).length;
  const ogType = doc.querySelector('meta[property="og:type"]')?.getAttribute('content') ?? '';
  const productMarkup =
    /product/i.test(ogType) ||
    doc.querySelector('[itemtype*="schema.org/Product"]') !== null ||
    Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).some((s) => /"@type"\s*:\s*"Product"/.test(s.textContent ?? ''));
  if (productMarkup) return reason('shopMarkup', -6);
  if (!(terms.length >= 2 || prices >= 3 || (terms.length >= 1 && prices >= 1))) return null;
  return reason('shop', -6, { terms: terms.length, prices });
}

function forumSignal(fullText: string): Reason | null {
  const terms = foundTerms(fullText, FORUM_TERMS);
  const replies: string[] = fullText.match(REPLY) ?? [];
  if (replies.length >= 3) terms.push(replies[0]);
  if (terms.length < 2) return null;
  return reason('forum', -4, { term1: terms[0], term2: terms[1] });
}

function searchSignal(doc: Document, fullText: string, url: string): Reason | null {
  // The text and the address first: they are cheap, and the query of the whole document is not.
  const resultsText = SEARCH_RESULTS.test(fullText);
  const searchUrl = /[?&](?:q|wd|word|query|keyword|keywords|kw|searchword)=[^&]/i.test(url) || /\/(?:search|s)(?:[/?.]|$)/i.test(url);
  if (!resultsText && !searchUrl) return null;
  const box = doc.querySelector(
    'input[type=search],input[name=q],input[name=wd],input[name=word],input[name=query],input[name=keyword],input[name=keywords],input[name=kw],input[name=searchword],[role=search] input',
  );
  return box ? reason('searchResults', -5) : null;
}

function newsSignal(doc: Document, fullText: string): Reason | null {
  const found: string[] = [];
  for (const pattern of BYLINE_TERMS) {
    const m = pattern.exec(fullText);
    // The byline word as the page writes it (本报记者, 責任編輯), without the brackets and colons around it.
    if (m) found.push(m[0].replace(/[^\p{Script=Han}]/gu, ''));
  }
  if (found.length === 0) return null;
  const ogType = doc.querySelector('meta[property="og:type"]')?.getAttribute('content') ?? '';
  const article = /article/i.test(ogType) || doc.querySelector('meta[property="article:published_time"]') !== null;
  const points = found.length >= 2 ? -3 : article ? -2 : -1;
  return reason('newsByline', points, { term: found[0] });
}

function linkListSignal(doc: Document, fullTextLength: number): Reason | null {
  if (fullTextLength < 200) return null;
  let linkText = 0;
  for (const a of Array.from(doc.querySelectorAll('body a'))) linkText += (a.textContent ?? '').trim().length;
  const share = linkText / fullTextLength;
  return share > 0.6 ? reason('linkList', -3, { percent: Math.round(share * 100) }) : null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

const collectBlocksOf = (root: Element | null): Block[] => (root ? collectBlocks(root) : []);

const byWeight = (a: Reason, b: Reason): number => Math.abs(b.points) - Math.abs(a.points);

/**
 * Signals about the text itself. The site and the density of figures support a verdict but cannot
 * make one: a government portal's home page has both, and is no policy text.
 */
const TEXT_CODES: ReadonlySet<string> = new Set<ReasonCode>(['title', 'heading', 'salutation', 'sections', 'enumeration', 'govWording']);

export function detectPolicyPage(doc: Document, input: DetectInput): Detection {
  const steps = detectionSteps(doc, input);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** detectPolicyPage in time slices (a 7 MB page's text is read by several of its signals). */
export async function detectPolicyPageInSlices(doc: Document, input: DetectInput, clock = new SliceClock()): Promise<Detection> {
  const steps = detectionSteps(doc, input);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (clock.spent()) await clock.yield();
  }
}

/** The verdict, with a yield between the parts that read the whole text or query the whole document. */
function* detectionSteps(doc: Document, input: DetectInput): Generator<void, Detection> {
  if (pageKind(doc) === 'pdf') return { isPolicy: false, score: 0, reasons: [reason('pdf', 0)] };
  const blocks = input.blocks ?? collectBlocksOf(mainRoot(doc));
  const textLength = input.textLength > 0 ? input.textLength : (input.mainText ?? blocks.map((b) => b.text).join('\n')).length;
  const url = input.url ?? doc.URL ?? '';
  const fullText = pageTextSample(doc);
  yield;
  const pointers = new PointerTest();
  const lines = input.lines ?? evidenceLines(blocks, pointers);
  // The page's own words: their length and a sample (a huge page's text is never joined whole).
  const ownLength = joinedLength(lines);
  const wording = sampleLines(lines);
  const shortLines = lines.filter((l) => l.length <= 50 && !/[。！？]$/.test(l)).slice(0, 400);
  yield;
  const { signal: title, titlePoints } = titleSignal(pageTitles(doc, pointers), shortLines);
  yield;
  const salutation = yield* salutationInLines(lines);
  const opensWithSalutation = salutationSignal(lines.slice(0, OPENING_LINES).join('\n'))?.points === 4;
  yield;
  const found: (Reason | null)[] = [title, salutation, sectionSignal(lines)];
  yield;
  found.push(enumerationSignal(wording), densitySignal(input, textLength), govWordingSignal(wording));
  yield;
  found.push(...govSiteSignals(hostOf(url), fullText), shopSignal(doc, fullText));
  yield;
  found.push(forumSignal(fullText), searchSignal(doc, fullText, url), newsSignal(doc, fullText));
  yield;
  found.push(linkListSignal(doc, fullText.replace(/\s+/g, '').length));
  const signals = found.filter((s): s is Reason => s !== null);

  const score = signals.reduce((sum, s) => sum + s.points, 0);
  const reasons = [...signals].sort(byWeight);
  // The floor counts the page's own words: a column page is long in links and short in text.
  const length = Math.min(textLength, ownLength);
  if (length >= MIN_TEXT_LENGTH) {
    if (signals.some((s) => TEXT_CODES.has(s.code) && s.points > 0)) return { isPolicy: score >= POLICY_THRESHOLD, score, reasons };
    return { isPolicy: false, score, reasons: [...reasons, reason('noTextEvidence', 0)] };
  }
  const evidence = {
    length,
    ownText: lines.join('\n'),
    titlePoints,
    titleOrHeadingPoints: title?.points ?? 0,
    salutationPoints: salutation?.points ?? 0,
    opensWithSalutation,
  };
  if (!hasStrongEvidence(evidence)) return { isPolicy: false, score, reasons: [...reasons, reason('tooShort', 0, { length })] };
  return { isPolicy: score >= SHORT_THRESHOLD, score, reasons: [...reasons, reason('shortButStrong', 0, { length })] };
}
