import type { Document, Side } from '../../contract/document.js';
import { segmentAt } from '../../contract/document.js';
import type { Annotation } from '../../contract/review.js';
import { splitParagraphs } from '../../common/paragraphs.js';
import { withBaselineSpans } from '../../common/annotations/baseline-span.js';
import type { AnnotationStore } from './annotation-store.js';
import { REVIEW_FORMAT_VERSION, type ReviewRecord, type ReviewStore } from './review-store.js';

/**
 * Reviews and annotations attach to document segment ids as well as to offsets (DESIGN.md, "The
 * document model"). Files written before that (review version 1, annotation lines without
 * `segment`) still read as they are; these functions add the ids, and the article is rewritten
 * once, when it is next opened. Nothing is dropped: a span or key that no segment holds keeps only
 * what it had.
 */

/** The segment an annotation starts in, on its side ('' texts of a monolingual side give none). */
export function segmentOfAnnotation(a: Annotation, docs: Partial<Record<Side, Document>>): string | undefined {
  const doc = docs[a.side];
  if (!doc || a.orphaned) return undefined;
  return segmentAt(doc, a.side, a.start)?.id;
}

/** Annotations with their segment ids filled in where missing; `changed` says whether any was. */
export function withAnnotationSegments(list: readonly Annotation[], docs: Partial<Record<Side, Document>>): { annotations: Annotation[]; changed: boolean } {
  let changed = false;
  const annotations = list.map((a) => {
    if (a.segment !== undefined) return a;
    const segment = segmentOfAnnotation(a, docs);
    if (segment === undefined) return a;
    changed = true;
    return { ...a, segment };
  });
  return { annotations, changed };
}

/**
 * The document segment an editing-time key belongs to. Keys name sentences of the baseline
 * (main/common/metrics/live.ts): "b<paragraph>.<sentence>", or "a<paragraph>.<sentence>+<n>" for a
 * sentence added after it; the segment is the one holding that baseline paragraph.
 */
export function segmentOfEditingKey(key: string, baseline: Document): string | undefined {
  const m = /^[ab](\d+)\./.exec(key);
  if (!m) return undefined;
  const para = splitParagraphs(baseline.text.target)[Number(m[1])];
  return para ? segmentAt(baseline, 'target', para.start)?.id : undefined;
}

/** Editing time per segment id, summed from editing time per key. */
export function editingBySegment(editingMs: Record<string, number>, baseline: Document): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, ms] of Object.entries(editingMs)) {
    const seg = segmentOfEditingKey(key, baseline);
    if (seg !== undefined) out[seg] = (out[seg] ?? 0) + ms;
  }
  return out;
}

/**
 * An older review upgraded; null when it is already current. Version 1: its editing time also by
 * segment id. Versions 1–2: a status of "done" could only have been set by hand, so it stays as it is
 * rather than starting to follow segments nobody has confirmed yet. Versions 1–3: plain text and
 * Markdown marks and locks were kept under the paragraph's position in the file (`positional`, the
 * file as read alone); they move to its stable id (`target`, paragraph-ids.ts). Editing time was
 * always by baseline paragraph, which is what the stable ids are, so it stays where it is.
 */
export function upgradeReview(review: ReviewRecord, baseline: Document, ids?: { positional: Document; target: Document }): Partial<ReviewRecord> | null {
  const version = review.formatVersion ?? 1;
  if (version >= REVIEW_FORMAT_VERSION) return null;
  let segments = { ...review.segments };
  if (version < 4 && ids) segments = withStableKeys(segments, ids.positional, ids.target);
  if (version < 2) for (const [id, ms] of Object.entries(editingBySegment(review.editingMs, baseline))) segments[id] = { ...segments[id], editingMs: ms };
  const byHand = review.statusByHand ?? (review.status === 'done' ? true : undefined);
  return { formatVersion: REVIEW_FORMAT_VERSION, segments, ...(byHand !== undefined ? { statusByHand: byHand } : {}) };
}

/** Marks and locks moved from each paragraph's positional id to its stable id (same unit order in both documents). */
function withStableKeys(segments: ReviewRecord['segments'], positional: Document, target: Document): ReviewRecord['segments'] {
  const stable = new Map(positional.units.map((u, k) => [u.id, target.units[k]?.id ?? u.id]));
  if ([...stable].every(([from, to]) => from === to)) return segments;
  const out: ReviewRecord['segments'] = {};
  const own = (id: string) => (Object.prototype.hasOwnProperty.call(out, id) ? out[id] : undefined);
  for (const [id, { mark, locked, state, ...time }] of Object.entries(segments)) {
    if (Object.keys(time).length) out[id] = { ...own(id), ...time };
    if (mark === undefined && locked === undefined && state === undefined) continue;
    const to = stable.get(id) ?? id;
    out[to] = { ...own(to), ...(mark !== undefined ? { mark } : {}), ...(locked !== undefined ? { locked } : {}), ...(state !== undefined ? { state } : {}) };
  }
  return out;
}

export interface ArticleDocuments {
  source: Document;
  target: Document;
  baseline: Document;
  /** For the word diff that gives old target annotations their baseline span. */
  targetLang?: string;
  /** The translation as read alone (positional paragraph ids), when `target` has stable ones. */
  positional?: Document;
}

/**
 * Bring an article's review and annotations files up to the current version (once: an upgraded
 * file is left alone). Runs when the article is opened, with the documents just read.
 */
export async function migrateArticleState(
  id: string,
  stores: { reviews: Pick<ReviewStore, 'read' | 'update'>; annotations: Pick<AnnotationStore, 'read' | 'update'> },
  docs: ArticleDocuments,
): Promise<void> {
  const review = await stores.reviews.read(id);
  // A review never written has nothing to upgrade; it is written as the current version.
  const ids = docs.positional ? { positional: docs.positional, target: docs.target } : undefined;
  if (review.updatedAt && upgradeReview(review, docs.baseline, ids)) {
    await stores.reviews.update(id, (r) => upgradeReview(r, docs.baseline, ids) ?? {});
  }
  const { annotations } = await stores.annotations.read(id);
  const upgrade = (list: readonly Annotation[]) => {
    const seg = withAnnotationSegments(list, docs);
    const mt = withBaselineSpans(seg.annotations, docs.baseline.text.target, docs.target.text.target, docs.targetLang ?? 'und');
    return { annotations: mt.annotations, changed: seg.changed || mt.changed };
  };
  if (upgrade(annotations).changed) {
    await stores.annotations.update(id, (list) => upgrade(list).annotations);
  }
}
