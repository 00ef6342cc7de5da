/**
 * The review state of each segment and the counts per state: the one place they are worked out, for the
 * review view (live, as the editor types), the article list, the report and the CLI alike.
 *
 * A reviewer's mark (confirmed, rejected, or explicitly back to not reviewed) is stored with a hash of
 * the text it was given to, and holds while the segment has that text: editing a confirmed segment
 * makes it "edited" again, as CAT tools turn a confirmed segment back into a draft. Without a mark that
 * holds, a segment whose text differs from the baseline is "edited", else its file's own state decides
 * (an XLIFF "final" or "reviewed" reads as confirmed), else "not reviewed".
 */
import type { ReviewStatus, SegmentCounts, SegmentMark, SegmentReviewState } from '../../contract/api.js';

/** FNV-1a (32 bits) of the NFC text, base 36: short, stable, the same on both sides of the boundary. */
export function segmentTextHash(text: string): string {
  const s = text.normalize('NFC');
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${s.length.toString(36)}.${h.toString(36)}`;
}

export interface SegmentFacts {
  /** The segment's current translation. */
  text: string;
  /** Its text in the baseline (the machine translation); undefined for a segment the baseline lacks. */
  baselineText: string | undefined;
  mark?: SegmentMark;
  /** The file's own state says the segment is confirmed (XLIFF "final"/"reviewed", Trados approved). */
  confirmedInFile?: boolean;
}

export function deriveSegmentState(f: SegmentFacts): SegmentReviewState {
  if (f.mark && f.mark.textHash === segmentTextHash(f.text)) return f.mark.state;
  if (f.baselineText === undefined ? f.text.length > 0 : f.text !== f.baselineText) return 'edited';
  return f.confirmedInFile ? 'confirmed' : 'not-reviewed';
}

export function emptySegmentCounts(): SegmentCounts {
  return { 'not-reviewed': 0, edited: 0, confirmed: 0, rejected: 0, locked: 0, total: 0 };
}

export function countSegmentStates(segments: Iterable<{ state: SegmentReviewState; locked: boolean }>): SegmentCounts {
  const counts = emptySegmentCounts();
  for (const s of segments) {
    counts[s.state]++;
    if (s.locked) counts.locked++;
    counts.total++;
  }
  return counts;
}

/**
 * The article's status as its segments say: every segment confirmed → done; any segment worked on →
 * in review; none → not started. (An article whose status was set by hand keeps it; the caller decides.)
 */
export function statusFromSegments(counts: SegmentCounts): ReviewStatus {
  if (counts.total > 0 && counts.confirmed === counts.total) return 'done';
  if (counts.confirmed + counts.rejected + counts.edited > 0) return 'in-review';
  return 'not-started';
}

/** Several articles' counts as one (a project's). */
export function addSegmentCounts(all: readonly SegmentCounts[]): SegmentCounts {
  const out = emptySegmentCounts();
  for (const c of all) for (const k of Object.keys(out) as (keyof SegmentCounts)[]) out[k] += c[k];
  return out;
}
