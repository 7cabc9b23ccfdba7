/**
 * The store benchmark's workload, run as it is in node (fake-indexeddb) or bundled into a page of
 * real Chromium (see store-bench.ts): seed N realistic clips through importClips, then time the
 * first screens, searches and a full streamed export against the bars (500 ms, 300 ms).
 */
import type { Clip } from '../../lib/model/clip';
import { clipId } from '../../lib/model/clip';
import type { ClipPage, ClipQuery, PageSummary } from '../../lib/messages/schemas';
import { importClips } from '../../lib/store/clip-store';
import { iterateClips, listClips, listPages } from '../../lib/store/clip-query';
import { backupChunks } from '../../lib/store/backup';
import { clipsToCsv } from '../../lib/export/clip-csv';

/** What the workload calls: the store directly, or the built extension's background over its message bus. */
export interface StoreApi {
  where: string;
  importClips(clips: Clip[], onProgress: (done: number, total: number) => void): Promise<{ stored: number }>;
  listClips(query: ClipQuery): Promise<ClipPage>;
  listPages(query: { cursor?: string; limit: number }): Promise<{ pages: PageSummary[]; next?: string }>;
}

export const directApi: StoreApi = {
  where: 'store called directly',
  importClips: (clips, onProgress) => importClips(clips, onProgress),
  listClips,
  listPages,
};

/** Every clip of a query through listClips' cursor, `batch` at a time (what an export over the bus does). */
async function* everyClip(api: StoreApi, batch: number): AsyncGenerator<Clip[]> {
  let cursor: string | undefined;
  do {
    const screen = await api.listClips({ limit: batch, ...(cursor ? { cursor } : {}) });
    if (screen.clips.length) yield screen.clips;
    cursor = screen.next;
  } while (cursor);
}

export const RARE_WORD = '冰雪旅游';
export const COMMON_WORD = '增长';

const HOSTS = ['www.gov.cn', 'www.stats.gov.cn', 'www.ndrc.gov.cn', 'www.mof.gov.cn', 'www.miit.gov.cn', 'www.gov.hk', 'www.ey.gov.tw'];
const TITLES = [
  '政府工作报告',
  '国民经济和社会发展统计公报',
  '关于国民经济和社会发展计划执行情况的报告',
  '财政预算执行情况的报告',
  '施政報告',
  '國民經濟統計公報',
  '五年规划纲要',
];
const SECTIONS = [
  '一、过去一年工作回顾',
  '二、经济社会发展总体要求和政策取向',
  '三、今年政府工作任务',
  '四、国内贸易',
  '五、固定资产投资',
  '六、對外經濟',
  '七、农业',
  '八、工业和建筑业',
  '九、人民生活和社会保障',
];
const LABELS: [string, string, Clip['indicator']['dimension']][] = [
  ['国内生产总值增长', '%', 'percent'],
  ['城镇新增就业', '万人', 'count'],
  ['城镇调查失业率', '%', 'percent'],
  ['居民消费价格涨幅', '%', 'percent'],
  ['粮食产量', '亿斤', 'mass'],
  ['单位国内生产总值能耗降低', '%', 'percent'],
  ['社会消费品零售总额', '亿元', 'money'],
  ['全国一般公共预算收入', '亿元', 'money'],
  ['进出口总额', '万亿元', 'money'],
  ['高标准农田', '亿亩', 'area'],
  ['新建改造农村公路', '万公里', 'length'],
  ['本地生產總值增長', '%', 'percent'],
  ['全員勞動生產率', '%', 'percent'],
  ['研发经费投入增长', '%', 'percent'],
  ['棚户区改造', '万套', 'count'],
  ['脱贫人口', '万人', 'count'],
  ['发电装机容量', '亿千瓦', 'power'],
  ['铁路营业里程', '万公里', 'length'],
];
const CLAUSES = [
  '比上年增长',
  '坚持稳中求进工作总基调',
  '完整准确全面贯彻新发展理念',
  '加快构建新发展格局',
  '着力推动高质量发展',
  '全面深化改革开放',
  '推动經濟實現質的有效提升',
  '扎实推进共同富裕',
  '持续改善民生',
  '保持社会大局稳定',
  '统筹发展和安全',
  '加大宏观政策实施力度',
  '实施扩大内需战略',
  '促进区域协调发展',
  '推進綠色低碳發展',
];

/** A small deterministic generator, so every run seeds the same clips. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

/** `count` clips on `count / perPage` pages over two years, like an analyst's library. */
export function realisticClips(count: number, perPage = 50): Clip[] {
  const next = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const start = Date.UTC(2023, 0, 1);
  const clips: Clip[] = [];
  for (let p = 0; clips.length < count; p++) {
    const host = HOSTS[p % HOSTS.length];
    const url = `https://${host}/zhengce/content/${2023 + (p % 3)}/content_${100000 + p}.htm`;
    const title = `${2023 + (p % 3)}年${pick(TITLES)}`;
    const pageTime = start + Math.floor(next() * 730 * 86_400_000);
    for (let i = 0; i < perPage && clips.length < count; i++) {
      const [label, unit, dimension] = pick(LABELS);
      const value = Math.round(next() * 10_000) / 10;
      const exact = `${value}${unit}`;
      const prefix = `${pick(CLAUSES)}，${label}`;
      const suffix = `左右，${pick(CLAUSES)}`;
      const rare = clips.length % 20_011 === 7 ? `，${RARE_WORD}收入增长` : '';
      const sentence = `${pick(CLAUSES)}，${pick(CLAUSES)}，${label}${exact}左右${rare}，${pick(CLAUSES)}，${pick(CLAUSES)}。`;
      const anchor = { exact, prefix, suffix: `${suffix}${i}`, position: 200 + i * 180 };
      clips.push({
        id: clipId(url, anchor),
        url,
        title,
        site: host,
        section: pick(SECTIONS),
        indicator: { text: exact, value, unit, dimension, qualifier: '~', role: next() < 0.5 ? 'target' : 'actual', label },
        sentence,
        anchor,
        clippedAt: new Date(pageTime + i * 1000).toISOString(),
        source: 'text',
      });
    }
  }
  return clips;
}

export interface Measure {
  name: string;
  ms: number;
  bar?: number;
  note?: string;
}

/** Time `work` `runs` times; report the first (cold) and the median. */
async function timed<T>(runs: number, work: () => Promise<T>): Promise<{ first: number; median: number; result: T }> {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await work();
    times.push(performance.now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { first: times[0], median: sorted[Math.floor(sorted.length / 2)], result };
}

export interface WorkloadOptions {
  count: number;
  runs: number;
  log: (line: string) => void;
  api?: StoreApi;
  /** Stream everything to CSV and JSON at the end (default true). */
  stream?: boolean;
}

export async function runWorkload({ count, runs, log, api = directApi, stream = true }: WorkloadOptions): Promise<Measure[]> {
  const { listClips, listPages } = api;
  const measures: Measure[] = [];
  const record = (name: string, ms: number, bar?: number, note?: string) => {
    measures.push({ name, ms, bar, note });
  };

  let t0 = performance.now();
  const clips = realisticClips(count);
  record('generate clips in memory (not the store)', performance.now() - t0);

  const already = (await listClips({ limit: 1 })).total ?? 0;
  if (already >= count) {
    log(`  ${already} clips already stored (kept profile): import skipped`);
  } else {
    t0 = performance.now();
    let lastTenth = -1;
    const { stored } = await api.importClips(clips, (done, total) => {
      const tenth = Math.floor((done / total) * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        log(`  import progress ${done}/${total} at ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
    });
    record(`import ${stored} clips (chunks of 2000, progress reported)`, performance.now() - t0);
  }
  const onePage = clips[Math.floor(clips.length / 2)].url;
  clips.length = 0; // the workload keeps nothing of the seed in memory

  const newest = await timed(runs, () => listClips({ limit: 50 }));
  record('first screen: 50 newest (+ total)', newest.first, 500, `median ${newest.median.toFixed(1)} ms; total ${newest.result.total}`);
  const secondScreen = await timed(runs, () => listClips({ limit: 50, cursor: newest.result.next }));
  record('next screen: 50 newest after the cursor', secondScreen.first, 500, `median ${secondScreen.median.toFixed(1)} ms`);
  const page = await timed(runs, () => listClips({ page: onePage, limit: 50 }));
  record('first screen: 50 of one page (+ total)', page.first, 500, `median ${page.median.toFixed(1)} ms; total ${page.result.total}`);
  const pages = await timed(runs, () => listPages({ limit: 50 }));
  record('first screen: 50 pages (library by page)', pages.first, 500, `median ${pages.median.toFixed(1)} ms`);

  const rare = await timed(runs, () => listClips({ search: RARE_WORD, limit: 50 }));
  record(
    `search rare word ${RARE_WORD}`,
    rare.first,
    300,
    `median ${rare.median.toFixed(1)} ms; ${rare.result.clips.length} found, total ${rare.result.total}`,
  );
  const common = await timed(runs, () => listClips({ search: COMMON_WORD, limit: 50 }));
  record(`search common word ${COMMON_WORD}`, common.first, 300, `median ${common.median.toFixed(1)} ms; ${common.result.clips.length} shown`);
  const traditional = await timed(runs, () => listClips({ search: '生產總值 增長', limit: 50 }));
  record(
    'search two traditional words 生產總值 增長',
    traditional.first,
    300,
    `median ${traditional.median.toFixed(1)} ms; ${traditional.result.clips.length} shown`,
  );
  const none = await timed(runs, () => listClips({ search: '不存在的词', limit: 50 }));
  record('search a word no clip has (rare characters)', none.first, 300, `median ${none.median.toFixed(1)} ms`);
  // Worst case: every character is common, so every shard may hold the words, and no clip has
  // both, so no screen fills early: every shard is read.
  const worst = await timed(runs, () => listClips({ search: '粮食产量 本地生產總值', limit: 50 }));
  record('search 2 common words no clip has together (reads all)', worst.first, 300, `median ${worst.median.toFixed(1)} ms; total ${worst.result.total}`);
  const inPage = await timed(runs, () => listClips({ page: onePage, search: COMMON_WORD, limit: 50 }));
  record(`search ${COMMON_WORD} within one page`, inPage.first, 300, `median ${inPage.median.toFixed(1)} ms`);

  if (!stream) return measures;
  t0 = performance.now();
  let rows = 0;
  let csvBytes = 0;
  let batches = 0;
  let longestBatch = 0;
  let tBatch = performance.now();
  for await (const batch of api === directApi ? iterateClips({}, 1000) : everyClip(api, 1000)) {
    rows += batch.length;
    csvBytes += clipsToCsv(batch).length;
    batches++;
    longestBatch = Math.max(longestBatch, performance.now() - tBatch);
    tBatch = performance.now();
  }
  record(
    `stream all ${rows} clips to CSV (${batches} batches of 1000)`,
    performance.now() - t0,
    undefined,
    `${(csvBytes / 1e6).toFixed(1)} M chars; longest batch ${longestBatch.toFixed(0)} ms`,
  );

  t0 = performance.now();
  let backupChars = 0;
  for await (const piece of backupChunks(api === directApi ? iterateClips({}, 1000) : everyClip(api, 1000))) backupChars += piece.length;
  record('stream all to a JSON backup', performance.now() - t0, undefined, `${(backupChars / 1e6).toFixed(1)} M chars`);
  return measures;
}

export function formatMeasures(measures: Measure[]): string[] {
  return measures.map(({ name, ms, bar, note }) => {
    const ratio = bar ? `  bar ${bar} ms: ${(ms / bar).toFixed(2)}× ${ms <= bar ? 'OK' : 'OVER'}` : '';
    const time = ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`;
    return `${name.padEnd(58)} ${time.padStart(10)}${ratio}${note ? `  (${note})` : ''}`;
  });
}
