import * as fsp from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { CalqueError, REVIEW_STATUSES, SEGMENT_MARK_STATES, type DiffStats, type ReviewStatus, type SegmentMarkState } from '../../contract/api.js';
import { SEGMENT_STATES, type SegmentState } from '../../contract/document.js';
import { writeFileAtomic } from '../platform/atomic-write.js';
import { ensureCalqueFolder, tempDirOf } from '../platform/calque-folder.js';
import type { FileLocks } from '../platform/file-lock.js';
import { hasMergeConflict } from '../platform/merge-markers.js';
import { assertNoSymlinks } from '../platform/safe-path.js';
import { backupPath, stateFilePath } from './state-paths.js';

/**
 * `.calque/reviews/<article>.json`: status, editing time, ignored findings, the last known counts and
 * which file the baseline was taken from. Its only owner. A file that cannot be read (a git merge in
 * progress, a newer Calque's format, damage) is reported and left exactly as it is: no change is
 * written over it until the user asks for a new review, which keeps a backup.
 */
/**
 * 2: editing time also by document segment id. 3: per-segment review marks and locks, and whether the
 * status was set by hand (segment-migration.ts upgrades older files; a newer Calque's file is refused,
 * so an older one never drops what it does not know).
 */
export const REVIEW_FORMAT_VERSION = 4;

const SegmentEntry = z
  .object({
    editingMs: z.number().nonnegative().optional(),
    /** The file format's state as last seen (XLIFF's; kept as version 2 wrote it). */
    state: z.enum(SEGMENT_STATES as [SegmentState, ...SegmentState[]]).optional(),
    /** The reviewer's mark and the hash of the text it was given to (main/common/segments/states.ts). */
    mark: z.object({ state: z.enum(SEGMENT_MARK_STATES as [SegmentMarkState, ...SegmentMarkState[]]), textHash: z.string().max(64) }).strict().optional(),
    /** Locked or unlocked by the reviewer (absent: as the file says). */
    locked: z.boolean().optional(),
  })
  .passthrough();
export type ReviewSegmentEntry = z.infer<typeof SegmentEntry>;

const Review = z.object({
  formatVersion: z.number().int().optional(),
  status: z.enum(REVIEW_STATUSES as [ReviewStatus, ...ReviewStatus[]]).default('not-started'),
  updatedAt: z.string().optional(),
  stats: z
    .object({ inserted: z.number(), deleted: z.number(), replaced: z.number(), changed: z.number(), baselineWords: z.number(), words: z.number(), editRate: z.number() })
    .optional(),
  /** Active editing time per segment (LiveSegment.key: its first baseline sentence), milliseconds. */
  editingMs: z.record(z.string(), z.number().nonnegative()).default({}),
  /** Per document segment id: active editing time (the same time as editingMs, by segment), mark and lock. */
  segments: z.record(z.string(), SegmentEntry).default({}),
  /** The status was set by hand: it no longer follows the segments. */
  statusByHand: z.boolean().optional(),
  /** Findings the reviewer chose to ignore in this article ("ignore here"): the rule and the span's text. */
  ignores: z.array(z.object({ rule: z.string(), text: z.string() })).default([]),
  /** Findings by severity at the last check, for the article list. */
  problems: z.object({ minor: z.number(), major: z.number(), critical: z.number(), textHash: z.string() }).optional(),
  /** The translation file and language the baseline was captured from (a later direction change makes it stale). */
  baselineOf: z.object({ path: z.string(), lang: z.string() }).optional(),
}).passthrough();
export type ReviewRecord = z.infer<typeof Review>;

export interface ReviewState {
  record: ReviewRecord;
  /** Why the file on disk cannot be used; `record` is then a fresh review that is never written. */
  problem?: CalqueError;
}

export type ReviewPatch = Partial<ReviewRecord> & { stats?: DiffStats };

export class ReviewStore {
  constructor(
    private readonly root: string,
    private readonly locks: FileLocks,
  ) {}

  reviewPath(id: string): string {
    return stateFilePath(this.root, 'reviews', id, '.json');
  }

  /** The review and, when the file cannot be used, why. A missing file is a fresh review. */
  async inspect(id: string): Promise<ReviewState> {
    const path = this.reviewPath(id);
    const shown = `.calque/reviews/${id}.json`;
    await assertNoSymlinks(this.root, path);
    let raw: string;
    try {
      raw = await fsp.readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { record: fresh() };
      return { record: fresh(), problem: new CalqueError('reviewUnreadable', { path: shown, reason: (err as NodeJS.ErrnoException).code ?? 'unreadable' }) };
    }
    if (hasMergeConflict(raw)) return { record: fresh(), problem: new CalqueError('reviewMergeConflict', { path: shown }) };
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (err) {
      return { record: fresh(), problem: new CalqueError('reviewUnreadable', { path: shown, reason: (err as Error).message }) };
    }
    const version = (data as { formatVersion?: unknown } | null)?.formatVersion;
    if (typeof version === 'number' && version > REVIEW_FORMAT_VERSION) {
      return { record: fresh(), problem: new CalqueError('reviewNewerVersion', { path: shown, version }) };
    }
    const parsed = Review.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { record: fresh(), problem: new CalqueError('reviewUnreadable', { path: shown, reason: `${issue.path.join('.') || '(root)'}: ${issue.message}` }) };
    }
    return { record: parsed.data };
  }

  /** The review as far as it can be read (a fresh one when the file cannot be used). */
  async read(id: string): Promise<ReviewRecord> {
    return (await this.inspect(id)).record;
  }

  /**
   * Read, patch and write one article's review under its lock (across processes): a check storing its
   * counts, a save and editing time recorded by another process at the same moment all land.
   * Throws the file's problem, unchanged on disk, when it cannot be read.
   */
  async update(id: string, patch: ReviewPatch | ((r: ReviewRecord) => ReviewPatch)): Promise<ReviewRecord> {
    const path = this.reviewPath(id);
    return this.locks.run(path, async () => {
      const { record, problem } = await this.inspect(id);
      if (problem) throw problem;
      // A review written for the first time is of the current version; an older one keeps its version
      // until segment-migration.ts upgrades it (its patch sets formatVersion).
      const formatVersion = record.updatedAt === undefined ? REVIEW_FORMAT_VERSION : (record.formatVersion ?? 1);
      const next = { ...record, formatVersion, ...(typeof patch === 'function' ? patch(record) : patch), updatedAt: new Date().toISOString() };
      await this.write(path, next);
      return next;
    });
  }

  /** The user chose a new review over a file that cannot be read: the old file is kept as a backup. */
  async replaceUnreadable(id: string): Promise<{ backup?: string }> {
    const path = this.reviewPath(id);
    return this.locks.run(path, async () => {
      const { problem } = await this.inspect(id);
      if (!problem) return {};
      const backup = backupPath(this.root, 'reviews', id, '.json');
      await fsp.mkdir(dirname(backup), { recursive: true });
      await fsp.copyFile(path, backup, fsp.constants.COPYFILE_EXCL);
      await this.write(path, { ...fresh(), formatVersion: REVIEW_FORMAT_VERSION, updatedAt: new Date().toISOString() });
      return { backup };
    });
  }

  private async write(path: string, record: ReviewRecord): Promise<void> {
    await ensureCalqueFolder(this.root);
    await assertNoSymlinks(this.root, path);
    await fsp.mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, Buffer.from(JSON.stringify(record, null, 2) + '\n', 'utf8'), { tempDir: tempDirOf(this.root) });
  }
}

function fresh(): ReviewRecord {
  return Review.parse({});
}

/** Add editing time per segment; own keys only, so a key like "constructor" is a segment, not a prototype. */
export function addEditingTime(current: Record<string, number>, add: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [k, v] of Object.entries(current)) out[k] = v;
  for (const [k, ms] of Object.entries(add)) {
    if (!Number.isFinite(ms) || ms < 0) continue;
    out[k] = (Object.prototype.hasOwnProperty.call(out, k) ? out[k]! : 0) + ms;
  }
  return { ...out };
}
