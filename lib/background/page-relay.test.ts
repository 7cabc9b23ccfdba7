import { describe, expect, it } from 'vitest';
import type { FigureRow, PageStatus } from '../messages/schemas';
import { sampleClip } from '../model/sample-clip.test-support';
import { frameKey, mergeFigures, mergeStatus, splitKey } from './page-relay';

const TOP = 'https://www.gov.cn/zhengce/portal.htm';
const ARTICLE = 'https://www.gov.cn/zhengce/article.htm';

function status(o: Partial<PageStatus>): PageStatus {
  return {
    url: TOP,
    title: '门户',
    site: 'www.gov.cn',
    kind: 'html',
    isPolicy: false,
    score: 1,
    reasons: [],
    highlighted: false,
    indicatorCount: 0,
    clippedCount: 0,
    orphanCount: 0,
    autoHighlight: true,
    ...o,
  };
}

function row(key: string, text: string): FigureRow {
  return {
    key,
    order: 1,
    indicator: sampleClip({ exact: text }).indicator,
    heading: '',
    sentence: text,
    clipIds: [],
  };
}

describe('one page out of its frames', () => {
  it("keeps the top page's address and title, takes the article frame's verdict, and adds up the figures", () => {
    const merged = mergeStatus(
      [
        { frameId: 0, value: status({}) },
        {
          frameId: 7,
          value: status({
            url: ARTICLE,
            title: '汇报',
            isPolicy: true,
            score: 9,
            reasons: [{ code: 'salutation', points: 3 }],
            highlighted: true,
            indicatorCount: 20,
            clippedCount: 2,
          }),
        },
      ],
      new Map([
        [0, TOP],
        [7, ARTICLE],
      ]),
    );
    expect(merged).toMatchObject({
      url: TOP,
      title: '门户',
      isPolicy: true,
      score: 9,
      reasons: [{ code: 'salutation' }],
      highlighted: true,
      indicatorCount: 20,
      clippedCount: 2,
      orphanCount: 0,
    });
  });

  it('counts the clips of frames that share one page (a srcdoc frame and its top page) once; an orphan is a clip no frame placed', () => {
    // 5 stored clips of the top page: 2 placed in the top frame, 2 in the srcdoc frame, 1 nowhere.
    const merged = mergeStatus(
      [
        { frameId: 0, value: status({ clippedCount: 5, orphanCount: 3, indicatorCount: 4 }) },
        { frameId: 3, value: status({ clippedCount: 5, orphanCount: 3, indicatorCount: 6 }) },
      ],
      new Map([
        [0, TOP],
        [3, TOP],
      ]),
    );
    expect(merged).toMatchObject({ indicatorCount: 10, clippedCount: 5, orphanCount: 1 });
  });

  it("lists every frame's figures, top page first, each key naming its frame; orphans only those no frame of their page placed", () => {
    const lost = sampleClip({ url: TOP, exact: '9%' });
    const inFrame = sampleClip({ url: TOP, exact: '5%' });
    const inTop = sampleClip({ url: TOP, exact: '7%' });
    const merged = mergeFigures(
      [
        { frameId: 3, value: { figures: [row('zb1', '5%')], orphans: [lost, inTop] } },
        { frameId: 0, value: { figures: [row('zb1', '7%'), row('zb2', '8%')], orphans: [lost, inFrame] } },
      ],
      new Map([
        [0, TOP],
        [3, TOP],
      ]),
    );
    expect(merged.figures.map((f) => [f.key, f.order, f.frameId, f.indicator.text])).toEqual([
      ['zb1', 1, undefined, '7%'],
      ['zb2', 2, undefined, '8%'],
      ['3:zb1', 3, 3, '5%'],
    ]);
    expect(merged.orphans.map((c) => c.id)).toEqual([lost.id]);
    expect(merged.pages).toBeUndefined(); // the srcdoc frame's clips are the top page's
  });

  it('names the pages of frames with an address of their own, whose clips the panel reads too', () => {
    const merged = mergeFigures(
      [
        { frameId: 0, value: { figures: [], orphans: [] } },
        { frameId: 7, value: { figures: [row('zb1', '5%')], orphans: [] } },
        { frameId: 8, value: { figures: [], orphans: [] } },
      ],
      new Map([
        [0, TOP],
        [7, ARTICLE],
        [8, 'https://www.gov.cn/empty.htm'],
      ]),
    );
    expect(merged.pages).toEqual([ARTICLE]);
  });

  it("routes a row's key back to its frame", () => {
    expect(splitKey(frameKey(0, 'zb4'))).toEqual({ frameId: 0, key: 'zb4' });
    expect(splitKey(frameKey(17179869185, 'zb4'))).toEqual({ frameId: 17179869185, key: 'zb4' });
  });
});
