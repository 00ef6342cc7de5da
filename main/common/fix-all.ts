import type { Finding, TextEdit } from '../contract/review.js';

/**
 * The edits of "fix all": the first fix of every finding that has one, as one list for one edit
 * operation (one undo step). A fix whose edits overlap one already taken is left out (two fixes of the
 * same words cannot both apply; in position order, the narrower first); the caller checks again and what is left shows up.
 */
export function fixAllEdits(findings: readonly Finding[]): { edits: TextEdit[]; applied: number } {
  const taken: TextEdit[] = [];
  let applied = 0;
  const candidates = findings.filter((f) => f.side === 'target' && f.fixes.length).sort((a, b) => a.start - b.start || a.end - b.end);
  for (const f of candidates) {
    const edits = f.fixes[0]!.edits;
    if (edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...edits);
    applied++;
  }
  return { edits: taken.sort((a, b) => a.start - b.start || a.end - b.end), applied };
}

/** Two edits collide when their ranges share a character, or both insert at the same point. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  const inside = (p: number, r: TextEdit) => r.start < p && p < r.end;
  if (a.start === a.end) return (b.start === b.end && a.start === b.start) || inside(a.start, b);
  return b.start === b.end && inside(b.start, a);
}

/** The text with non-overlapping edits applied (offsets of `text`). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
