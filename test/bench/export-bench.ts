/**
 * `npm run bench:export`: how long exporting 10,000 clips takes, as CSV, as xlsx and as copied
 * rows (TSV), against the bars (CSV < 200 ms, xlsx < 1.5 s), and the memory it takes. Prints
 * numbers and ratios only. Options: --clips=N (default 10000), --runs=N (default 5).
 * Median of the runs after one warm-up run, in this Node process (V8, like the extension page).
 */
import { CLIP_COLUMN_IDS, type ClipColumnId, type ExportClip } from '../../lib/export/clip-columns';
import { clipsToCsv } from '../../lib/export/clip-csv';
import { rowsToTsv } from '../../lib/export/clip-tsv';
import { clipsToXlsx, type XlsxOptions } from '../../lib/export/clip-xlsx';
import { sampleClip } from '../../lib/model/sample-clip.test-support';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const CLIPS = Number(arg('clips', '10000'));
const RUNS = Number(arg('runs', '5'));

/** Figures as government pages write them (shapes of lib/store/sample-clip.ts and the corpus). */
const SHAPES = [
  {
    exact: '5%',
    value: 5,
    unit: '%',
    dimension: 'percent',
    qualifier: '~',
    label: '国内生产总值增长',
    sentence: '国内生产总值增长5%左右；城镇新增就业1200万人以上。',
  },
  {
    exact: '1200万人',
    value: 12_000_000,
    unit: '人',
    dimension: 'count',
    qualifier: '>=',
    label: '城镇新增就业',
    sentence: '城镇新增就业1200万人以上，城镇调查失业率5.5%左右。',
  },
  {
    exact: '795亿元',
    value: 79_500_000_000,
    unit: '元',
    dimension: 'money',
    label: '中央预算内投资',
    sentence: '拟安排中央预算内投资7000亿元，比上年增加795亿元。',
  },
  { exact: '3—5年', value: 3, valueMax: 5, unit: '年', dimension: 'duration', label: '', sentence: '用3—5年时间，基本完成城镇老旧小区改造任务。' },
  { exact: '95%', value: 95, from: 55, unit: '%', dimension: 'percent', label: '覆盖率', sentence: '农村生活污水治理覆盖率由55%提高到95%。' },
  { exact: '1/3', value: 1 / 3, unit: '', dimension: 'ratio', label: '完成进度', sentence: '截至二季度末，已完成全年任务的1/3。' },
  {
    exact: '1.3万亿斤',
    value: 1.3e12,
    unit: '斤',
    dimension: 'mass',
    qualifier: '>=',
    label: '粮食产量',
    sentence: '粮食产量保持在1.3万亿斤以上，确保谷物基本自给、口粮绝对安全。',
  },
  { exact: '-0.2%', value: -0.2, unit: '%', dimension: 'percent', label: '居民消费价格', sentence: '全年居民消费价格上涨-0.2%，核心CPI保持稳定。' },
] as const;

function makeClips(n: number): ExportClip[] {
  const clips: ExportClip[] = [];
  for (let i = 0; i < n; i++) {
    const shape = SHAPES[i % SHAPES.length];
    const page = i % 250; // 40 clips a page on average
    const clip = sampleClip({
      url: `https://www.gov.cn/zhengce/content/2024-${String((page % 12) + 1).padStart(2, '0')}/content_${6000 + page}.htm`,
      title: `国务院关于印发第${page + 1}号行动方案的通知`,
      section: `${['一', '二', '三', '四', '五'][i % 5]}、重点任务（${(i % 9) + 1}）`,
      exact: shape.exact,
      prefix: `${shape.label}${i}`,
      value: shape.value,
      unit: shape.unit,
      label: shape.label,
      sentence: shape.sentence,
      position: i * 37,
      clippedAt: new Date(Date.UTC(2026, 10, 1) + i * 61_000).toISOString(),
    });
    const indicator = {
      ...clip.indicator,
      dimension: shape.dimension,
      qualifier: 'qualifier' in shape ? shape.qualifier : undefined,
      valueMax: 'valueMax' in shape ? shape.valueMax : undefined,
      from: 'from' in shape ? shape.from : undefined,
      role: i % 3 === 0 ? ('actual' as const) : ('target' as const),
    };
    const edited = i % 10 === 0;
    clips.push({
      ...clip,
      indicator: edited ? { ...indicator, value: (indicator.value ?? 0) * 1.01, label: `${indicator.label}（核）` } : indicator,
      ...(edited ? { original: indicator, edited: ['value', 'label'] } : {}),
      ...(i % 7 === 0 ? { note: `与第${page + 1}号文件口径一致，见附表${i % 4}`, tags: ['经济', `2024-Q${(i % 4) + 1}`] } : {}),
    });
  }
  return clips;
}

const headers = Object.fromEntries(CLIP_COLUMN_IDS.map((id) => [id, `列${id}`])) as Record<ClipColumnId, string>;
const roleNames = { target: '目标', actual: '实际', unknown: '未定' } as const;
const options: XlsxOptions = {
  headers,
  roleName: (role) => roleNames[role],
  pageHeaders: { pageTitle: '标题', url: '网址', clipCount: '摘录数', lastClippedAt: '最后摘录' },
  sheetNames: { clips: '指标', pages: '页面' },
};

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Result {
  name: string;
  bar: number;
  times: number[];
  /** CPU time of this process per run (user + system): less swayed by other work on the machine. */
  cpu: number[];
  size: number;
  rssBefore: number;
  rssPeak: number;
  heapBefore: number;
  heapPeak: number;
}

/** Samples memory every 5 ms while an async export yields, and before and after every run. */
async function measure(name: string, bar: number, run: () => Promise<number> | number): Promise<Result> {
  globalThis.gc?.();
  await run(); // warm-up: JIT, the library's first load
  globalThis.gc?.();
  const before = process.memoryUsage();
  let rssPeak = before.rss;
  let heapPeak = before.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    rssPeak = Math.max(rssPeak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  };
  const timer = setInterval(sample, 5);
  const times: number[] = [];
  const cpu: number[] = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    size = await run();
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    sample();
  }
  clearInterval(timer);
  return { name, bar, times, cpu, size, rssBefore: before.rss, rssPeak, heapBefore: before.heapUsed, heapPeak };
}

const clips = makeClips(CLIPS);
console.log(
  `export bench: ${CLIPS} clips, ${new Set(clips.map((c) => c.url)).size} pages, ${CLIP_COLUMN_IDS.length} columns; median of ${RUNS} runs after a warm-up; node ${process.version}${globalThis.gc ? ', gc exposed' : ''}`,
);

const results = [
  await measure('csv', 200, () => new TextEncoder().encode(clipsToCsv(clips, options)).length),
  await measure('xlsx', 1500, async () => (await clipsToXlsx(clips, [], options)).length),
  await measure('tsv (copy rows)', 200, () => rowsToTsv(clips, options).length),
];

for (const r of results) {
  const ms = median(r.times);
  console.log(
    `${r.name.padEnd(16)} median ${ms.toFixed(0).padStart(5)} ms  (min ${Math.min(...r.times).toFixed(0)}, max ${Math.max(...r.times).toFixed(0)})` +
      `  bar ${r.bar} ms  ratio ${(ms / r.bar).toFixed(2)}  cpu ${median(r.cpu).toFixed(0)} ms (ratio ${(median(r.cpu) / r.bar).toFixed(2)})  file ${mb(r.size)} MB` +
      `  rss ${mb(r.rssBefore)} -> peak ${mb(r.rssPeak)} MB (+${mb(r.rssPeak - r.rssBefore)})` +
      `  heap ${mb(r.heapBefore)} -> peak ${mb(r.heapPeak)} MB (+${mb(r.heapPeak - r.heapBefore)})`,
  );
}
const [load1] = (await import('node:os')).loadavg();
console.log(`machine load average (1 min): ${load1.toFixed(2)} on ${(await import('node:os')).cpus().length} cores (wall times grow with it)`);
console.log(`process peak rss (getrusage maxrss): ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
