/**
 * The data of a review report, independent of its format (HTML, CSV, JSON). Plain values only: the
 * numbers arrive computed (MQM penalties by the scoring module, HTER/chrF by the metrics module), so
 * no weights or formulas live here; collect.ts only sums and groups them.
 */
import type { ReviewStatus, SegmentCounts, SegmentReviewState, TagAccuracy } from '../../contract/api.js';
import type { Annotation, FindingSeverity, Message, MqmSeverity, TerBreakdown } from '../../contract/review.js';

/** Bumped when a field changes meaning or disappears (adding a field keeps the version). */
export const REPORT_FORMAT_VERSION = 1;

export interface SeverityTally {
  count: number;
  /** Penalty points of these annotations, as the scoring profile weighs them. */
  penalty: number;
}

/** Category (the English MQM string, e.g. "Accuracy/Mistranslation") → severity → tally. */
export type MqmBreakdown = Record<string, Record<MqmSeverity, SeverityTally>>;

export interface MqmSummary {
  /** Total penalty points. */
  penalty: number;
  /** The score as the scoring module defines it (e.g. penalty per `perWords` words, or 100 minus that). */
  score: number;
  /** The normalisation unit of `score`, when it is normalised by length. */
  perWords?: number;
  /** Set when the scoring profile has a pass threshold. */
  threshold?: number;
  passed?: boolean;
  byCategory: MqmBreakdown;
}

export interface AnnotationCounts {
  total: number;
  /** Annotations whose quote could not be placed after the text changed (counted in `total`). */
  orphaned: number;
  bySeverity: Record<MqmSeverity, number>;
}

export interface SegmentReport {
  /** Index of the alignment link (or paragraph), as in SegmentMetrics.segment. */
  index: number;
  source: string;
  /** The machine translation of the segment. */
  before: string;
  /** The post-edited translation of the segment. */
  after: string;
  hter: TerBreakdown;
  /** chrF2, 0..100. */
  chrf: number;
  editingMs: number;
  /** Ids of the placed annotations that overlap this segment (into ArticleReport.annotations). */
  annotationIds: string[];
}

export interface HistogramBin {
  /** [from, to): the last bin also holds `to` (an HTER of exactly 1). */
  from: number;
  to: number;
  count: number;
}

export interface ArticleTotals {
  /** Words of the final translation. */
  words: number;
  /** Words of the machine translation. */
  baselineWords: number;
  /** Words inserted, deleted or replaced against the machine translation. */
  wordsChanged: number;
  /** Document HTER: all segments' edits over all reference words, capped at 1. */
  hter: number;
  chrf: number;
  /** Inline tags kept right (main/common/metrics/tag-accuracy.ts); absent when the text has no tags. */
  tagAccuracy?: TagAccuracy;
  editingMs: number;
  annotations: AnnotationCounts;
}

/** The review state of each document segment (issue 11), as the review view and the list count them. */
export interface SegmentStatesReport {
  counts: SegmentCounts;
  /** In document order; `number` is the segment's number in the editor's gutter. */
  segments: { number: number; id: string; state: SegmentReviewState; locked: boolean; text: string }[];
}

/** A QA finding of the article's final text with the reviewer's decision, as Xbench's QA report lists them. */
export interface QaFindingReport {
  rule: string;
  category: string;
  severity: FindingSeverity;
  side: 'source' | 'target';
  /** Segment (paragraph) number on the finding's side, 1-based, as in the gutter. */
  segment: number;
  /** The flagged text. */
  text: string;
  /** The aligned sentences of the segment pair the finding is in. */
  source: string;
  target: string;
  /** Localized when rendered (i18next key and parameters). */
  message: Message;
  /** "Ignore here" or "ignore everywhere" covers it: listed, marked, outside the problem counts. */
  ignored: boolean;
}

export interface ArticleReport {
  id: string;
  sourceLang: string;
  targetLang: string;
  status: ReviewStatus;
  /** Full texts: NFC, "\n" line endings; annotation offsets refer to `source` or `final` by their side. */
  source: string;
  baseline: string;
  final: string;
  segments: SegmentReport[];
  /** Placed annotations, target side first, then by position. */
  annotations: Annotation[];
  /** Annotations that could not be placed: listed apart, never dropped. */
  orphaned: Annotation[];
  mqm: MqmSummary;
  totals: ArticleTotals;
  hterHistogram: HistogramBin[];
  segmentStates?: SegmentStatesReport;
  /** The checks' findings with their ignore decisions (absent when the report was built without checks). */
  findings?: QaFindingReport[];
}

export interface ProjectTotals extends ArticleTotals {
  articles: number;
  /** Segments per state over every article that has them. */
  segmentCounts?: SegmentCounts;
}

export interface ProjectMqm extends Omit<MqmSummary, 'score'> {
  /** The project score when the scoring module computed one over the whole project. */
  score?: number;
  articlesPassed: number;
  articlesFailed: number;
}

export interface ProjectReport {
  name: string;
  /** ISO 8601 time the report was made. */
  generatedAt: string;
  /** The UI language the report was asked in (the HTML may still be rendered in another). */
  uiLanguage: string;
  articles: ArticleReport[];
  totals: ProjectTotals;
  mqm: ProjectMqm;
  /** Segment HTER over all articles, ten bins 0–0.1 … 0.9–1.0. */
  hterHistogram: HistogramBin[];
}
