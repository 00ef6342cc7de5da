/**
 * Builds report models from inputs passed in explicitly (texts, annotations, per-segment metrics, MQM
 * results). Pure: no files, no clock; the caller gathers the inputs from the project and the scoring
 * and metrics modules. Only sums, groups and orders here: no MQM weights, no metric formulas.
 */
import { MQM_CATEGORIES, MQM_SEVERITIES, type Annotation, type MqmSeverity, type SegmentMetrics, type TerBreakdown } from '../../contract/review.js';
import { addChrfStatistics, chrfFromStatistics, type ChrfStatistics } from '../../common/metrics/chrf.js';
import { wordDiff, type DiffTags } from '../../common/word-diff.js';
import { addSegmentCounts } from '../../common/segments/states.js';
import { pooledTagAccuracy, type TagAccuracy } from '../../common/metrics/tag-accuracy.js';
import type {
  AnnotationCounts,
  ArticleReport,
  ArticleTotals,
  HistogramBin,
  MqmBreakdown,
  MqmSummary,
  ProjectMqm,
  ProjectReport,
  QaFindingReport,
  SegmentReport,
} from './model.js';

export interface SegmentInput {
  source: string;
  /** Machine translation of the segment. */
  before: string;
  /** Post-edited translation of the segment. */
  after: string;
  metrics: SegmentMetrics;
  /** [start, end) of the segment in the final text and in the source; found in order when not given. */
  targetRange?: [number, number];
  sourceRange?: [number, number];
}

export interface MqmInput {
  penalty: number;
  score: number;
  perWords?: number;
  threshold?: number;
  passed?: boolean;
  /** Penalty points of each annotation by id, as the scorer weighed it; a missing id counts 0. */
  penalties: Record<string, number>;
}

/** The article's identity and texts as the report shows them, with the raw material of the rest. */
export interface ArticleInput extends Pick<ArticleReport, 'id' | 'sourceLang' | 'targetLang' | 'status' | 'source' | 'baseline' | 'final'> {
  segments: SegmentInput[];
  annotations: Annotation[];
  mqm: MqmInput;
  /** Document chrF when the metrics module computed it on the whole text; else a length-weighted mean of segments. */
  chrf?: number;
  /** The article's summed chrF statistics: the project's chrF pools them (document level, not a mean). */
  chrfStatistics?: ChrfStatistics;
  /** The article's stored editing time; segments only show the part that falls in a current segment. */
  editingMs?: number;
  /** Each document segment's review state, as the article view derived it. */
  segmentStates?: ArticleReport['segmentStates'];
  /** Where the inline tags are in the baseline and the final text (each one token of the word diff). */
  tags?: DiffTags;
  tagAccuracy?: TagAccuracy;
  findings?: QaFindingReport[];
}

export interface ProjectInput {
  name: string;
  generatedAt: string;
  uiLanguage: string;
  articles: ArticleInput[];
  /** A project-wide score, when the scoring module computes one. */
  mqm?: { score?: number; perWords?: number; threshold?: number; passed?: boolean };
  chrf?: number;
}

const HISTOGRAM_BINS = 10;

function zeroBySeverity<T>(make: () => T): Record<MqmSeverity, T> {
  return Object.fromEntries(MQM_SEVERITIES.map((s) => [s, make()])) as Record<MqmSeverity, T>;
}

/** Ten bins 0–0.1 … 0.9–1.0; an HTER of exactly 1 goes in the last one. */
export function hterHistogram(scores: readonly number[]): HistogramBin[] {
  const bins: HistogramBin[] = Array.from({ length: HISTOGRAM_BINS }, (_, i) => ({ from: i / HISTOGRAM_BINS, to: (i + 1) / HISTOGRAM_BINS, count: 0 }));
  for (const s of scores) {
    // The epsilon keeps 0.3 (0.30000000000000004 × 10 rounding aside) in the bin that starts at 0.3.
    const i = Math.min(HISTOGRAM_BINS - 1, Math.max(0, Math.floor(s * HISTOGRAM_BINS + 1e-9)));
    bins[i]!.count++;
  }
  return bins;
}

/** Target-side annotations first, then source; each by position; the id breaks ties so the order is stable. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  if (a.side !== b.side) return a.side === 'target' ? -1 : 1;
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function countAnnotations(placed: readonly Annotation[], orphaned: readonly Annotation[]): AnnotationCounts {
  const bySeverity = zeroBySeverity(() => 0);
  for (const a of [...placed, ...orphaned]) bySeverity[a.severity]++;
  return { total: placed.length + orphaned.length, orphaned: orphaned.length, bySeverity };
}

const typologyRank = (c: string) => {
  const i = (MQM_CATEGORIES as readonly string[]).indexOf(c);
  return i < 0 ? MQM_CATEGORIES.length : i;
};

/** Categories in the typology's order (Accuracy, Fluency, …), unknown ones after it by name: stable across articles. */
function ordered(b: MqmBreakdown): MqmBreakdown {
  const keys = Object.keys(b).sort((x, y) => typologyRank(x) - typologyRank(y) || (x < y ? -1 : x > y ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, b[k]!]));
}

/** Counts and penalty points per category and severity. */
function breakdown(annotations: readonly Annotation[], penalties: Record<string, number>): MqmBreakdown {
  const out: MqmBreakdown = {};
  for (const a of annotations) {
    const row = (out[a.category] ??= zeroBySeverity(() => ({ count: 0, penalty: 0 })));
    row[a.severity].count++;
    row[a.severity].penalty += penalties[a.id] ?? 0;
  }
  return ordered(out);
}

function mergeBreakdowns(parts: readonly MqmBreakdown[]): MqmBreakdown {
  const out: MqmBreakdown = {};
  for (const part of parts) {
    for (const [category, row] of Object.entries(part)) {
      const into = (out[category] ??= zeroBySeverity(() => ({ count: 0, penalty: 0 })));
      for (const s of MQM_SEVERITIES) {
        into[s].count += row[s].count;
        into[s].penalty += row[s].penalty;
      }
    }
  }
  return ordered(out);
}

/** Corpus HTER: summed edits over summed reference words (TER's own definition over several segments). */
function pooledHter(breakdowns: readonly TerBreakdown[]): number {
  let edits = 0;
  let ref = 0;
  for (const b of breakdowns) {
    edits += b.edits;
    ref += b.refLength;
  }
  if (ref === 0) return edits > 0 ? 1 : 0;
  return Math.min(1, edits / ref);
}

/** chrF has no exact pooling from segment scores: weigh each by its reference length (at least 1). */
function weightedChrf(segments: readonly SegmentMetrics[]): number {
  let sum = 0;
  let weight = 0;
  for (const s of segments) {
    const w = Math.max(1, s.hter.refLength);
    sum += s.chrf * w;
    weight += w;
  }
  return weight === 0 ? 0 : sum / weight;
}

/** The articles' chrF pooled from their statistics, when every article has them. */
function pooledChrf(articles: readonly ArticleInput[]): number | undefined {
  if (!articles.length || articles.some((a) => !a.chrfStatistics)) return undefined;
  const total: ChrfStatistics = [];
  for (const a of articles) addChrfStatistics(total, a.chrfStatistics!);
  return chrfFromStatistics(total);
}

/** Where each segment's text lies, searching forward from the previous one when no range was given. */
function locate(texts: readonly string[], given: readonly ([number, number] | undefined)[], whole: string): ([number, number] | undefined)[] {
  let cursor = 0;
  return texts.map((text, i) => {
    const range = given[i];
    if (range) {
      cursor = range[1];
      return range;
    }
    if (!text) return undefined;
    const at = whole.indexOf(text, cursor);
    if (at < 0) return undefined;
    cursor = at + text.length;
    return [at, at + text.length];
  });
}

function overlaps(a: Annotation, range: [number, number] | undefined): boolean {
  if (!range) return false;
  const [s, e] = range;
  return a.start === a.end ? a.start >= s && a.start <= e : a.start < e && a.end > s;
}

export function collectArticle(input: ArticleInput): ArticleReport {
  const sorted = [...input.annotations].sort(compareAnnotations);
  const placed = sorted.filter((a) => !a.orphaned);
  const orphaned = sorted.filter((a) => a.orphaned);
  const targetRanges = locate(
    input.segments.map((s) => s.after),
    input.segments.map((s) => s.targetRange),
    input.final,
  );
  const sourceRanges = locate(
    input.segments.map((s) => s.source),
    input.segments.map((s) => s.sourceRange),
    input.source,
  );
  const segments: SegmentReport[] = input.segments.map((s, i) => ({
    index: s.metrics.segment,
    source: s.source,
    before: s.before,
    after: s.after,
    hter: s.metrics.hter,
    chrf: s.metrics.chrf,
    editingMs: s.metrics.editingMs,
    annotationIds: placed.filter((a) => overlaps(a, a.side === 'target' ? targetRanges[i] : sourceRanges[i])).map((a) => a.id),
  }));
  const metrics = input.segments.map((s) => s.metrics);
  const stats = wordDiff(input.baseline, input.final, input.targetLang, input.tags).stats;
  const mqm: MqmSummary = {
    penalty: input.mqm.penalty,
    score: input.mqm.score,
    ...(input.mqm.perWords !== undefined && { perWords: input.mqm.perWords }),
    ...(input.mqm.threshold !== undefined && { threshold: input.mqm.threshold }),
    ...(input.mqm.passed !== undefined && { passed: input.mqm.passed }),
    // Orphaned annotations still count: the reviewer found the error, only its place was lost.
    byCategory: breakdown(sorted, input.mqm.penalties),
  };
  const totals: ArticleTotals = {
    words: stats.words,
    baselineWords: stats.baselineWords,
    wordsChanged: stats.changed,
    hter: pooledHter(metrics.map((m) => m.hter)),
    chrf: input.chrf ?? weightedChrf(metrics),
    ...(input.tagAccuracy ? { tagAccuracy: input.tagAccuracy } : {}),
    editingMs: input.editingMs ?? metrics.reduce((n, m) => n + m.editingMs, 0),
    annotations: countAnnotations(placed, orphaned),
  };
  return {
    id: input.id,
    sourceLang: input.sourceLang,
    targetLang: input.targetLang,
    status: input.status,
    source: input.source,
    baseline: input.baseline,
    final: input.final,
    segments,
    annotations: placed,
    orphaned,
    mqm,
    totals,
    hterHistogram: hterHistogram(metrics.map((m) => m.hter.score)),
    ...(input.segmentStates ? { segmentStates: input.segmentStates } : {}),
    ...(input.findings ? { findings: input.findings } : {}),
  };
}

const withTagAccuracy = (a: TagAccuracy | undefined) => (a ? { tagAccuracy: a } : {});

export function collectProject(input: ProjectInput): ProjectReport {
  const articles = input.articles.map(collectArticle);
  const allSegments = input.articles.flatMap((a) => a.segments.map((s) => s.metrics));
  const bySeverity = zeroBySeverity(() => 0);
  for (const a of articles) for (const s of MQM_SEVERITIES) bySeverity[s] += a.totals.annotations.bySeverity[s];
  const sum = (f: (a: ArticleReport) => number) => articles.reduce((n, a) => n + f(a), 0);
  const judged = articles.filter((a) => a.mqm.passed !== undefined);
  const articlesPassed = judged.filter((a) => a.mqm.passed).length;
  const p = input.mqm ?? {};
  const mqm: ProjectMqm = {
    penalty: sum((a) => a.mqm.penalty),
    ...(p.score !== undefined && { score: p.score }),
    ...(p.perWords !== undefined && { perWords: p.perWords }),
    ...(p.threshold !== undefined && { threshold: p.threshold }),
    // Without a project-wide verdict, the project passes when every judged article passes.
    ...(p.passed !== undefined ? { passed: p.passed } : judged.length > 0 ? { passed: articlesPassed === judged.length } : {}),
    byCategory: mergeBreakdowns(articles.map((a) => a.mqm.byCategory)),
    articlesPassed,
    articlesFailed: judged.length - articlesPassed,
  };
  return {
    name: input.name,
    generatedAt: input.generatedAt,
    uiLanguage: input.uiLanguage,
    articles,
    totals: {
      articles: articles.length,
      words: sum((a) => a.totals.words),
      baselineWords: sum((a) => a.totals.baselineWords),
      wordsChanged: sum((a) => a.totals.wordsChanged),
      hter: pooledHter(allSegments.map((m) => m.hter)),
      chrf: input.chrf ?? pooledChrf(input.articles) ?? weightedChrf(allSegments),
      ...withTagAccuracy(pooledTagAccuracy(articles.map((a) => a.totals.tagAccuracy))),
      editingMs: sum((a) => a.totals.editingMs),
      annotations: { total: sum((a) => a.totals.annotations.total), orphaned: sum((a) => a.totals.annotations.orphaned), bySeverity },
      ...(articles.some((a) => a.segmentStates) ? { segmentCounts: addSegmentCounts(articles.flatMap((a) => (a.segmentStates ? [a.segmentStates.counts] : []))) } : {}),
    },
    mqm,
    hterHistogram: hterHistogram(allSegments.map((m) => m.hter.score)),
  };
}
