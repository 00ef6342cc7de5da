import type { ArticleSummary, ArticleView, AnnotationsView } from '../../contract/api.js';
import type { Annotation, DocumentAlignment, Finding } from '../../contract/review.js';
import { paragraphNumbering } from '../../common/paragraphs.js';
import { alignDocument } from '../../common/align/index.js';
import { articleMetrics } from '../../common/metrics/article.js';
import type { LiveSegment } from '../../common/metrics/live.js';
import { defaultProfile, errorWeight, scoreArticle, scoreProject, type ScoringProfile, type SegmentInput as SegmentScoreInput } from '../../common/mqm/scoring.js';
import { parseScoringProfile } from '../../common/mqm/profile.js';
import { countSegmentStates } from '../../common/segments/states.js';
import { countWords } from '../../common/words.js';
import { collectProject, type ArticleInput, type SegmentInput } from '../report/collect.js';
import type { ProjectReport, QaFindingReport } from '../report/model.js';

/** What a report needs from the open project (CalqueService provides it). */
export interface ReportSource {
  name: string;
  /** project.json `scoring`, as the user wrote it. */
  scoring: unknown;
  articles: ArticleSummary[];
  getArticle(id: string): Promise<ArticleView>;
  getAnnotations(id: string): Promise<AnnotationsView>;
  /** Active editing time per segment index. */
  editingMs(id: string): Promise<Record<string, number>>;
  /** The checks' findings of the article on disk, each with its ignore decision (the QA part of the report). */
  findings?(id: string): Promise<(Finding & { ignored: boolean })[]>;
}

export function profileFrom(scoring: unknown): ScoringProfile {
  if (scoring === undefined || scoring === null) return defaultProfile();
  const parsed = parseScoringProfile(scoring);
  return parsed.ok ? parsed.profile : defaultProfile();
}

/** Index of the metric segment holding `offset` of the final text (the last one before it when between). */
function segmentOf(segments: readonly LiveSegment[], offset: number): number {
  let best = 0;
  segments.forEach((s, i) => {
    if (s.start <= offset && s.end >= s.start) best = i;
  });
  return best;
}

/**
 * One article's report input: metrics per segment (baseline paragraph against its edited paragraph,
 * as in the editor), the source text of each segment from the sentence alignment, annotations placed
 * in their segments and weighed by the project's MQM profile.
 */
export async function articleInput(src: ReportSource, summary: ArticleSummary, profile: ScoringProfile): Promise<{ input: ArticleInput; scored: SegmentScoreInput[] }> {
  const view = await src.getArticle(summary.id);
  const { annotations } = await src.getAnnotations(summary.id);
  const editing = await src.editingMs(summary.id);
  const final = view.target.text;
  const tags = { baseline: view.baselineTags ?? [], current: view.target.tags ?? [] };
  const snapshot = articleMetrics(view.baseline, final, view.target.lang, tags);
  const alignment = alignDocument(view.source.text, final, view.source.lang, view.target.lang);

  const sourceOf = (start: number, end: number): { text: string; range?: [number, number] } => {
    const parts: { start: number; end: number }[] = [];
    for (const link of alignment.links) {
      const overlaps = link.target.some((t) => {
        const s = alignment.target[t]!;
        return s.start < end && s.end > start;
      });
      if (overlaps) for (const i of link.source) parts.push(alignment.source[i]!);
    }
    if (!parts.length) return { text: '' };
    const from = Math.min(...parts.map((p) => p.start));
    const to = Math.max(...parts.map((p) => p.end));
    return { text: view.source.text.slice(from, to), range: [from, to] };
  };

  const segments: SegmentInput[] = snapshot.segments.map((s, i) => {
    const source = sourceOf(s.start, s.end);
    const before = s.baselineSentences.map(([a, b]) => view.baseline.slice(a, b)).join(' ');
    return {
      source: source.text,
      before,
      after: final.slice(s.start, s.end),
      metrics: { segment: i, hter: s.hter, chrf: s.chrf, editingMs: editing[s.key] ?? 0 },
      targetRange: [s.start, s.end],
      ...(source.range ? { sourceRange: source.range } : {}),
    };
  });

  // Each annotation counts in the segment it is in (a source annotation: the segment of its partner).
  const perSegment: Annotation[][] = segments.map(() => []);
  for (const a of annotations) {
    let at = a.start;
    if (a.side === 'source') {
      const link = alignment.links.find((l) => l.source.some((i) => alignment.source[i]!.start <= a.start && alignment.source[i]!.end >= a.start));
      const t = link?.target[0];
      at = t !== undefined ? alignment.target[t]!.start : 0;
    }
    perSegment[Math.min(segmentOf(snapshot.segments, at), perSegment.length - 1)]?.push(a);
  }
  const basis = profile.perWords?.basis ?? 'target';
  const scored: SegmentScoreInput[] = segments.map((s, i) => ({
    errors: perSegment[i]!.map((a) => ({ severity: a.severity, category: a.category })),
    words: countWords(basis === 'source' ? s.source : s.after, basis === 'source' ? view.source.lang : view.target.lang),
  }));
  const score = scoreArticle(scored, profile);
  const findings = src.findings ? qaFindings(await src.findings(summary.id), alignment, view.source.text, final) : undefined;
  const input: ArticleInput = {
    id: view.id,
    sourceLang: view.source.lang,
    targetLang: view.target.lang,
    status: view.status,
    source: view.source.text,
    baseline: view.baseline,
    final,
    segments,
    annotations,
    chrf: snapshot.totals.chrf,
    chrfStatistics: snapshot.totals.chrfStatistics,
    tags,
    ...(summary.tagAccuracy ? { tagAccuracy: summary.tagAccuracy } : {}),
    editingMs: Object.values(editing).reduce((n, ms) => n + ms, 0),
    segmentStates: {
      counts: countSegmentStates(view.segments),
      segments: view.segments.map((s, i) => ({ number: i + 1, id: s.id, state: s.state, locked: s.locked, text: s.target ? final.slice(s.target[0], s.target[1]) : '' })),
    },
    ...(findings ? { findings } : {}),
    mqm: {
      penalty: score.penalty,
      score: score.score,
      ...(profile.perWords ? { perWords: profile.perWords.per } : {}),
      ...(profile.threshold !== undefined ? { threshold: profile.threshold } : {}),
      ...(score.passed !== undefined ? { passed: score.passed } : {}),
      penalties: Object.fromEntries(annotations.map((a) => [a.id, errorWeight(profile, a.severity, a.category)])),
    },
  };
  return { input, scored };
}

/** Findings with the segment number of their side and the aligned sentences of the pair they are in. */
function qaFindings(list: readonly (Finding & { ignored: boolean })[], al: DocumentAlignment, source: string, target: string): QaFindingReport[] {
  const number = { source: paragraphNumbering(source), target: paragraphNumbering(target) };
  const texts = { source, target };
  return list.map((f) => {
    const own = al[f.side];
    const k = own.findIndex((s) => f.start >= s.start && f.start <= s.end);
    const link = k >= 0 ? al.links.find((l) => l[f.side].includes(k)) : undefined;
    const sentences = (side: 'source' | 'target') => (link ? link[side].map((i) => texts[side].slice(al[side][i]!.start, al[side][i]!.end)).join(' ') : '');
    return { rule: f.rule, category: f.category, severity: f.severity, side: f.side, segment: number[f.side](f.start), text: f.text, source: sentences('source'), target: sentences('target'), message: f.message, ignored: f.ignored };
  });
}

/** The report of the whole project, or of one article with `article`. */
export async function buildProjectReport(src: ReportSource, opts: { article?: string; uiLanguage: string; now?: Date }): Promise<ProjectReport> {
  const profile = profileFrom(src.scoring);
  const chosen = src.articles.filter((a) => !a.error && (opts.article === undefined || a.id === opts.article));
  const articles: ArticleInput[] = [];
  const segments: Record<string, SegmentScoreInput[]> = {};
  for (const a of chosen) {
    const built = await articleInput(src, a, profile);
    articles.push(built.input);
    segments[a.id] = built.scored;
  }
  // The project's own score: every article's segments under one profile (normalised over all their words).
  const project = scoreProject(segments, profile);
  return collectProject({
    name: src.name,
    generatedAt: (opts.now ?? new Date()).toISOString(),
    uiLanguage: opts.uiLanguage,
    articles,
    mqm: {
      score: project.score,
      ...(profile.perWords ? { perWords: profile.perWords.per } : {}),
      ...(profile.threshold !== undefined ? { threshold: profile.threshold } : {}),
      ...(project.passed !== undefined ? { passed: project.passed } : {}),
    },
  });
}
