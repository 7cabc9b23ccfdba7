/**
 * Is this page a speech, work report, plan or other policy text? Weighs signals for (title,
 * salutation, numbered sections, figures, government wording and site) and against (shop, forum,
 * search results, news bylines, link lists), and says why in plain Chinese.
 */
import { collectBlocks } from './blocks';
import {
  BYLINE_TERMS, FORUM_TERMS, GOV_OWNER, GOV_SITE_ID, GOV_TERMS, PRICE, REPLY, SEARCH_RESULTS,
  SHOP_TERMS, TITLE_TERMS,
} from './detect-terms';
import { mainRoot } from './dom-rules';
import { startsWithSectionMarker } from './headings';

export interface DetectInput {
  /** Indicators found in the main text. */
  indicatorCount: number;
  /** Length of the main text. */
  textLength: number;
  /** The main text, blocks joined by '\n' (computed from the document when absent). */
  mainText?: string;
  /** The page address (defaults to the document's). */
  url?: string;
}

export interface Detection {
  isPolicy: boolean;
  score: number;
  reasons: string[];
}

export const POLICY_THRESHOLD = 5;
const MIN_TEXT_LENGTH = 300;
/** Word signals read the start and end of long texts only: enough to judge, and cheap on 400 KB pages. */
const SAMPLE_HEAD = 30000;
const SAMPLE_TAIL = 10000;

function sample(text: string): string {
  return text.length <= SAMPLE_HEAD + SAMPLE_TAIL ? text : `${text.slice(0, SAMPLE_HEAD)}\n${text.slice(-SAMPLE_TAIL)}`;
}

interface Signal {
  points: number;
  reason: string;
}

const quote = (s: string): string => `“${s}”`;

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

function titleSignal(titles: string[], shortLines: string[]): Signal | null {
  let best: Signal | null = null;
  const consider = (text: string, where: string, bonus: number) => {
    for (const term of TITLE_TERMS) {
      const m = term.pattern.exec(text);
      const points = term.points + bonus;
      if (m && points > 0 && (!best || points > best.points)) best = { points, reason: `${where}含${quote(m[0])}` };
    }
  };
  for (const t of titles) consider(t, '标题', 0);
  for (const line of shortLines) consider(line, '短标题', -1);
  return best;
}

function salutationSignal(text: string): Signal | null {
  const strong = /(?:^|[\n。！？!?；;：:])\s*(?:各位领导、|各位領導、)?(同志们|同志們|各位代表)\s*(?:[：:，,！!、]|$)/m.exec(text);
  if (strong) return { points: 4, reason: `有称呼${quote(strong[1])}` };
  const weak = /(?:^|\n)\s*(各位领导|各位領導|各位来宾|各位來賓)\s*[：:，,、]/m.exec(text);
  return weak ? { points: 2, reason: `有称呼${quote(weak[1])}` } : null;
}

function sectionSignal(lines: string[]): Signal | null {
  const n = lines.filter(startsWithSectionMarker).length;
  if (n < 2) return null;
  return { points: n >= 8 ? 3 : n >= 4 ? 2 : 1, reason: `有 ${n} 个“一、二、”式小标题` };
}

function enumerationSignal(text: string): Signal | null {
  for (const verb of ['是', '要', '抓']) {
    if (['一', '二', '三'].every((n) => text.includes(n + verb))) return { points: 2, reason: `有“一${verb}、二${verb}、三${verb}”式分项部署` };
  }
  return null;
}

function densitySignal(input: DetectInput, textLength: number): Signal | null {
  if (textLength < MIN_TEXT_LENGTH || input.indicatorCount <= 0) return null;
  const perThousand = (input.indicatorCount * 1000) / textLength;
  const points = perThousand >= 4 ? 2 : perThousand >= 1.5 ? 1 : 0;
  return { points, reason: `正文每千字 ${perThousand.toFixed(1)} 个指标` };
}

function govWordingSignal(text: string): Signal | null {
  const hits = foundTerms(text, GOV_TERMS);
  if (hits.length < 5) return null;
  const points = hits.length >= 14 ? 3 : hits.length >= 9 ? 2 : 1;
  return { points, reason: `多处政务用语（${hits.slice(0, 3).join('、')}等 ${hits.length} 个）` };
}

function govSiteSignals(host: string, fullText: string): Signal[] {
  const out: Signal[] = [];
  const site = /(?:^|\.)(gov\.[a-z]{2}|gov)$/i.exec(host);
  if (site) out.push({ points: 3, reason: `政府网站 (${site[1].toLowerCase()})` });
  if (GOV_SITE_ID.test(fullText)) out.push({ points: 2, reason: '页面有政府网站标识码' });
  const owner = GOV_OWNER.exec(fullText);
  if (owner) out.push({ points: 2, reason: `由政府机关主办（${owner[1].trim()}）` });
  // Each says the same thing (a government site): together they count at most 4.
  let budget = 4;
  return out.map((s) => {
    const points = Math.min(s.points, budget);
    budget -= points;
    return { ...s, points };
  });
}

function shopSignal(doc: Document, fullText: string): Signal | null {
  const terms = foundTerms(fullText, SHOP_TERMS);
  const prices = (fullText.match(PRICE) ?? []).length;
  const ogType = doc.querySelector('meta[property="og:type"]')?.getAttribute('content') ?? '';
  const productMarkup =
    /product/i.test(ogType) ||
    doc.querySelector('[itemtype*="schema.org/Product"]') !== null ||
    Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).some((s) => /"@type"\s*:\s*"Product"/.test(s.textContent ?? ''));
  if (!(terms.length >= 2 || prices >= 3 || (terms.length >= 1 && prices >= 1) || productMarkup)) return null;
  const what = [terms.length ? terms.slice(0, 2).map(quote).join('、') : '', prices ? `${prices} 处价格` : '', productMarkup ? '商品标记' : '']
    .filter(Boolean)
    .join('，');
  return { points: -6, reason: `像购物页（${what}）` };
}

function forumSignal(fullText: string): Signal | null {
  const terms = foundTerms(fullText, FORUM_TERMS);
  const replies = (fullText.match(REPLY) ?? []).length;
  if (replies >= 3) terms.push('回复');
  if (terms.length < 2) return null;
  return { points: -4, reason: `像论坛或评论页（${terms.slice(0, 3).map(quote).join('、')}）` };
}

function searchSignal(doc: Document, fullText: string, url: string): Signal | null {
  const box = doc.querySelector(
    'input[type=search],input[name=q],input[name=wd],input[name=word],input[name=query],input[name=keyword],input[name=keywords],input[name=kw],input[name=searchword],[role=search] input',
  );
  if (!box) return null;
  const resultsText = SEARCH_RESULTS.test(fullText);
  const searchUrl = /[?&](?:q|wd|word|query|keyword|keywords|kw|searchword)=[^&]/i.test(url) || /\/(?:search|s)(?:[/?.]|$)/i.test(url);
  if (!resultsText && !searchUrl) return null;
  return { points: -5, reason: '像搜索结果页（有搜索框和结果列表）' };
}

function newsSignal(doc: Document, fullText: string): Signal | null {
  const names = BYLINE_TERMS.filter((b) => b.pattern.test(fullText)).map((b) => b.name);
  if (names.length === 0) return null;
  const ogType = doc.querySelector('meta[property="og:type"]')?.getAttribute('content') ?? '';
  const article = /article/i.test(ogType) || doc.querySelector('meta[property="article:published_time"]') !== null;
  const points = names.length >= 2 ? -3 : article ? -2 : -1;
  return { points, reason: `像新闻报道（有${names.map(quote).join('、')}署名）` };
}

function linkListSignal(doc: Document, fullTextLength: number): Signal | null {
  if (fullTextLength < 200) return null;
  let linkText = 0;
  for (const a of Array.from(doc.querySelectorAll('body a'))) linkText += (a.textContent ?? '').trim().length;
  const share = linkText / fullTextLength;
  return share > 0.6 ? { points: -3, reason: `多为链接（${Math.round(share * 100)}% 是链接文字，像目录页）` } : null;
}

/** All the page's text except scripts and styles, hidden or not (footers and buttons count here). */
export function pageText(doc: Document): string {
  const body = doc.body;
  if (!body) return '';
  const parts: string[] = [];
  const walker = doc.createTreeWalker(body, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement?.tagName.toUpperCase();
    if (parent === 'SCRIPT' || parent === 'STYLE' || parent === 'NOSCRIPT' || parent === 'TEMPLATE') continue;
    parts.push((n as Text).data);
  }
  for (const input of Array.from(body.querySelectorAll('input[type=submit],input[type=button]'))) parts.push(` ${(input as HTMLInputElement).value} `);
  return parts.join('');
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export function detectPolicyPage(doc: Document, input: DetectInput): Detection {
  const root = mainRoot(doc);
  const mainText = input.mainText ?? (root ? collectBlocks(root).map((b) => b.text).join('\n') : '');
  const textLength = input.textLength > 0 ? input.textLength : mainText.length;
  const url = input.url ?? doc.URL ?? '';
  const fullText = sample(pageText(doc));
  const wording = sample(mainText);
  const lines = mainText.split('\n').map((l) => l.trim()).filter(Boolean);
  const shortLines = lines.filter((l) => l.length <= 50 && !/[。！？]$/.test(l)).slice(0, 400);
  const titles = [
    doc.title,
    doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '',
    ...Array.from(doc.querySelectorAll('h1')).slice(0, 3).map((h) => h.textContent ?? ''),
  ].map((t) => t.trim()).filter(Boolean);

  const signals = [
    titleSignal(titles, shortLines),
    salutationSignal(mainText),
    sectionSignal(lines),
    enumerationSignal(wording),
    densitySignal(input, textLength),
    govWordingSignal(wording),
    ...govSiteSignals(hostOf(url), fullText),
    shopSignal(doc, fullText),
    forumSignal(fullText),
    searchSignal(doc, fullText, url),
    newsSignal(doc, fullText),
    linkListSignal(doc, fullText.replace(/\s+/g, '').length),
  ].filter((s): s is Signal => s !== null);

  const score = signals.reduce((sum, s) => sum + s.points, 0);
  const reasons = [...signals].sort((a, b) => Math.abs(b.points) - Math.abs(a.points)).map((s) => s.reason);
  const longEnough = textLength >= MIN_TEXT_LENGTH;
  if (!longEnough) reasons.push(`正文太短（${textLength} 字）`);
  return { isPolicy: longEnough && score >= POLICY_THRESHOLD, score, reasons };
}
