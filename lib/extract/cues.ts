/**
 * Words that tell a target (a goal or plan) from an actual (an achieved or reported figure), and
 * words that make a figure a general statement (unknown). Matched in the simplified view.
 */
import { isDigit, oneOf } from './numerals';
import { WordIndex, charTable, nextMatch } from './word-index';

export type Cue = 'target' | 'actual';

/**
 * What a clause says, by strength: a plan's modal verb or deadline (modal: target), a past marker
 * (past: actual), a plan noun like 目标 or 计划 (noun: target, weakly), or another verb of
 * achievement such as 完成 (plain: actual, weakly: in a plan 完成 is still to be done).
 */
export type Strength = 'modal' | 'past' | 'noun' | 'plain';

interface CueWord {
  word: string;
  cue: Cue;
  strength?: Strength;
  /** The word is another word when preceded / followed by one of these characters. */
  notBefore?: string;
  notAfter?: string;
}

const WORDS: CueWord[] = [
  // target: a goal, plan, duty or deadline
  { word: '力争', cue: 'target' },
  { word: '确保', cue: 'target', notAfter: '了' },
  { word: '目标', cue: 'target', strength: 'noun' },
  { word: '计划', cue: 'target', strength: 'noun', notAfter: '生' },
  { word: '需要', cue: 'target' },
  { word: '还需', cue: 'target' },
  // weak plan words: a review reports against them (预计 in a year-review section is actual)
  { word: '规划', cue: 'target', strength: 'noun', notBefore: '的' },
  { word: '要求', cue: 'target', strength: 'noun' },
  { word: '预计', cue: 'target', strength: 'noun' },
  { word: '预期', cue: 'target', strength: 'noun' },
  { word: '争取', cue: 'target' },
  { word: '将', cue: 'target' },
  { word: '下月', cue: 'target' },
  { word: '力促', cue: 'target' },
  { word: '务必', cue: 'target' },
  // budget motions (Taiwan): what is allocated, frozen or cut is planned; a final account reports
  { word: '编列', cue: 'target', strength: 'noun' },
  { word: '冻结', cue: 'target', strength: 'noun' },
  { word: '减列', cue: 'target', strength: 'noun' },
  { word: '删减', cue: 'target', strength: 'noun' },
  { word: '核减', cue: 'target', strength: 'noun' },
  { word: '增列', cue: 'target', strength: 'noun' },
  { word: '匡列', cue: 'target', strength: 'noun' },
  { word: '始得', cue: 'target' },
  { word: '俟', cue: 'target' },
  { word: '决算', cue: 'actual', strength: 'past' },
  { word: '执行率', cue: 'actual', strength: 'past' },
  { word: '执行数', cue: 'actual', strength: 'past' },
  { word: '须', cue: 'target', notBefore: '必无毋' },
  { word: '要', cue: 'target', notBefore: '主重只必纪摘首紧概简提扼需想总纲', notAfter: '素点害闻件领务数求' },
  { word: '必须', cue: 'target' },
  { word: '应当', cue: 'target' },
  { word: '应该', cue: 'target' },
  { word: '应', cue: 'target', notBefore: '相响适供对反效回呼感', notAfter: '急用对有届该当' },
  { word: '拟', cue: 'target' },
  { word: '力求', cue: 'target' },
  { word: '建议', cue: 'target', notBefore: '、的和及与', notAfter: '、和及与等案书稿' },
  { word: '年内', cue: 'target' },
  { word: '今后', cue: 'target' },
  { word: '下一步', cue: 'target' },
  { word: '明年', cue: 'target' },
  { word: '今冬明春', cue: 'target' },
  { word: '争创', cue: 'target' },
  { word: '下达', cue: 'target', strength: 'noun' },
  { word: '将要', cue: 'target' },
  { word: '即将', cue: 'target' },
  { word: '打算', cue: 'target' },
  { word: '底前', cue: 'target' },
  { word: '努力实现', cue: 'target' },
  // actual: achieved, counted, reported
  { word: '完成', cue: 'actual' },
  { word: '实现', cue: 'actual' },
  { word: '累计', cue: 'actual', strength: 'past' },
  { word: '已', cue: 'actual', strength: 'past', notBefore: '得而不' },
  { word: '建成', cue: 'actual', notAfter: '的' },
  { word: '共', cue: 'actual', notBefore: '公中', notAfter: '同建享产青识赢治性振鸣谋商担和' },
  { word: '了', cue: 'actual', strength: 'past', notBefore: '为除不', notAfter: '解如' },
  { word: '先后', cue: 'actual' },
  { word: '相继', cue: 'actual' },
  { word: '现有', cue: 'actual', strength: 'past' },
  { word: '截至', cue: 'actual', strength: 'past' },
  { word: '截止', cue: 'actual', strength: 'past' },
  // a comparison with last year and a current state report what is
  { word: '同比', cue: 'actual', strength: 'past' },
  { word: '比上年', cue: 'actual', strength: 'past' },
  { word: '较上年', cue: 'actual', strength: 'past' },
  { word: '比去年', cue: 'actual', strength: 'past' },
  { word: '较去年', cue: 'actual', strength: 'past' },
  { word: '实有', cue: 'actual', strength: 'past' },
  { word: '迄今', cue: 'actual', strength: 'past' },
  { word: '至今', cue: 'actual', strength: 'past' },
  { word: '取得', cue: 'actual' },
  { word: '获得', cue: 'actual' },
  { word: '荣获', cue: 'actual' },
  { word: '查处', cue: 'actual' },
  { word: '受理', cue: 'actual' },
  { word: '接待', cue: 'actual' },
  { word: '发生', cue: 'actual' },
  { word: '出现', cue: 'actual' },
  { word: '全年', cue: 'actual' },
  { word: '去年', cue: 'actual' },
  { word: '上年', cue: 'actual' },
  { word: '超额', cue: 'actual' },
  { word: '通过', cue: 'actual' },
  { word: '印发', cue: 'actual' },
  { word: '发表', cue: 'actual' },
  { word: '举办', cue: 'actual' },
  { word: '共有', cue: 'actual', strength: 'past' },
  { word: '总共', cue: 'actual' },
];

const BY_FIRST = new Map<number, CueWord[]>();
for (const w of WORDS) {
  const list = BY_FIRST.get(w.word.charCodeAt(0)) ?? [];
  list.push(w);
  BY_FIRST.set(w.word.charCodeAt(0), list);
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.word.length - a.word.length);
const CUE_FIRST = charTable(WORDS.map((w) => w.word[0]).join('') + '到至');

/** 到2025年, 到20xx年, 至20**年: a deadline, hence a target (截至2023年底 reports, as 截止 does; 2021年至2023年 is a period). */
function deadlineAt(view: string, i: number): number {
  if (view[i] !== '到' && view[i] !== '至') return 0;
  if (view[i - 1] === '截') return 0;
  // 2021年至2023年, 2019至2023年: a period, past or planned, which the rest of the sentence tells.
  if (view[i - 1] === '年' || isDigit(view[i - 1])) return 0;
  let k = i + 1;
  if (view[k] === ' ') k++;
  if (!isDigit(view[k]) || !isDigit(view[k + 1])) return 0;
  // 到114年: a year of the Republic of China calendar (Taiwan budget texts).
  if (view[k] === '1' && isDigit(view[k + 2]) && view[k + 3] === '年') return k + 4 - i;
  for (let d = 2; d < 4; d++) if (!isDigit(view[k + d]) && !oneOf('xX*', view[k + d])) return 0;
  return view[k + 4] === '年' || (view[k + 4] === ' ' && view[k + 5] === '年') ? k + 5 - i : 0;
}

const CUE_QUOTES: Record<string, string> = { '“': '”', '「': '」', '『': '』', '《': '》', '"': '"' };
const QUOTE_FIRST = charTable(Object.keys(CUE_QUOTES).join(''));
/**
 * Where anything starts that clueOf acts on: a cue word, 到 / 至 (a deadline), a quote mark. One
 * character is matched after the look-ahead, so that lastIndex - 1 is where the word starts (nextMatch).
 */
const CUE_START = new RegExp(`(?=${[...WORDS.map((w) => w.word), '到', '至', ...Object.keys(CUE_QUOTES)].join('|')})[^]`, 'g');

/** Verbs of achievement before a plan noun in the same clause (完成年度计划, 超额完成目标任务). */
const COMPLETION = ['完成', '实现', '达到', '超过', '占'];
const COMPLETION_FIRST = charTable(COMPLETION.map((w) => w[0]).join(''));
function completionBefore(view: string, i: number, floor: number): boolean {
  const from = Math.max(floor, i - 6);
  for (let k = i - 2; k >= from; k--) {
    if (COMPLETION_FIRST[view.charCodeAt(k)] !== 1) continue; // cheap test first: most characters start none
    for (let n = 0; n < COMPLETION.length; n++) if (view.startsWith(COMPLETION[n], k) && k + COMPLETION[n].length <= i) return true;
  }
  return false;
}

/** After 将: what makes it "will" (将进一步, 将对, 将新增), not "take" (将污染物减排指标…). */
const FUTURE_AFTER = new WordIndex([
  '对',
  '在',
  '于',
  '会在',
  '会有',
  '进一步',
  '继续',
  '全面',
  '重点',
  '加大',
  '加快',
  '启动',
  '达到',
  '实现',
  '完成',
  '新增',
  '新建',
  '建成',
  '投入',
  '统筹',
  '安排',
  '有',
  '全力',
  '着力',
  '大力',
  '力争',
  '逐步',
  '陆续',
  '不断',
  '持续',
  '开展',
  '组织',
  '实施',
  '推出',
  '推进',
  '建立',
  '出台',
  '举办',
  '召开',
  '形成',
  '突破',
  '超过',
  '增加',
  '提高',
  '扩大',
  '达',
  '成为',
  '集中',
  '以',
  '按',
  '向',
  '从',
  '由',
]);

/** Verbs after 规划 that make it "plan to". */
const PLAN_VERB_AFTER = new WordIndex([
  '建设',
  '新建',
  '新增',
  '新发展',
  '发展',
  '实施',
  '布局',
  '改造',
  '建成',
  '到',
  '用',
  '在',
  '于',
  '种植',
  '造林',
  '全',
  '每',
  '各',
]);

/** 争取 as "strive to" (争取新增, 争取二年内, 争取全市有, 争取每年) rather than "secured" (争取到资金). */
const STRIVE_AFTER = new WordIndex([
  '新增',
  '新建',
  '实现',
  '完成',
  '达到',
  '建成',
  '在',
  '用',
  '于',
  '每',
  '全',
  '年内',
  '今年',
  '明年',
  '两年',
  '二年',
  '三年',
  '早日',
  '更',
  '再',
  '进入',
  '列入',
  '创建',
  '创成',
  '通过',
  '把',
  '将',
  '使',
  '让',
  '有',
  '引进',
  '突破',
  '超过',
  '提前',
  '尽早',
  '尽快',
]);
function strivesFor(view: string, pos: number): boolean {
  if (oneOf('到了', view[pos])) return false;
  return STRIVE_AFTER.at(view, pos) !== undefined || deadlineAt(view, pos) > 0 || isDigit(view[pos]);
}

/** The cue of a stretch of text (see clueOf for its strength). */
export function cueOf(view: string, start: number, end: number): Cue | undefined {
  const s = clueOf(view, start, end);
  return s === undefined ? undefined : s === 'modal' || s === 'noun' ? 'target' : 'actual';
}

/**
 * The strongest clue of a stretch of text. A plan's modal verb or deadline wins (确保…完成91亿元
 * is a target); then a past marker (已完成了减排目标的85%: actual, though it names a 目标); then a
 * plan noun (计划总投资); then any other actual cue; otherwise none.
 */
export function clueOf(view: string, start: number, end: number): Strength | undefined {
  let past = false;
  let noun = false;
  let actual = false;
  // Only where a cue word, a deadline (到 / 至) or a quotation starts is there anything to do: the
  // regular expression engine finds those places, within the stretch only (a slice shares the
  // view's characters), instead of a JavaScript loop over every character.
  const stretch = view.slice(start, end);
  for (let i = start; i < end; i++) {
    const found = nextMatch(CUE_START, stretch, i - start);
    if (found < 0) break;
    i = start + found;
    const code = view.charCodeAt(i);
    if (QUOTE_FIRST[code]) {
      const close = CUE_QUOTES[view[i]].charCodeAt(0);
      // Only a short quotation that closes within the clause is skipped (a bounded look ahead): a
      // name there is no cue (“百人计划”).
      const limit = Math.min(end, i + 40);
      let at = i + 1;
      while (at < limit && view.charCodeAt(at) !== close) at++;
      if (at < limit) {
        i = at; // on after the closing quote
        continue;
      }
    }
    if (!CUE_FIRST[code]) continue;
    if ((code === 0x5230 || code === 0x81f3) && deadlineAt(view, i)) return 'modal'; // 到 至
    const list = BY_FIRST.get(code);
    if (!list) continue;
    for (let n = 0; n < list.length; n++) {
      const w = list[n];
      if (!view.startsWith(w.word, i) || i + w.word.length > end) continue;
      if (w.notBefore && oneOf(w.notBefore, view[i - 1])) continue;
      if (w.notAfter && oneOf(w.notAfter, view[i + w.word.length])) continue;
      // 下达 is a plan when a quota follows it (下达…建设用地指标), not when a notice does.
      if (w.word === '下达' && !/指标|计划|任务/.test(view.slice(i, Math.min(end, i + 24)))) break;
      // 完成年度计划82.3%, 超额完成全年目标: the plan is what a figure is measured against.
      if (w.strength === 'noun' && completionBefore(view, i, start)) break;
      if (w.word === '争取' && !strivesFor(view, i + 2)) {
        actual = true;
        break;
      } // 争取到资金: secured
      if (w.word === '将' && !FUTURE_AFTER.at(view, i + 1)) break; // 将X列入: "take", not "will"
      // 要求 as a verb (市局要求…不少于50节), not the noun of 按照…的要求 or 部署要求 at a clause's end.
      if (w.word === '要求' && (view[i - 1] === '的' || i + 2 >= end)) break;
      // 规划 as "plans to" (规划建设2000亩, 规划全县每个村), not the noun of 城市规划.
      if (w.word === '规划' && !PLAN_VERB_AFTER.at(view, i + 2)) break;
      if (w.word === '规划') return 'modal';
      let strength = w.strength ?? (w.cue === 'target' ? 'modal' : 'plain');
      // 计划 before a span of time or a verb is "plan to" (计划两年之内, 计划用3—5年), not a noun.
      if (w.word === '计划' && oneOf('用利在于到今明两三四五六七八九十0123456789', view[i + 2])) strength = 'modal';
      if (strength === 'modal') return 'modal';
      if (strength === 'past') past = true;
      else if (strength === 'noun') noun = true;
      else actual = true;
      break;
    }
  }
  return past ? 'past' : noun ? 'noun' : actual ? 'plain' : undefined;
}

const UNKNOWN_WORDS = ['测算', '估算', '一般来说', '一般而言', '一般情况', '通常', '如果', '假如', '假设', '凡是', '若'];
const UNKNOWN_WORD = new RegExp(UNKNOWN_WORDS.join('|'));

/** A general statement or a rule's condition: 据专家测算…, …的。 */
export function isGeneralStatement(view: string, start: number, end: number): boolean {
  let e = end;
  while (e > start && oneOf('。；;!！?？\n ', view[e - 1])) e--;
  if (view[e - 1] === '的') return true;
  return UNKNOWN_WORD.test(view.slice(start, end)); // one search for all the words, not one per word
}

/** A heading's cue and how sure it is: a word that names the section, or only a verb's mood. */
export interface HeadingClue {
  cue: Cue;
  /** Named (工作回顾, 工作安排, 主要目标) rather than read from an imperative verb (扎实推进…). */
  strong: boolean;
}

/** Verbs a plan's section heading starts with (二、扎实推进新农村建设, (三)抓好绿色建筑发展). */
const IMPERATIVE_START =
  /^(?:推进|推动|实施|抓好|抓紧|强化|加强|突出|狠抓|加快|做好|扎实|大力|着力|深入|全面|坚持|提升|促进|完善|健全|构建|打造|优化|深化|落实|切实|持续|积极|努力|强力|加大|创新|统筹|聚焦|稳步|保持|确保|力争|用好|抓实|夯实|筑牢|守牢|严格|提高|扩大|激发|培育|发展|建设|稳定|防范|巩固)/;
/** Words that say a heading reports a result (着力扩大有效需求，经济回升向好). */
const RESULT_WORDS =
  /持续|稳步|不断|明显|显著|总体|大幅|逐步|较快|成效|进展|突破|台阶|局面|向好|平稳|稳定|有序|增强|改善|提升|提高|加快|优化|巩固|落实|见效|成果|成绩|良好|扎实/;
const HEADING_MARKER_TEXT =
  /^\s*(?:[一二三四五六七八九十百零〇]+[、.．,，]|[（(][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十\d]+[章节部篇编条、,，]?|\d+[、.．]|[（(]?\d+[)）])\s*/;

/** A heading's cue for the figures under it where their sentence has none, and its strength. */
export function headingClue(heading: string | undefined): HeadingClue | undefined {
  if (!heading) return undefined;
  if (/计划下达|下达计划/.test(heading)) return { cue: 'target', strong: true }; // (二)计划下达情况: a plan, though a 情况
  // 监测任务全面完成, 主要成绩, 过去一年, 进展情况, 执行情况
  if (/完成|回顾|成绩|成效|总结|取得|进展|情况|主要工作|过去|上年|去年|实绩|成果|基本情况/.test(heading)) return { cue: 'actual', strong: true };
  // 任务 and 部署 are left out: a section on problems speaks of 任务 too (污染减排任务比较重).
  if (/计划|目标|安排|打算|思路|要点|下一步|下步|明年|今后|规划|措施|重点工作|主要任务|重点任务|今年重点|展望|预期/.test(heading))
    return { cue: 'target', strong: true };
  // An imperative verb first, with no result after it: the task list of a plan (weakly).
  const body = heading.replace(HEADING_MARKER_TEXT, '');
  if (IMPERATIVE_START.test(body)) {
    // 坚持创新驱动，加快产业升级 plans; 着力扩大有效需求，经济回升向好 reports.
    const reports = body
      .split(/[,，;；]/)
      .slice(1)
      .some((part) => !IMPERATIVE_START.test(part) && RESULT_WORDS.test(part));
    if (!reports) return { cue: 'target', strong: false };
  }
  return undefined;
}

/** A heading's cue for the figures under it where their sentence has none. */
export function headingCue(heading: string | undefined): Cue | undefined {
  return headingClue(heading)?.cue;
}
