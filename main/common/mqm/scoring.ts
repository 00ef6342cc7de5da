/**
 * MQM scoring: a penalty per error from (severity, category) weights, summed per segment, averaged
 * over raters, and aggregated per article and project. Defaults are the WMT MQM weights of
 * Freitag et al. 2021 (google/wmt-mqm-human-evaluation). Lower penalty is better.
 */

export interface WeightRule {
  /** Severity as written ("Major", "minor"…); absent = any severity. Case-insensitive. */
  severity?: string;
  /** Category or a prefix of it by whole levels ("Fluency" matches "Fluency/Punctuation"); absent = any. */
  category?: string;
  weight: number;
}

export interface ScoringProfile {
  /** The most specific matching rule wins (deeper category first, then one that names a severity); among equals the later one. */
  weights: WeightRule[];
  /** Optional normalisation: penalty per `per` words of the source or target text. */
  perWords?: { per: number; basis: 'source' | 'target' };
  /** Pass when the (normalised) penalty is at most this. */
  threshold?: number;
}

export const DEFAULT_WEIGHTS: readonly WeightRule[] = [
  { weight: 0 }, // anything unknown counts nothing rather than failing a whole report
  { severity: 'Neutral', weight: 0 },
  { severity: 'Minor', weight: 1 },
  { severity: 'Major', weight: 5 },
  { severity: 'Critical', weight: 10 },
  { severity: 'No-error', weight: 0 },
  { category: 'No-error', weight: 0 },
  { severity: 'Minor', category: 'Fluency/Punctuation', weight: 0.1 },
  { severity: 'Major', category: 'Non-translation!', weight: 25 },
];

export function defaultProfile(): ScoringProfile {
  return { weights: DEFAULT_WEIGHTS.map((r) => ({ ...r })) };
}

/**
 * A profile with `overrides` laid over the defaults: a rule for the same (severity, category)
 * replaces the default one, new rules are added; perWords and threshold are taken as given.
 */
export function withOverrides(overrides: Partial<ScoringProfile>, base: ScoringProfile = defaultProfile()): ScoringProfile {
  const key = (r: WeightRule) => `${(r.severity ?? '').toLowerCase()}\t${(r.category ?? '').toLowerCase()}`;
  const byKey = new Map(base.weights.map((r) => [key(r), r]));
  for (const r of overrides.weights ?? []) {
    byKey.delete(key(r)); // re-inserted last so it also wins ties
    byKey.set(key(r), r);
  }
  const out: ScoringProfile = { weights: [...byKey.values()] };
  const perWords = 'perWords' in overrides ? overrides.perWords : base.perWords;
  const threshold = 'threshold' in overrides ? overrides.threshold : base.threshold;
  if (perWords) out.perWords = perWords;
  if (threshold !== undefined) out.threshold = threshold;
  return out;
}

function categoryDepth(prefix: string, category: string): number {
  const want = prefix.toLowerCase().split('/');
  const have = category.toLowerCase().split('/');
  if (want.length > have.length) return -1;
  return want.every((w, i) => w === have[i]) ? want.length : -1;
}

/** The weight of one error under a profile (0 when no rule matches). */
export function errorWeight(profile: ScoringProfile, severity: string, category: string): number {
  let best: WeightRule | undefined;
  let bestRank = -1;
  const sev = severity.toLowerCase();
  for (const r of profile.weights) {
    if (r.severity !== undefined && r.severity.toLowerCase() !== sev) continue;
    const depth = r.category === undefined ? 0 : categoryDepth(r.category, category);
    if (depth < 0) continue;
    const rank = depth * 2 + (r.severity !== undefined ? 1 : 0);
    if (rank >= bestRank) {
      best = r;
      bestRank = rank;
    }
  }
  return best?.weight ?? 0;
}

export interface ScoredError {
  severity: string;
  category: string;
  /** Who found it; errors of several raters are averaged. A rater's "No-error" row counts them. */
  rater?: string;
}

export interface Tally {
  count: number;
  /** Penalty from these errors, averaged over raters like the total. */
  penalty: number;
}

export interface ScoreResult {
  /** Sum of weights (averaged over raters for a segment; summed over segments for an article/project). */
  penalty: number;
  /** penalty per `perWords.per` words when the profile normalises (and words are known), else = penalty. */
  normalizedPenalty: number;
  /** −normalizedPenalty: higher is better, as in the WMT per-segment score files. */
  score: number;
  segments: number;
  /** Mean penalty per segment (the WMT system score). */
  meanSegmentPenalty: number;
  words?: number;
  byCategory: Record<string, Tally>;
  bySeverity: Record<string, Tally>;
  /** Present when the profile has a threshold. */
  passed?: boolean;
}

export interface SegmentInput {
  errors: readonly ScoredError[];
  /** Words of the side named by the profile's perWords basis, when normalising. */
  words?: number;
}

function finish(profile: ScoringProfile, penalty: number, segments: number, words: number | undefined, byCategory: Record<string, Tally>, bySeverity: Record<string, Tally>): ScoreResult {
  const norm = profile.perWords && words !== undefined ? (words > 0 ? (penalty * profile.perWords.per) / words : 0) : penalty;
  const result: ScoreResult = {
    penalty,
    normalizedPenalty: norm,
    score: norm === 0 ? 0 : -norm,
    segments,
    meanSegmentPenalty: segments ? penalty / segments : 0,
    byCategory,
    bySeverity,
  };
  if (words !== undefined) result.words = words;
  if (profile.threshold !== undefined) result.passed = norm <= profile.threshold;
  return result;
}

function add(into: Record<string, Tally>, key: string, count: number, penalty: number): void {
  const t = (into[key] ??= { count: 0, penalty: 0 });
  t.count += count;
  t.penalty += penalty;
}

export function scoreSegment(segment: SegmentInput, profile: ScoringProfile = defaultProfile()): ScoreResult {
  const raters = new Set(segment.errors.map((e) => e.rater).filter((r) => r !== undefined));
  const n = Math.max(1, raters.size);
  let sum = 0;
  const byCategory: Record<string, Tally> = {};
  const bySeverity: Record<string, Tally> = {};
  for (const e of segment.errors) {
    if (e.category.toLowerCase() === 'no-error' && e.severity.toLowerCase() === 'no-error') continue;
    const w = errorWeight(profile, e.severity, e.category);
    sum += w;
    add(byCategory, e.category, 1, w / n);
    add(bySeverity, e.severity.toLowerCase(), 1, w / n);
  }
  return finish(profile, sum / n, 1, segment.words, byCategory, bySeverity);
}

function merge(profile: ScoringProfile, parts: readonly ScoreResult[]): ScoreResult {
  let penalty = 0;
  let segments = 0;
  let words: number | undefined = 0;
  const byCategory: Record<string, Tally> = {};
  const bySeverity: Record<string, Tally> = {};
  for (const p of parts) {
    penalty += p.penalty;
    segments += p.segments;
    words = words === undefined || p.words === undefined ? undefined : words + p.words;
    for (const [k, t] of Object.entries(p.byCategory)) add(byCategory, k, t.count, t.penalty);
    for (const [k, t] of Object.entries(p.bySeverity)) add(bySeverity, k, t.count, t.penalty);
  }
  return finish(profile, penalty, segments, parts.length ? words : undefined, byCategory, bySeverity);
}

export interface ArticleScore extends ScoreResult {
  perSegment: ScoreResult[];
}

/** An article's score: segment penalties summed; normalised by the article's total words. */
export function scoreArticle(segments: readonly SegmentInput[], profile: ScoringProfile = defaultProfile()): ArticleScore {
  const perSegment = segments.map((s) => scoreSegment(s, profile));
  return { ...merge(profile, perSegment), perSegment };
}

export interface ProjectScore extends ScoreResult {
  perArticle: Record<string, ArticleScore>;
}

/** A project's score over all its articles' segments (the WMT system score is its meanSegmentPenalty). */
export function scoreProject(articles: Readonly<Record<string, readonly SegmentInput[]>>, profile: ScoringProfile = defaultProfile()): ProjectScore {
  const perArticle: Record<string, ArticleScore> = {};
  for (const [id, segs] of Object.entries(articles)) perArticle[id] = scoreArticle(segs, profile);
  return { ...merge(profile, Object.values(perArticle)), perArticle };
}
