/** Messages between the check service and its worker threads (worker-pool.ts, entry.ts). */
import type { DocumentAlignment, Finding } from '../../../contract/review.js';
import type { ArticleFigures } from '../../../common/metrics/article.js';
import type { SegmentGroups } from '../../../contract/document.js';
import type { ProtectedRanges } from '../protected.js';
import type { CheckSettings, CheckTags, Ignore } from '../types.js';
import type { PackedPairs } from '../consistency-context.js';
import type { PackedGlossary, SharedProjectData } from '../shared-project.js';
import type { DiffStats, ErrorInfo, ProblemCounts } from '../../../contract/api.js';
import type { DiffTags } from '../../../common/word-diff.js';

export interface CheckJob {
  job: number;
  /**
   * 'session': the editor's incremental check of one article; 'full': every finding complete (counts,
   * CLI); 'counts': the same complete check, answered with its problem counts only (the article list's
   * background counts: a book's 22,000 findings need not cross to the host to be counted); 'pairs': the article's 1–1 aligned sentences for the consistency context; 'figures': the
   * article's HTER and chrF, `source` being the baseline and `target` the translation; 'glossary': the
   * glossary file at path `source` read and parsed (a 16 MB TBX takes seconds), `target` naming it in errors,
   * its entries answered packed (the host passes them on to the checks without reading them);
   * 'stats': the word-diff stats of `target` against the baseline `source` (with `diffTags`).
   */
  mode: 'session' | 'full' | 'counts' | 'pairs' | 'figures' | 'glossary' | 'stats';
  articleId: string;
  sourceLang: string;
  targetLang: string;
  settings: CheckSettings;
  ignores: Ignore[];
  /** Names the project data; the data itself is sent only when the worker does not have it yet. */
  projectId: string;
  project?: SharedProjectData;
  /** Segment results depend on it: a session built under another key is rebuilt. */
  sessionKey: string;
  source: string;
  target: string;
  /** Which segments of the two files correspond (subtitle cues by timing). */
  segmentGroups?: SegmentGroups;
  /** Subtitle articles: each translation cue's time on screen. */
  cueTimings?: { startMs: number; endMs: number }[];
  /** What is not text to translate in each text (Document.protectedRanges). */
  protected?: ProtectedRanges;
  /** The texts' inline tags (CheckInput.tags). */
  tags?: CheckTags;
  /** 'stats': the inline tags of the baseline and the translation. */
  diffTags?: DiffTags;
}

/** `ready` is sent once, when the worker has compiled the rule packs. */
export type CheckReply =
  | { ready: true; job?: undefined }
  | { job: number; ok: true; findings: Finding[]; alignment: DocumentAlignment; pending: boolean; pairs?: PackedPairs; figures?: ArticleFigures; glossary?: PackedGlossary; stats?: DiffStats; counts?: ProblemCounts }
  /** `error`: a CalqueError's code and params (a glossary over a limit), to be raised as such. */
  | { job: number; ok: false; message: string; error?: ErrorInfo };

/** Project data a worker keeps; both sides apply `projectsKept`, so they agree on what it has. */
export const MAX_PROJECTS = 8;

/**
 * The ids a worker keeps once `added` arrives, oldest first: a project with the same settings and
 * languages but an older consistency context is stale (a save replaced it) and dropped at once (its
 * merged context is the biggest thing a worker holds), and at most MAX_PROJECTS are kept.
 */
export function projectsKept(ids: readonly string[], added: string): string[] {
  const prefix = added.slice(0, added.lastIndexOf('\u0000') + 1);
  const kept = ids.filter((id) => id !== added && !(prefix && id.startsWith(prefix) && id.lastIndexOf('\u0000') + 1 === prefix.length));
  kept.push(added);
  return kept.slice(-MAX_PROJECTS);
}
