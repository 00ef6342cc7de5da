import * as fsp from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { REVIEW_STATUSES, type DiffStats, type ReviewStatus } from '../../contract/api.js';
import { SEGMENT_STATES, type SegmentState } from '../../contract/document.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { fileQueue } from './keyed-queue.js';
import { REVIEW_VERSION } from './segment-migration.js';

/**
 * Calque's per-article state beside the user's files (DESIGN.md, "The project on disk"):
 * .calque/baselines/<article> — the machine translation as first opened, never rewritten;
 * .calque/reviews/<article>.json — status, editing time, ignored findings and the last known counts.
 */
const Review = z.object({
  /** Absent in files written before segments had ids (version 1); see segment-migration.ts. */
  version: z.number().int().optional(),
  status: z.enum(REVIEW_STATUSES as [ReviewStatus, ...ReviewStatus[]]).default('not-started'),
  updatedAt: z.string().optional(),
  stats: z
    .object({ inserted: z.number(), deleted: z.number(), replaced: z.number(), changed: z.number(), baselineWords: z.number(), words: z.number(), editRate: z.number() })
    .optional(),
  /** Active editing time per segment (LiveSegment.key: its first baseline sentence), milliseconds. */
  editingMs: z.record(z.string(), z.number().nonnegative()).default({}),
  /** Per document segment id: active editing time (the same time as editingMs, by segment) and, later, its state. */
  segments: z
    .record(z.string(), z.object({ editingMs: z.number().nonnegative().optional(), state: z.enum(SEGMENT_STATES as [SegmentState, ...SegmentState[]]).optional() }))
    .default({}),
  /** Findings the reviewer chose to ignore in this article ("ignore here"): the rule and the span's text. */
  ignores: z.array(z.object({ rule: z.string(), text: z.string() })).default([]),
  /** Findings by severity at the last check, for the article list. */
  problems: z.object({ minor: z.number(), major: z.number(), critical: z.number(), textHash: z.string() }).optional(),
});
export type ReviewRecord = z.infer<typeof Review>;

export class ReviewStore {

  constructor(private readonly root: string) {}

  baselinePath(id: string): string {
    return join(this.root, '.calque', 'baselines', id);
  }

  reviewPath(id: string): string {
    return join(this.root, '.calque', 'reviews', `${id}.json`);
  }

  /** Copy the translation's bytes as the baseline the first time; never rewrite an existing one. */
  async captureBaseline(id: string, bytes: Uint8Array): Promise<Uint8Array> {
    const path = this.baselinePath(id);
    try {
      return await fsp.readFile(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    await fsp.mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, bytes);
    return bytes;
  }

  async readBaseline(id: string): Promise<Uint8Array | null> {
    try {
      return await fsp.readFile(this.baselinePath(id));
    } catch {
      return null;
    }
  }

  /** The review record; a missing or damaged file reads as a fresh review (it is rewritten on the next change). */
  async readReview(id: string): Promise<ReviewRecord> {
    try {
      const parsed = Review.safeParse(JSON.parse(await fsp.readFile(this.reviewPath(id), 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      /* fall through */
    }
    return Review.parse({});
  }

  /**
   * Read, patch and write one article's review, one update at a time per article: a check storing its
   * counts and a save storing editing time at the same moment must both land.
   */
  async updateReview(id: string, patch: Partial<ReviewRecord> & { stats?: DiffStats } | ((r: ReviewRecord) => Partial<ReviewRecord>)): Promise<ReviewRecord> {
    return fileQueue.run(this.reviewPath(id), async () => {
      const current = await this.readReview(id);
      // A review written for the first time is of the current version (segment-migration.ts).
      const fresh = current.updatedAt === undefined ? { version: REVIEW_VERSION } : {};
      const next = { ...current, ...fresh, ...(typeof patch === 'function' ? patch(current) : patch), updatedAt: new Date().toISOString() };
      const path = this.reviewPath(id);
      await fsp.mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, Buffer.from(JSON.stringify(next, null, 2) + '\n', 'utf8'));
      return next;
    });
  }
}
