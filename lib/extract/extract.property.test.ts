/**
 * Properties of extractIndicators over arbitrary text: it never throws, and whatever it returns
 * keeps the contract (finite values, true spans in text order, sentences that hold them, known
 * roles, dimensions and qualifiers). Page text is untrusted, so the inputs include lone
 * surrogates, astral characters, control characters and the punctuation figures are built from.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractIndicators, type Indicator } from './index';
import { DIMENSIONS, QUALIFIERS, ROLES } from './types';
// @ts-expect-error: a plain ES module of the benchmark, without types
import { ADVERSARIAL_SHAPES, shapeText } from '../../test/bench/adversarial.mjs';

/** Pieces of Chinese policy text, mixed at random: numbers, numerals, units, cues, punctuation. */
const PIECES = [
  // digits, full-width digits, decimals and separators
  '0',
  '1',
  '2',
  '3',
  '5',
  '9',
  '12',
  '55',
  '2012',
  '20xx',
  '3.5',
  '1,234',
  '1，234',
  '１２',
  '９８．５',
  '．',
  '％',
  '.',
  ',',
  '/',
  // Chinese numerals and magnitudes, simplified and traditional
  '一',
  '二',
  '两',
  '兩',
  '三',
  '五',
  '十',
  '百',
  '千',
  '万',
  '萬',
  '亿',
  '億',
  '零',
  '〇',
  '十五',
  '三千二百',
  '一百零五',
  // units and measure words
  '个',
  '個',
  '户',
  '戶',
  '人',
  '人次',
  '元',
  '美元',
  '吨',
  '噸',
  '亩',
  '畝',
  '公顷',
  '平方公里',
  '米',
  'm3/s',
  '千瓦',
  '兆瓦',
  '千瓦时',
  '年',
  '月',
  '日',
  '天',
  '小时',
  '个百分点',
  '個百分點',
  '台(套)',
  '臺',
  '檯',
  '篇',
  '项',
  '項',
  '倍',
  '%',
  '‰',
  '分之',
  // qualifiers, relations and role cues
  '多',
  '余',
  '餘',
  '来',
  '來',
  '以上',
  '以下',
  '以内',
  '左右',
  '约',
  '近',
  '不少于',
  '超过',
  '由',
  '从',
  '從',
  '提高到',
  '到',
  '至',
  '分别',
  '分別',
  '同比增长',
  '力争',
  '确保',
  '计划',
  '完成',
  '已',
  '了',
  '累计',
  '共',
  '的',
  '据专家测算',
  '率',
  '达',
  '为',
  // rejections: placeholders, ordinals, names, chrome
  'x',
  'xx',
  '*',
  '**',
  '第',
  '届',
  '十二五',
  '国道',
  'PM',
  'iso',
  '浏览量',
  '篇',
  '电话',
  '-',
  // punctuation, quotes, brackets, spaces, breaks
  '、',
  '，',
  '。',
  '；',
  '：',
  '—',
  '——',
  '--',
  '~',
  '～',
  '“',
  '”',
  '"',
  '《',
  '》',
  '(',
  ')',
  '（',
  '）',
  '【',
  '】',
  ' ',
  '  ',
  '\u3000',
  '\u00a0',
  '\t',
  '\n',
  '\r\n',
  // lone surrogates and astral characters
  '\ud800',
  '\udc00',
  '\udbff',
  '😀',
  '𠀀',
  // round 2: chained magnitudes, format characters, ROC years, headings, lists, statuses, labels
  '1億4,778萬5千元',
  '42亿6550万8千元',
  '714萬3千元',
  '1万2000元',
  '5万2018年',
  '近万项',
  '千场以上',
  '上百家',
  '数十个',
  '成千上万',
  '\u00ad',
  '\u200b',
  '\ufeff',
  '9\u00ad8%',
  '民國',
  '114年',
  '114年度',
  '109年達',
  '年12月',
  '1×',
  '吨公里',
  '標箱',
  '日内',
  '一、',
  '(一)',
  '第一、',
  '工作安排',
  '工作回顾',
  '扎实推进',
  '以下',
  '三个方面',
  '五项工作：',
  '一是',
  '讲',
  '五台县',
  '三轮汽车',
  '「凍結200萬元」',
  '通过',
  '入选',
  '第四批',
  '已创建',
  '为优秀',
  '以上为',
  '是指',
  '的，',
  '占',
  '等',
  '各类',
  '比上年',
  '增长',
  '总数达至',
  '改造任务',
  '改造，',
  '县级、',
  '省级一村一品',
  '将',
  '争取',
  '规划建设',
  '要求',
  '预计',
  '“百人计划”',
  '投资',
];

const NUMBERS = ['3', '12', '55', '795', '3.86', '1,234', '１２', '９８．５', '两', '三', '十五', '三千二百', '一百零五'];
const MAGNITUDES = ['', '', '万', '萬', '亿', '億', ' ', '多', '余', '来', '多万'];
const UNITS = ['个', '個', '户', '人', '人次', '元', '美元', '吨', '噸', '亩', '公顷', '米', 'm3/s', '千瓦', '年', '天', '%', '％', '个百分点', '台(套)', '项'];
/** A number, maybe a magnitude or 多 / 余 / 来, and a unit: most of these are figures. */
const figureish = fc.tuple(fc.constantFrom(...NUMBERS), fc.constantFrom(...MAGNITUDES), fc.constantFrom(...UNITS)).map((parts) => parts.join(''));
const policyish = fc
  .array(fc.oneof({ arbitrary: fc.constantFrom(...PIECES), weight: 4 }, { arbitrary: figureish, weight: 1 }), { maxLength: 60 })
  .map((parts) => parts.join(''));
const anyUnicode = fc.string({ unit: 'binary', maxLength: 80 });
const loneSurrogates = fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 8 });
const mixedWithSurrogates = fc.array(fc.oneof(policyish, loneSurrogates), { maxLength: 4 }).map((parts) => parts.join(''));

const ARBITRARIES: Array<[string, fc.Arbitrary<string>]> = [
  ['fc.string()', fc.string({ maxLength: 80 })],
  ['full Unicode strings', anyUnicode],
  ['policy-like text', policyish],
  ['policy-like text with lone surrogates', mixedWithSurrogates],
];

const RUNS = 400;
/** Generous: hundreds of runs on a loaded CI machine, not a timing assertion. */
const PROPERTY_TIMEOUT = 60_000;

/** Every invariant of the contract that holds for any text. */
function expectContract(text: string, found: Indicator[]): void {
  expect(Array.isArray(found)).toBe(true);
  let previousEnd = 0;
  for (const ind of found) {
    expect(Number.isFinite(ind.value)).toBe(true);
    expect(Number.isInteger(ind.start) && Number.isInteger(ind.end)).toBe(true);
    expect(ind.start).toBeGreaterThanOrEqual(0);
    expect(ind.end).toBeLessThanOrEqual(text.length);
    expect(ind.start).toBeLessThan(ind.end);
    expect(text.slice(ind.start, ind.end)).toBe(ind.text);
    expect(ind.start).toBeGreaterThanOrEqual(previousEnd); // in text order, not overlapping
    previousEnd = ind.end;
    expect(ind.sentence.start).toBeGreaterThanOrEqual(0);
    expect(ind.sentence.start).toBeLessThanOrEqual(ind.start);
    expect(ind.sentence.end).toBeGreaterThanOrEqual(ind.end);
    expect(ind.sentence.end).toBeLessThanOrEqual(text.length);
    if (ind.valueMax !== undefined) {
      expect(Number.isFinite(ind.valueMax)).toBe(true);
      expect(ind.valueMax).toBeGreaterThanOrEqual(ind.value);
    }
    if (ind.from !== undefined) expect(Number.isFinite(ind.from)).toBe(true);
    expect(ROLES).toContain(ind.role);
    expect(DIMENSIONS).toContain(ind.dimension);
    if (ind.qualifier !== undefined) expect(QUALIFIERS).toContain(ind.qualifier);
    expect(typeof ind.unit).toBe('string');
    expect(text.includes(ind.label)).toBe(true); // copied from the text
  }
}

const shifted = (found: Indicator[], by: number) =>
  found.map((i) => ({ ...i, start: i.start + by, end: i.end + by, sentence: { start: i.sentence.start + by, end: i.sentence.end + by } }));

describe.each(ARBITRARIES)('extractIndicators over %s', (_name, arbitrary) => {
  it(
    'never throws and keeps the contract',
    () => {
      fc.assert(
        fc.property(arbitrary, (text) => {
          expectContract(text, extractIndicators(text));
        }),
        { numRuns: RUNS },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'never throws with a heading option of any text',
    () => {
      fc.assert(
        fc.property(arbitrary, arbitrary, (text, heading) => {
          expectContract(text, extractIndicators(text, { heading }));
        }),
        { numRuns: RUNS / 2 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'gives the same result for the text after a line break, offsets shifted by one',
    () => {
      fc.assert(
        fc.property(arbitrary, (text) => {
          expect(extractIndicators(`\n${text}`)).toEqual(shifted(extractIndicators(text), 1));
        }),
        { numRuns: RUNS },
      );
    },
    PROPERTY_TIMEOUT,
  );
});

describe('the policy-like arbitrary', () => {
  it('yields text with figures often enough for the properties to say something', () => {
    const samples = fc.sample(policyish, { numRuns: 300, seed: 20240611 });
    const withFigures = samples.filter((text) => extractIndicators(text).length > 0).length;
    const withRelations = samples.filter((text) => extractIndicators(text).some((i) => i.valueMax !== undefined || i.from !== undefined || i.qualifier)).length;
    expect(withFigures).toBeGreaterThan(samples.length / 4);
    expect(withRelations).toBeGreaterThan(0);
  });
});

describe('extractIndicators on degenerate input', () => {
  it('returns an empty array for empty text and for values that are not strings', () => {
    expect(extractIndicators('')).toEqual([]);
    expect(extractIndicators(undefined as unknown as string)).toEqual([]);
    expect(extractIndicators(42 as unknown as string)).toEqual([]);
  });

  it('keeps the contract on a long run of digits, numerals and separators', () => {
    for (const text of ['9'.repeat(400), '一'.repeat(400), '1、'.repeat(300), '三十'.repeat(200), `由${'1%到'.repeat(200)}`, '“'.repeat(300) + '3个']) {
      expectContract(text, extractIndicators(text));
    }
  });

  it(
    'keeps the contract on every adversarial shape (round 2)',
    () => {
      for (const unit of Object.values(ADVERSARIAL_SHAPES)) {
        const text = shapeText(unit, 1500);
        expectContract(text, extractIndicators(text));
      }
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'reads 3万3万… in linear time: a 128 K-character line is no longer seconds per figure',
    () => {
      // Round 2: readFraction rescanned the numeral run at every number (64 K characters took 4 s).
      const text = shapeText('3万', 128_000);
      const started = performance.now();
      expect(extractIndicators(text)).toHaveLength(64_000);
      expect(performance.now() - started).toBeLessThan(8_000); // generous: a loaded machine, not a benchmark
    },
    PROPERTY_TIMEOUT,
  );
});
