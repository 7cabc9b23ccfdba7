/**
 * Target versus actual. A figure takes the cue of its own clause; failing that, a parenthetical
 * that follows a figure takes that figure's role (指标1200亩(农用地960亩)); failing that, the
 * nearest clause of the sentence with a cue, before it first, then after it; failing that, the
 * heading it sits under; and a report's figures are actual unless something says otherwise.
 * General statements and conditions (据专家测算…, …的。) are unknown.
 */
import type { Role } from './types';
import type { RawFigure } from './scan';
import { clueOf, isGeneralStatement, type Cue, type Strength } from './cues';
import { clauses, type Span } from './segment';

export function assignRoles(view: string, sentence: Span, figs: RawFigure[], roles: Role[], firstIndex: number, heading: Cue | undefined): void {
  if (isGeneralStatement(view, sentence.start, sentence.end)) {
    for (let k = 0; k < figs.length; k++) roles[firstIndex + k] = 'unknown';
    return;
  }
  const cl = clauses(view, sentence);
  const clues = cl.map((c) => clueOf(view, c.start, c.end));
  // A clause's role from its own clue, weighed against the sentence around it: a plain 完成 after
  // a plan's modal verb (今年的主要任务是力争…，完成…30项) is still to be done; a plan noun right
  // after a past clause (实现了历史性突破，在…目标任务考核中) names a thing, not a plan.
  // Under a plan heading (二、20xx年工作目标) a plain 完成 is still to be done too. (A plan verb
  // later in the sentence is not enough: reports end achievements with a purpose clause, 确保….)
  const cues: Array<Cue | undefined> = new Array(cl.length);
  let modalBefore = false;
  let lastClue: Strength | undefined;
  for (let k = 0; k < cl.length; k++) {
    const c = clues[k];
    if (c === 'modal') cues[k] = 'target';
    else if (c === 'past') cues[k] = 'actual';
    else if (c === 'plain') cues[k] = modalBefore || heading === 'target' ? 'target' : 'actual';
    else if (c === 'noun') cues[k] = lastClue === 'past' ? 'actual' : 'target';
    if (c === 'modal') modalBefore = true;
    if (c) lastClue = c;
  }
  // Nearest cue before and after each clause, in two passes (linear in the number of clauses).
  const prev: Array<Cue | undefined> = new Array(cl.length);
  const next: Array<Cue | undefined> = new Array(cl.length);
  let last: Cue | undefined;
  for (let k = 0; k < cl.length; k++) { prev[k] = last; if (cues[k]) last = cues[k]; }
  last = undefined;
  for (let k = cl.length - 1; k >= 0; k--) { next[k] = last; if (cues[k]) last = cues[k]; }

  let c = 0;
  for (let k = 0; k < figs.length; k++) {
    const f = figs[k];
    while (c < cl.length - 1 && cl[c].end <= f.start) c++;
    let role: Role | undefined = cues[c];
    if (!role && cl[c].opener === '(') {
      const attachedTo = k > 0 && figs[k - 1].after >= cl[c].start - 1 ? roles[firstIndex + k - 1] : undefined;
      role = attachedTo ?? 'actual';
    }
    roles[firstIndex + k] = role ?? prev[c] ?? next[c] ?? heading ?? 'actual';
  }
}
