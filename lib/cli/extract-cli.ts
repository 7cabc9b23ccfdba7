/**
 * The extractor's command line (../shared/indicators.md, "The command-line contract"):
 *   extract --jsonl < FILE      one JSON object per indicator, each input line its own paragraph
 *   extract --jsonl --input jsonl < FILE
 *                               the same, each input line a JSON object {"text", "heading"?}: the
 *                               paragraph and the heading it sits under (offsets into "text")
 *   extract --csv FILE...       one CSV (UTF-8 with BOM) of every file's indicators
 * A bad option or an unreadable file gives a clear message and exit code 2, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { extractIndicators } from '../extract';
import { indicatorsToCsv } from '../export/indicator-csv';
import { pageIndicators } from './page-indicators';

const USAGE = `usage: npm run --silent extract -- --jsonl [--input text|jsonl] < FILE
       npm run --silent extract -- --csv FILE...`;

function fail(message: string): never {
  process.stderr.write(`extract: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch (e) {
    fail(`cannot read standard input: ${(e as Error).message}`);
  }
}

/** One paragraph of the input: its text and, with --input jsonl, the heading it sits under. */
interface Paragraph {
  text: string;
  heading?: string;
}

/** Input lines without their line ends (LF or CRLF); a final line break makes no empty line. */
function inputLines(input: string): string[] {
  const lines = input.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.map((raw) => (raw.endsWith('\r') ? raw.slice(0, -1) : raw));
}

/** {"text", "heading"?} of one --input jsonl line; a blank line is an empty paragraph. */
function paragraphOf(line: string, n: number): Paragraph {
  if (line.trim() === '') return { text: '' };
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch (e) {
    fail(`line ${n}: not a JSON object (${(e as Error).message})`);
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) fail(`line ${n}: not a JSON object`);
  const { text, heading } = o as Record<string, unknown>;
  if (typeof text !== 'string') fail(`line ${n}: "text" must be a string`);
  if (heading !== undefined && heading !== null && typeof heading !== 'string') fail(`line ${n}: "heading" must be a string`);
  return { text, heading: typeof heading === 'string' && heading.trim() ? heading : undefined };
}

function jsonl(paragraphs: Paragraph[]): string {
  const out: string[] = [];
  paragraphs.forEach(({ text, heading }, i) => {
    for (const ind of extractIndicators(text, heading ? { heading } : {})) {
      const o: Record<string, unknown> = {
        line: i + 1,
        start: ind.start,
        end: ind.end,
        text: ind.text,
        value: ind.value,
        unit: ind.unit,
        dimension: ind.dimension,
      };
      if (ind.qualifier) o.qualifier = ind.qualifier;
      if (ind.valueMax !== undefined) o.valueMax = ind.valueMax;
      if (ind.from !== undefined) o.from = ind.from;
      o.role = ind.role;
      o.label = ind.label;
      out.push(JSON.stringify(o));
    }
  });
  return out.length ? out.join('\n') + '\n' : '';
}

function csv(files: string[]): string {
  if (files.length === 0) fail('--csv needs at least one FILE');
  const rows = files.flatMap((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      fail(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`);
    }
    return pageIndicators(text).map(({ indicator, sentence }) => ({ file, indicator, sentence }));
  });
  return indicatorsToCsv(rows);
}

function main(argv: string[]): void {
  const [mode, ...rest] = argv;
  if (mode === '--jsonl') {
    let input = 'text';
    for (let k = 0; k < rest.length; k++) {
      if (rest[k] === '--input' && k + 1 < rest.length) input = rest[++k];
      else if (rest[k].startsWith('--input=')) input = rest[k].slice('--input='.length);
      else fail(`--jsonl reads standard input; unexpected ${rest[k]}`);
    }
    if (input !== 'text' && input !== 'jsonl') fail(`--input is text or jsonl, not ${input}`);
    const lines = inputLines(readStdin());
    const paragraphs = input === 'jsonl' ? lines.map((l, i) => paragraphOf(l, i + 1)) : lines.map((text) => ({ text }));
    process.stdout.write(jsonl(paragraphs));
  } else if (mode === '--csv') {
    process.stdout.write(csv(rest));
  } else if (mode === '-h' || mode === '--help') {
    process.stdout.write(`${USAGE}\n`);
  } else {
    fail(mode === undefined ? 'say --jsonl or --csv' : `unknown option ${mode}`);
  }
}

main(process.argv.slice(2));
