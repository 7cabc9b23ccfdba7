import { describe, expect, it } from 'vitest';
import { hasStrongEvidence, type ShortTextEvidence } from './detect-short';

const PROSE =
  '我代表国务院，向大会报告政府工作，请予审议。过去一年，国内生产总值增长5.2%。城镇新增就业1244万人，居民消费价格上涨0.2%。今年国内生产总值增长5%左右，城镇新增就业1200万人以上，城镇调查失业率5.5%左右，居民消费价格涨幅3%左右。';
const none: ShortTextEvidence = {
  length: PROSE.length,
  ownText: PROSE,
  titlePoints: 0,
  titleOrHeadingPoints: 0,
  salutationPoints: 0,
  opensWithSalutation: false,
};

describe('hasStrongEvidence', () => {
  it.each<[string, Partial<ShortTextEvidence>, boolean]>([
    ['nothing', {}, false],
    ['a strong title (讲话) with 同志们', { titlePoints: 3, titleOrHeadingPoints: 3, salutationPoints: 4 }, true],
    ['a strong title with a weak salutation (各位来宾)', { titlePoints: 3, titleOrHeadingPoints: 3, salutationPoints: 2 }, false],
    ['a decisive title (政府工作报告) over prose', { titlePoints: 4, titleOrHeadingPoints: 4 }, true],
    ['a decisive title over dates only', { titlePoints: 4, titleOrHeadingPoints: 4, ownText: '2024-01-15\n2023-01-16\n'.repeat(6), length: 132 }, false],
    ['a decisive title over one sentence', { titlePoints: 4, titleOrHeadingPoints: 4, ownText: '登录后查看全文。', length: 8 }, false],
    ['a salutation opening the text under a policy-like title (通知)', { titleOrHeadingPoints: 2, salutationPoints: 4, opensWithSalutation: true }, true],
    ['a salutation deep in the text under a policy-like title', { titleOrHeadingPoints: 2, salutationPoints: 4, opensWithSalutation: false }, false],
    ['a salutation opening the text under no policy title', { salutationPoints: 4, opensWithSalutation: true }, false],
    ['anything on fewer than 40 characters', { titlePoints: 4, titleOrHeadingPoints: 4, salutationPoints: 4, opensWithSalutation: true, length: 30 }, false],
  ])('%s', (_what, change, expected) => {
    expect(hasStrongEvidence({ ...none, ...change })).toBe(expected);
  });
});
