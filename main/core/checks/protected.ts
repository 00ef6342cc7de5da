/**
 * Protected ranges (Document.protectedRanges): code, URLs, markup and front matter are not text to
 * translate. The engine runs every check on the texts with those ranges blanked out (so a number in
 * a code block is not "missing" from the translation's prose, and the sentences around them split
 * as prose does), then drops any finding, or finding whose fix, reaches into a range. Offsets do not
 * move: blanking keeps each line's length and its line breaks.
 */
import type { Finding } from '../../contract/review.js';

export type Ranges = readonly (readonly [number, number])[];
export interface ProtectedRanges {
  source?: Ranges;
  target?: Ranges;
}

/** The text with every protected character but line breaks replaced by a space. */
export function maskProtected(text: string, ranges: Ranges | undefined): string {
  if (!ranges?.length) return text;
  let out = '';
  let pos = 0;
  for (const [s, e] of ranges) {
    const start = Math.max(pos, Math.min(s, text.length));
    const end = Math.max(start, Math.min(e, text.length));
    out += text.slice(pos, start) + text.slice(start, end).replace(/[^\n]/g, ' ');
    pos = end;
  }
  return out + text.slice(pos);
}

/** Whether [start, end) touches a range (an empty span: strictly inside one). Ranges sorted. */
export function touchesProtected(ranges: Ranges | undefined, start: number, end: number): boolean {
  if (!ranges?.length) return false;
  // The first range ending after `start`.
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]![1] <= start) lo = mid + 1;
    else hi = mid;
  }
  const r = ranges[lo];
  if (!r) return false;
  return start === end ? r[0] < start : r[0] < end;
}

/** The findings that neither sit in nor fix anything inside a protected range. */
export function outsideProtected(findings: Finding[], prot: ProtectedRanges | undefined): Finding[] {
  if (!prot?.source?.length && !prot?.target?.length) return findings;
  return findings.filter(
    (f) =>
      !touchesProtected(prot[f.side], f.start, f.end) &&
      // Fix edits are always in the translation.
      !f.fixes.some((x) => x.edits.some((e) => touchesProtected(prot.target, e.start, e.end))),
  );
}
