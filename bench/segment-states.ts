import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitParagraphs } from '../main/common/paragraphs.js';
import { segmentTextHash } from '../main/common/segments/states.js';
import { REVIEW_FORMAT_VERSION } from '../main/core/article/review-store.js';

/**
 * The browser bench's article with every segment's state set (issue 11: "npm run bench unchanged or
 * better for a 200,000-word article with every segment state set"): segments in turn confirmed,
 * rejected, marked not reviewed and left without a mark (edited or not by the text), every fifth one
 * locked but the last (the bench types there). Written as the review file of a plain-text article (segment ids p1, p2… by paragraph).
 * CALQUE_BENCH_NO_SEGMENT_STATES=1 leaves it out, to compare.
 */
export function writeEverySegmentState(root: string, article: string, target: string): number {
  if (process.env.CALQUE_BENCH_NO_SEGMENT_STATES === '1') return 0;
  const marks = ['confirmed', 'rejected', 'not-reviewed', null] as const;
  const segments: Record<string, { mark?: { state: string; textHash: string }; locked?: boolean }> = {};
  const paras = splitParagraphs(target);
  for (const p of paras) {
    const state = marks[p.index % marks.length];
    segments[`p${p.index + 1}`] = { ...(state ? { mark: { state, textHash: segmentTextHash(p.text) } } : {}), ...(p.index % 5 === 4 && p.index !== paras.length - 1 ? { locked: true } : {}) };
  }
  mkdirSync(join(root, '.calque', 'reviews'), { recursive: true });
  const review = { formatVersion: REVIEW_FORMAT_VERSION, status: 'in-review', updatedAt: new Date().toISOString(), editingMs: {}, segments, ignores: [] };
  writeFileSync(join(root, '.calque', 'reviews', `${article}.json`), JSON.stringify(review, null, 2) + '\n');
  return paras.length;
}
