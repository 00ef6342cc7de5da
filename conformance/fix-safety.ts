/**
 * "No fix may create a finding": apply a fix, re-check, and list the findings that are new where the fix
 * wrote (or, on the source side, anywhere: only the fix changed). Used by the realmt conformance part on
 * real MT and by tests/core/fix-safety.test.ts on the own corpora.
 */
import type { Finding, Fix } from '../main/contract/review.js';

export interface FixedText {
  text: string;
  /** Where the fix's text is in the new text. */
  start: number;
  end: number;
  /** Old offset → new offset, for findings outside the edits. */
  map: (offset: number) => number;
}

export function applyFix(text: string, fix: Fix): FixedText {
  const edits = [...fix.edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  let start = -1;
  let end = 0;
  for (const e of edits) {
    out += text.slice(at, e.start);
    if (start < 0) start = out.length;
    out += e.text;
    end = out.length;
    at = e.end;
  }
  out += text.slice(at);
  const map = (offset: number) => {
    let delta = 0;
    for (const e of edits) if (e.end <= offset) delta += e.text.length - (e.end - e.start);
    return offset + delta;
  };
  return { text: out, start: Math.max(0, start), end, map };
}

/**
 * Findings of `after` on the fixed span (touching it counts) or on the source side that `before` did not
 * have. A finding of the same rule and side that was already there, where the fix wrote or touching it
 * (its text may have changed with the fix: ".Ofirst" → ".First"), is not new.
 */
export function newFindingsOnFix(before: Finding[], after: Finding[], fixed: FixedText): Finding[] {
  return after.filter((g) => {
    if (g.side === 'source') return !before.some((f) => f.rule === g.rule && f.side === 'source' && f.start === g.start && f.text === g.text);
    if (!(g.start <= fixed.end && fixed.start <= g.end)) return false;
    return !before.some((f) => f.rule === g.rule && f.side === 'target' && fixed.map(f.start) <= g.end && g.start <= fixed.map(f.end));
  });
}
