import { CalqueError, type ArticleSegment, type ReviewStatus, type SegmentCounts, type SegmentMarkState, type SegmentUpdate } from '../../contract/api.js';
import type { Document, Segment, SegmentState } from '../../contract/document.js';
import { countSegmentStates, deriveSegmentState, segmentTextHash, statusFromSegments } from '../../common/segments/states.js';
import type { ReviewRecord, ReviewSegmentEntry, ReviewStore } from './review-store.js';

/**
 * Per-segment review state (issue 11): the article's segments with their marks and locks as stored in
 * the review, the file's own states read as confirmed, and the status that follows the segments unless
 * it was set by hand. The review store stays the only writer of the review file; this decides what goes in.
 */

/** The file states that read as confirmed (XLIFF 2 "final" and "reviewed"; dialects map onto these). */
const CONFIRMED_IN_FILE: ReadonlySet<SegmentState> = new Set(['final', 'reviewed']);

export interface SegmentDocs {
  source: Document;
  target: Document;
  baseline: Document;
}

function sidesById(doc: Document, side: 'source' | 'target'): Map<string, Segment> {
  const out = new Map<string, Segment>();
  for (const unit of doc.units) for (const seg of unit.segments) if (seg[side]) out.set(seg.id, seg);
  return out;
}

const range = (seg: Segment | undefined, side: 'source' | 'target'): [number, number] | undefined => {
  const s = seg?.[side];
  return s ? [s.start, s.end] : undefined;
};

/** Own keys only: a segment id like "constructor" is a segment, not a prototype member. */
function entryOf(review: ReviewRecord, id: string): ReviewSegmentEntry | undefined {
  return Object.prototype.hasOwnProperty.call(review.segments, id) ? review.segments[id] : undefined;
}

/**
 * The article's segments in order: the translation's, then source segments it has no partner for.
 * `textOf` may give the editor's text of a segment in place of the file's (a mark set on unsaved text).
 */
export function articleSegments(docs: SegmentDocs, review: ReviewRecord, textOf?: (id: string) => string | undefined): ArticleSegment[] {
  const targets = sidesById(docs.target, 'target');
  const sources = sidesById(docs.source, 'source');
  const baselines = sidesById(docs.baseline, 'target');
  const ids = [...targets.keys(), ...[...sources.keys()].filter((id) => !targets.has(id))];
  return ids.map((id) => {
    const seg = targets.get(id);
    const base = baselines.get(id);
    const entry = entryOf(review, id);
    const t = range(seg, 'target');
    const b = range(base, 'target');
    const text = textOf?.(id) ?? (t ? docs.target.text.target.slice(t[0], t[1]) : '');
    const confirmedInFile = !!seg?.state && CONFIRMED_IN_FILE.has(seg.state);
    const state = deriveSegmentState({ text, baselineText: b ? docs.baseline.text.target.slice(b[0], b[1]) : undefined, ...(entry?.mark ? { mark: entry.mark } : {}), confirmedInFile });
    const s = range(sources.get(id), 'source');
    return {
      id,
      ...(s ? { source: s } : {}),
      ...(t ? { target: t } : {}),
      ...(b ? { baseline: b } : {}),
      state,
      locked: entry?.locked ?? seg?.locked ?? false,
      ...(entry?.mark ? { mark: entry.mark } : {}),
      ...(confirmedInFile ? { confirmedInFile } : {}),
    };
  });
}

export function segmentCounts(segments: readonly ArticleSegment[]): SegmentCounts {
  return countSegmentStates(segments);
}

/** The status a review should have now: as set by hand, else as its segments say. */
export function followedStatus(review: ReviewRecord, counts: SegmentCounts): ReviewStatus {
  return review.statusByHand ? review.status : statusFromSegments(counts);
}

/**
 * Locked segments whose text the new document changes: a save that does so is refused. Returns the
 * 1-based number of the first such segment, or 0.
 */
export function lockedSegmentChanged(before: ArticleSegment[], current: Document, next: Document): number {
  const nextTargets = sidesById(next, 'target');
  for (const [i, seg] of before.entries()) {
    if (!seg.locked || !seg.target) continue;
    const was = current.text.target.slice(seg.target[0], seg.target[1]);
    const n = nextTargets.get(seg.id)?.target;
    if (!n || next.text.target.slice(n.start, n.end) !== was) return i + 1;
  }
  return 0;
}

export interface SegmentStateRequest {
  id: string;
  segments: { id: string; text: string }[];
  state?: SegmentMarkState;
  locked?: boolean;
}

/**
 * Set marks and locks in the review, under its lock, and the status that follows (unless set by hand).
 * `docs` are the article's documents as read now; unknown segment ids and a mark on a locked segment
 * (that is not unlocked in the same request) are refused before anything is written.
 */
export async function setSegmentStates(reviews: Pick<ReviewStore, 'update'>, docs: SegmentDocs, req: SegmentStateRequest): Promise<SegmentUpdate> {
  const known = new Set([...sidesById(docs.target, 'target').keys(), ...sidesById(docs.source, 'source').keys()]);
  const editorText = new Map(req.segments.map((s) => [s.id, s.text.normalize('NFC')]));
  let result: SegmentUpdate | undefined;
  await reviews.update(req.id, (r) => {
    const current = articleSegments(docs, r);
    const byId = new Map(current.map((s, i) => [s.id, { seg: s, number: i + 1 }]));
    for (const { id } of req.segments) {
      const found = byId.get(id);
      if (!known.has(id) || !found) throw new CalqueError('unknownSegment', { segment: id });
      if (req.state !== undefined && found.seg.locked && req.locked !== false) throw new CalqueError('segmentLocked', { segment: found.number });
    }
    const segments: ReviewRecord['segments'] = { ...r.segments };
    const changed: SegmentUpdate['segments'] = [];
    for (const { id } of req.segments) {
      const prev = entryOf(r, id) ?? {};
      const entry: ReviewSegmentEntry = { ...prev };
      if (req.state !== undefined) entry.mark = { state: req.state, textHash: segmentTextHash(editorText.get(id)!) };
      if (req.locked !== undefined) entry.locked = req.locked;
      segments[id] = entry;
      changed.push({ id, mark: entry.mark ?? null, locked: entry.locked ?? byId.get(id)!.seg.locked });
    }
    const next = { ...r, segments };
    const counts = segmentCounts(articleSegments(docs, next, (id) => editorText.get(id)));
    const status = followedStatus(next, counts);
    result = { segments: changed, status, statusByHand: !!r.statusByHand };
    return { segments, status };
  });
  return result!;
}

/**
 * The file's own state for each segment as the review now says (for a format that carries states,
 * written back through its writer on export): a confirmed segment is "reviewed" (a "final" one stays
 * final); a segment taken back to not reviewed, or edited since the file's confirmation, is
 * "translated". Segments whose state the review leaves as the file had it are not listed.
 */
export function fileStatesFromReview(doc: Document, segments: readonly ArticleSegment[]): Record<string, SegmentState> {
  const byId = new Map(segments.map((s) => [s.id, s]));
  const out: Record<string, SegmentState> = {};
  for (const unit of doc.units) {
    for (const seg of unit.segments) {
      const r = byId.get(seg.id);
      if (!r || !seg.target) continue;
      const inFile = seg.state;
      if (r.state === 'confirmed') {
        if (inFile !== 'final' && inFile !== 'reviewed') out[seg.id] = 'reviewed';
      } else if (inFile && CONFIRMED_IN_FILE.has(inFile)) out[seg.id] = 'translated';
    }
  }
  return out;
}
