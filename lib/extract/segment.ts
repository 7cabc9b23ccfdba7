/** Sentences and clauses of the matching view, found in one pass each. */
import { charTable } from './word-index';

const SENTENCE_END = charTable('。！？!?；;\n');
/** Clause boundaries for role cues: commas, colons, parentheses (a parenthetical is its own clause). */
const CLAUSE_END = charTable('，,:：()');

export interface Span {
  start: number;
  end: number;
}

/** Sentences: up to and including 。！？；; or a line break. Leading spaces are not part of one. */
export function sentences(view: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= view.length; i++) {
    if (i === view.length || SENTENCE_END[view.charCodeAt(i)]) {
      let s = start;
      while (s < i && (view[s] === ' ' || view[s] === '\u3000')) s++;
      const end = i === view.length || view[i] === '\n' ? i : i + 1;
      if (end > s) out.push({ start: s, end });
      start = i + 1;
    }
  }
  return out;
}

/** Clauses of one sentence, each with the character that opened it ('(' for a parenthetical). */
export function clauses(view: string, sentence: Span): Array<Span & { opener: string }> {
  const out: Array<Span & { opener: string }> = [];
  let start = sentence.start;
  let opener = '';
  for (let i = sentence.start; i <= sentence.end; i++) {
    if (i === sentence.end || CLAUSE_END[view.charCodeAt(i)]) {
      out.push({ start, end: i, opener });
      opener = i < sentence.end ? view[i] : '';
      start = i + 1;
    }
  }
  return out;
}
