/** Messages between the check service and its worker threads (worker-pool.ts, entry.ts). */
import type { DocumentAlignment, Finding } from '../../../contract/review.js';
import type { SegmentGroups } from '../../../contract/document.js';
import type { ProtectedRanges } from '../protected.js';
import type { CheckSettings, Ignore, ProjectCheckData } from '../types.js';

export interface CheckJob {
  job: number;
  /**
   * 'session': the editor's incremental check of one article; 'full': every finding complete (counts,
   * CLI); 'pairs': the article's 1–1 aligned sentences for the consistency context.
   */
  mode: 'session' | 'full' | 'pairs';
  articleId: string;
  sourceLang: string;
  targetLang: string;
  settings: CheckSettings;
  ignores: Ignore[];
  /** Names the project data; the data itself is sent only when the worker does not have it yet. */
  projectId: string;
  project?: ProjectCheckData;
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
}

/** `ready` is sent once, when the worker has compiled the rule packs. */
export type CheckReply =
  | { ready: true; job?: undefined }
  | { job: number; ok: true; findings: Finding[]; alignment: DocumentAlignment; pending: boolean; pairs?: [string, string][] }
  | { job: number; ok: false; message: string };
