/** Sentences and clauses of the matching view, found in one pass each. */
import { charClassRegExp, charTable, nextInSet } from './word-index';

const SENTENCE_ENDS = '。！？!?；;\n';
const SENTENCE_END = charClassRegExp(SENTENCE_ENDS);
const SENTENCE_END_TABLE = charTable(SENTENCE_ENDS);
/** Clause boundaries for role cues: commas, colons, parentheses (a parenthetical is its own clause). */
const CLAUSE_ENDS = '，,:：()';
const CLAUSE_END = charClassRegExp(CLAUSE_ENDS);
const CLAUSE_END_TABLE = charTable(CLAUSE_ENDS);

export interface Span {
  start: number;
  end: number;
}

/** Sentences: up to and including 。！？；; or a line break. Leading spaces are not part of one. */
export function sentences(view: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= view.length; i++) {
    i = nextInSet(SENTENCE_END_TABLE, SENTENCE_END, view, i); // the next sentence end, found by the regular expression engine
    if (i < 0) i = view.length;
    let s = start;
    while (s < i && (view.charCodeAt(s) === 0x20 || view.charCodeAt(s) === 0x3000)) s++;
    const end = i === view.length || view.charCodeAt(i) === 0x0a ? i : i + 1;
    if (end > s) out.push({ start: s, end });
    start = i + 1;
  }
  return out;
}

/** Clauses of one sentence, each with the character that opened it ('(' for a parenthetical). */
export function clauses(view: string, sentence: Span): Array<Span & { opener: string }> {
  const out: Array<Span & { opener: string }> = [];
  let start = sentence.start;
  let opener = '';
  // Searched within the sentence only (a slice shares the view's characters): a search that ran on
  // past the sentence's end would make a long text without commas quadratic.
  const text = view.slice(sentence.start, sentence.end);
  for (let i = sentence.start; i <= sentence.end; i++) {
    const at = nextInSet(CLAUSE_END_TABLE, CLAUSE_END, text, i - sentence.start);
    i = at < 0 ? sentence.end : sentence.start + at;
    out.push({ start, end: i, opener });
    opener = i < sentence.end ? view[i] : '';
    start = i + 1;
  }
  return out;
}
