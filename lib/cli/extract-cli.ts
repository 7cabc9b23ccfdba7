/**
 * The extractor's command line (../shared/indicators.md, "The command-line contract"):
 *   extract --jsonl < FILE      one JSON object per indicator, each input line its own paragraph
 *   extract --csv FILE...       one CSV (UTF-8 with BOM) of every file's indicators
 * A bad option or an unreadable file gives a clear message and exit code 2, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { extractIndicators } from '../extract';
import { indicatorsToCsv } from '../export/indicator-csv';
import { pageIndicators } from './page-indicators';

const USAGE = `usage: npm run --silent extract -- --jsonl < FILE
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

function jsonl(input: string): string {
  const out: string[] = [];
  const lines = input.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    for (const ind of extractIndicators(line)) {
      const o: Record<string, unknown> = {
        line: i + 1, start: ind.start, end: ind.end, text: ind.text,
        value: ind.value, unit: ind.unit, dimension: ind.dimension,
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
    if (rest.length) fail(`--jsonl reads standard input; unexpected ${rest[0]}`);
    process.stdout.write(jsonl(readStdin()));
  } else if (mode === '--csv') {
    process.stdout.write(csv(rest));
  } else if (mode === '-h' || mode === '--help') {
    process.stdout.write(`${USAGE}\n`);
  } else {
    fail(mode === undefined ? 'say --jsonl or --csv' : `unknown option ${mode}`);
  }
}

main(process.argv.slice(2));
