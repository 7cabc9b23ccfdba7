/**
 * The extractor's command line, run as a user runs it (a child process from the repo root):
 * --jsonl per the contract of indicators.md, --csv as Excel and WPS read it, and errors that say
 * what is wrong with exit code 2 and no stack trace. Input lines are from /work/shared/corpus.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractIndicators } from '../extract';
import { parseCsv } from '../export/parse-csv.test-support';

const ROOT = resolve(__dirname, '../..');
const CLI = 'lib/cli/extract-cli.ts';

function run(args: string[], input = '') {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonlRecord {
  line: number;
  start: number;
  end: number;
  text: string;
  value: number;
  unit: string;
  dimension: string;
  qualifier?: string;
  valueMax?: number;
  from?: number;
  role?: string;
  label?: string;
}

const jsonl = (stdout: string): JsonlRecord[] =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as JsonlRecord);

const LINES = [
  '全市完成建築業總產值795億元,實現建築業增加值180億元,同比分別增長15%、20.5%。',
  '',
  '通過跟蹤督查,全縣柑橘“一病一蟲”防控政策知曉率由55%提高到95%,蛀果率由21.8%降低到1.7%。',
  '确保20**年产品质量抽检批次合格率92%以上。',
  '按照這一規劃,計劃用3—5年時間,初步構築我市生態城市的基本框架。',
  '发布日期:2022-10-14 10:53:02                   浏览量:23198',
  '𠀀😀市区绿化覆盖率达22.13%',
];

// Each test starts node with tsx once or twice: slower than a unit test on a loaded machine.
const SLOW = { timeout: 60_000 };

describe('--jsonl', SLOW, () => {
  let out: ReturnType<typeof run>;
  let records: JsonlRecord[];

  beforeAll(() => {
    out = run(['--jsonl'], LINES.join('\r\n') + '\r\n');
    records = jsonl(out.stdout);
  }, SLOW.timeout);

  it('exits 0 with nothing on stderr', () => {
    expect(out.status).toBe(0);
    expect(out.stderr).toBe('');
  });

  it('gives 1-based line numbers and offsets within the line, CRLF input included', () => {
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      const line = LINES[r.line - 1];
      expect(line, `line ${r.line}`).toBeDefined();
      expect(line.slice(r.start, r.end)).toBe(r.text);
      expect(r.text).not.toContain('\r');
    }
    expect(records.map((r) => r.line)).toEqual([1, 1, 1, 1, 3, 3, 3, 3, 4, 5, 7]);
  });

  it('counts offsets in UTF-16 code units', () => {
    const last = records[records.length - 1];
    expect(last).toMatchObject({ line: 7, text: '22.13%', start: LINES[6].indexOf('22.13%') });
    expect(last.start).toBe(12); // 𠀀 and 😀 are two code units each, then eight characters
  });

  it('writes the contract fields, and the optional ones only where they apply', () => {
    expect(records[0]).toEqual({
      line: 1,
      start: 10,
      end: 15,
      text: '795億元',
      value: 79500000000,
      unit: '元',
      dimension: 'money',
      role: 'actual',
      label: '建築業總產值',
    });
    expect(records.find((r) => r.text === '95%')).toMatchObject({ line: 3, value: 95, unit: '%', dimension: 'percent', from: 55 });
    expect(records.find((r) => r.text === '92%')).toMatchObject({ line: 4, qualifier: '>=', role: 'target' });
    expect(records.find((r) => r.text === '3—5年')).toMatchObject({ line: 5, value: 3, valueMax: 5, unit: '年', dimension: 'duration' });
    const plain = records.find((r) => r.text === '795億元')!;
    for (const key of ['qualifier', 'valueMax', 'from']) expect(plain).not.toHaveProperty(key);
  });

  it('agrees with extractIndicators line by line', () => {
    const expected = LINES.flatMap((line, i) =>
      extractIndicators(line).map((ind) => ({
        line: i + 1,
        start: ind.start,
        end: ind.end,
        text: ind.text,
        value: ind.value,
        unit: ind.unit,
        role: ind.role,
        label: ind.label,
      })),
    );
    expect(records.map(({ line, start, end, text, value, unit, role, label }) => ({ line, start, end, text, value, unit, role, label }))).toEqual(expected);
  });

  it('reads LF input and a last line without a line break the same way', () => {
    const lf = jsonl(run(['--jsonl'], LINES.join('\n')).stdout);
    expect(lf).toEqual(records);
  });

  it('is what the documented npm command prints', () => {
    const npm = spawnSync('npm', ['run', '--silent', 'extract', '--', '--jsonl'], { cwd: ROOT, input: LINES.join('\r\n'), encoding: 'utf8', timeout: 60_000 });
    expect(npm.status).toBe(0);
    expect(jsonl(npm.stdout)).toEqual(records);
  });

  it('prints nothing for empty input or input without figures', () => {
    expect(run(['--jsonl'], '')).toMatchObject({ status: 0, stdout: '' });
    expect(run(['--jsonl'], '三要努力抓好“三個結合”。\n1、加強基層組織建設。\n')).toMatchObject({ status: 0, stdout: '' });
  });
});

describe('--jsonl --input jsonl', SLOW, () => {
  const PARAGRAPHS = [
    { text: '改造农村危房3200户。', heading: '三、2026年重点工作安排' },
    { text: '改造农村危房3200户。' },
    { text: '改造农村危房3200户。', heading: '一、2025年工作回顾' },
    { text: '' },
    { text: '全年国内生产总值134908亿元,比上年增长5.0%。', heading: null },
    { text: '完成9\u00ad8%' },
  ];
  let out: ReturnType<typeof run>;
  let records: JsonlRecord[];

  beforeAll(() => {
    out = run(['--jsonl', '--input', 'jsonl'], PARAGRAPHS.map((p) => JSON.stringify(p)).join('\n') + '\n');
    records = jsonl(out.stdout);
  }, SLOW.timeout);

  it('exits 0 and answers with offsets into "text"', () => {
    expect(out.status).toBe(0);
    expect(out.stderr).toBe('');
    for (const r of records) expect(PARAGRAPHS[r.line - 1].text.slice(r.start, r.end)).toBe(r.text);
  });

  it('gives the role the heading decides where the sentence does not', () => {
    expect(records.filter((r) => r.text === '3200户').map((r) => [r.line, r.role])).toEqual([
      [1, 'target'],
      [2, 'actual'],
      [3, 'actual'],
    ]);
  });

  it('agrees with extractIndicators given the same heading', () => {
    const expected = PARAGRAPHS.flatMap((p, i) =>
      extractIndicators(p.text, p.heading ? { heading: p.heading } : {}).map((ind) => ({ line: i + 1, text: ind.text, role: ind.role, label: ind.label })),
    );
    expect(records.map(({ line, text, role, label }) => ({ line, text, role, label }))).toEqual(expected);
  });

  it('reads a number with a soft hyphen inside as the page does', () => {
    expect(records.find((r) => r.line === 6)).toMatchObject({ text: '9\u00ad8%', value: 98, unit: '%' });
  });

  it('labels a growth figure with the quantity named before it', () => {
    expect(records.filter((r) => r.line === 5).map((r) => r.label)).toEqual(['国内生产总值', '国内生产总值']);
  });

  it('--input text is the default', () => {
    const lines = PARAGRAPHS.map((p) => p.text).join('\n');
    expect(run(['--jsonl', '--input', 'text'], lines).stdout).toBe(run(['--jsonl'], lines).stdout);
  });

  it('a line that is not a JSON object: exit code 2 and the line number', () => {
    const bad = run(['--jsonl', '--input', 'jsonl'], '{"text":"3个"}\nnot json\n');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^extract: line 2: not a JSON object/);
    expect(run(['--jsonl', '--input', 'jsonl'], '{"heading":"一、回顾"}\n')).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/line 1: "text" must be a string/),
    });
    expect(run(['--jsonl', '--input', 'xml'], '')).toMatchObject({ status: 2, stderr: expect.stringMatching(/--input is text or jsonl/) });
  });
});

describe('--csv', SLOW, () => {
  let dir: string;
  let first: string;
  let second: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'zb-extract-cli-'));
    first = join(dir, 'report, 2023.txt');
    second = join(dir, 'plan.txt');
    writeFileSync(first, '全市完成建築業總產值795億元,同比增長15%。\r\n=完成投资280万元。\r\n');
    writeFileSync(second, '确保涉农贷款增幅达到30%以上。\n截止目前,累计到位资金1294.9万元(财政扶贫发展资金1194.9万元,地方配套100万元)。');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a CSV with a BOM, CRLF line ends, the header and one row per indicator', () => {
    const out = run(['--csv', first, second]);
    expect(out.status).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout.startsWith('\uFEFF')).toBe(true);
    const body = out.stdout.slice(1);
    expect(body.endsWith('\r\n')).toBe(true);
    expect(body.replace(/\r\n/g, '')).not.toMatch(/\n/); // every line end is CRLF
    const [header, ...rows] = parseCsv(body);
    expect(header).toEqual(['file', 'label', 'value', 'unit', 'dimension', 'qualifier', 'value max', 'from', 'role', 'figure as written', 'sentence']);
    expect(rows.map((r) => [r[0], r[9], r[2], r[3]])).toEqual([
      [first, '795億元', '79500000000', '元'],
      [first, '15%', '15', '%'],
      [first, '280万元', '2800000', '元'],
      [second, '30%', '30', '%'],
      [second, '1294.9万元', '12949000', '元'],
      [second, '1194.9万元', '11949000', '元'],
      [second, '100万元', '1000000', '元'],
    ]);
    // The label is the extractor's (label.test.ts checks labels); the row carries every field of it.
    const label = extractIndicators('确保涉农贷款增幅达到30%以上。')[0].label;
    expect(rows[3]).toEqual([second, label, '30', '%', 'percent', '>=', '', '', 'target', '30%', '确保涉农贷款增幅达到30%以上。']);
    expect(rows[0][10]).toBe('全市完成建築業總產值795億元,同比增長15%。');
  });

  it('writes numbers unquoted and quotes text with a comma', () => {
    const lines = run(['--csv', first, second]).stdout.slice(1).split('\r\n');
    expect(lines[1].startsWith(`"${first}",`)).toBe(true);
    expect(lines[1]).toContain(',79500000000,');
    expect(lines[1]).not.toContain('"79500000000"');
  });

  it('neutralises a text cell that a spreadsheet would run as a formula', () => {
    const rows = parseCsv(run(['--csv', first]).stdout.slice(1));
    const formula = rows.find((r) => r[9] === '280万元')!;
    expect(formula[10]).toBe("'=完成投资280万元。");
  });
});

describe('errors', SLOW, () => {
  const dir = mkdtempSync(join(tmpdir(), 'zb-extract-cli-err-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['an unknown option', ['--xml'], /extract: .*unknown option --xml/],
    ['no option', [], /extract: /],
    ['a missing file', ['--csv', join(dir, 'missing.txt')], /extract: .*missing\.txt.*no such file/],
    ['a directory', ['--csv', dir], /extract: .*is a directory/],
    ['--csv with no files', ['--csv'], /extract: .*--csv needs at least one FILE/],
    ['an argument after --jsonl', ['--jsonl', 'input.txt'], /extract: .*input\.txt/],
  ])('%s: exit code 2, a clear message, no stack trace', (_case, args, message) => {
    const out = run(args);
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
    expect(out.stderr).toMatch(/^extract: /);
    expect(out.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
  });
});
