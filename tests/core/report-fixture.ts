/**
 * A small, realistic review project for report tests: two articles (Portuguese → English and
 * English → Arabic), sentence segments with machine output and post-edits, annotations placed by
 * their quote, one orphaned annotation and one comment that tries to inject markup.
 * All sentences are written for these tests.
 */
import type { Annotation, MqmCategory, MqmSeverity, SegmentMetrics } from '../../main/contract/review.js';
import type { SegmentReviewState } from '../../main/contract/api.js';
import { countSegmentStates } from '../../main/common/segments/states.js';
import { wordDiff } from '../../main/common/word-diff.js';
import { collectProject, type ArticleInput, type ProjectInput, type SegmentInput } from '../../main/core/report/collect.js';
import type { ProjectReport } from '../../main/core/report/model.js';

export const MALICIOUS_COMMENT = `Use "quay" & not 'dock' <script>document.title='pwned'</script><img src=x onerror="document.title='pwned'">`;

/** Penalty weights used only to make fixture numbers (the report never knows them). */
const WEIGHT: Record<MqmSeverity, number> = { neutral: 0, minor: 1, major: 5, critical: 25 };

interface Pair {
  source: string;
  before: string;
  after: string;
  editingMs: number;
}

/** Segment metrics the way a metrics module would report them (word edits over post-edit words). */
function metricsFor(p: Pair, index: number, lang: string): SegmentMetrics {
  const stats = wordDiff(p.before, p.after, lang).stats;
  const edits = stats.changed;
  const refLength = stats.words;
  const score = refLength === 0 ? (edits > 0 ? 1 : 0) : Math.min(1, edits / refLength);
  const ins = stats.inserted;
  const del = stats.deleted;
  return {
    segment: index,
    hter: { insertions: ins, deletions: del, substitutions: stats.replaced, shifts: 0, edits, refLength, score },
    chrf: Math.round((100 - 55 * score) * 10) / 10,
    editingMs: p.editingMs,
  };
}

export interface AnnotationSpec {
  id: string;
  exact: string;
  side?: 'target' | 'source';
  category: MqmCategory;
  severity: MqmSeverity;
  comment: string;
  orphaned?: boolean;
  rule?: string;
}

function place(spec: AnnotationSpec, source: string, final: string): Annotation {
  const text = spec.side === 'source' ? source : final;
  const at = spec.orphaned ? -1 : text.indexOf(spec.exact);
  if (!spec.orphaned && at < 0) throw new Error(`fixture: "${spec.exact}" is not in the text`);
  const start = Math.max(0, at);
  const end = at < 0 ? 0 : at + spec.exact.length;
  return {
    id: spec.id,
    side: spec.side ?? 'target',
    start,
    end,
    quote: { exact: spec.exact, prefix: at < 0 ? 'before ' : text.slice(Math.max(0, at - 12), at), suffix: at < 0 ? ' after' : text.slice(end, end + 12) },
    category: spec.category,
    severity: spec.severity,
    comment: spec.comment,
    created: '2025-03-02T09:15:00.000Z',
    modified: '2025-03-02T09:20:00.000Z',
    ...(spec.rule && { rule: spec.rule }),
    ...(spec.orphaned && { orphaned: true }),
  };
}

export function articleInput(opts: {
  id: string;
  sourceLang: string;
  targetLang: string;
  pairs: Pair[];
  annotations: AnnotationSpec[];
  threshold?: number;
  perWords?: number;
}): ArticleInput {
  const source = opts.pairs.map((p) => p.source).join(' ');
  const baseline = opts.pairs.map((p) => p.before).join(' ');
  const final = opts.pairs.map((p) => p.after).join(' ');
  const annotations = opts.annotations.map((s) => place(s, source, final));
  const segments: SegmentInput[] = opts.pairs.map((p, i) => ({ source: p.source, before: p.before, after: p.after, metrics: metricsFor(p, i, opts.targetLang) }));
  const penalties = Object.fromEntries(annotations.map((a) => [a.id, WEIGHT[a.severity]]));
  const penalty = Object.values(penalties).reduce((n, p) => n + p, 0);
  const perWords = opts.perWords ?? 100;
  const words = wordDiff(baseline, final, opts.targetLang).stats.words;
  const score = (penalty * perWords) / Math.max(1, words);
  const threshold = opts.threshold;
  return {
    id: opts.id,
    sourceLang: opts.sourceLang,
    targetLang: opts.targetLang,
    status: 'done',
    source,
    baseline,
    final,
    segments,
    annotations,
    mqm: { penalty, score, perWords, ...(threshold !== undefined && { threshold, passed: score <= threshold }), penalties },
  };
}

export function harbourArticle(): ArticleInput {
  return articleInput({
    id: 'harbour-festival',
    sourceLang: 'pt-BR',
    targetLang: 'en',
    threshold: 10,
    pairs: [
      {
        source: 'O festival do porto volta no próximo sábado.',
        before: 'The port party comes back next Saturday.',
        after: 'The harbour festival returns next Saturday.',
        editingMs: 41_000,
      },
      {
        source: 'Os barcos de pesca serão decorados com flores de papel.',
        before: 'The fishing boats will be decorated with paper flowers.',
        after: 'The fishing boats will be decorated with paper flowers.',
        editingMs: 3_000,
      },
      {
        source: 'A entrada custa cinco reais e as crianças não pagam.',
        before: 'The entrance costs five reals and the children do not pay.',
        after: 'Entry costs five reais, and children get in free.',
        editingMs: 95_000,
      },
      {
        source: 'A prefeitura espera dez mil visitantes no cais.',
        before: 'The city hall waits ten thousand visitors in the dock.',
        after: 'The city council expects ten thousand visitors on the quay.',
        editingMs: 62_000,
      },
    ],
    annotations: [
      { id: 'h1', exact: 'harbour festival', category: 'Accuracy/Mistranslation', severity: 'major', comment: '"Port party" changed the meaning of the event.' },
      { id: 'h2', exact: 'five reais', category: 'Locale convention/Currency', severity: 'minor', comment: 'Currency name: "reais", not "reals".' },
      { id: 'h3', exact: 'quay', category: 'Terminology/Inappropriate for context', severity: 'minor', comment: MALICIOUS_COMMENT },
      { id: 'h4', exact: 'expects', category: 'Accuracy/Mistranslation', severity: 'critical', comment: '"Waits" reversed the sense: the council expects visitors.' },
      { id: 'h5', exact: 'paper flowers', category: 'Style/Awkward', severity: 'neutral', comment: 'Fine as is; noted for the style guide.' },
      { id: 'h6', exact: 'cais', side: 'source', category: 'Source error', severity: 'minor', comment: 'The source says "cais" but the map shows a marina.' },
      { id: 'h7', exact: 'the old market', category: 'Fluency/Grammar', severity: 'minor', comment: 'Article missing (text since rewritten).', orphaned: true },
    ],
  });
}

export function libraryArticle(): ArticleInput {
  return articleInput({
    id: 'library-hours',
    sourceLang: 'en',
    targetLang: 'ar',
    threshold: 10,
    pairs: [
      {
        source: 'The public library will open on Sundays from March.',
        before: 'المكتبة العامة سوف تفتح في الأحد من مارس.',
        after: 'ستفتح المكتبة العامة أيام الأحد ابتداءً من شهر مارس.',
        editingMs: 70_000,
      },
      {
        source: 'Readers can borrow up to six books at a time.',
        before: 'يمكن للقراء استعارة ما يصل إلى ستة كتب في وقت واحد.',
        after: 'يمكن للقراء استعارة ما يصل إلى ستة كتب في وقت واحد.',
        editingMs: 4_000,
      },
    ],
    annotations: [{ id: 'l1', exact: 'أيام الأحد', category: 'Fluency/Grammar', severity: 'minor', comment: 'Plural "Sundays" was lost in the machine output.' }],
  });
}

export function projectInput(): ProjectInput {
  return {
    name: 'Coastal Weekly <draft> & "notes"',
    generatedAt: '2025-03-04T15:30:00.000Z',
    uiLanguage: 'en',
    articles: [harbourArticle(), libraryArticle()],
  };
}

export function fixtureProject(): ProjectReport {
  return collectProject(projectInput());
}

/** The same project with segment states set as a reviewer left them (the harbour article has one of each, and a lock). */
export function projectWithSegmentStates(): ProjectReport {
  const input = projectInput();
  const marks: Record<string, [SegmentReviewState, boolean][]> = {
    'harbour-festival': [['confirmed', false], ['not-reviewed', true], ['rejected', false], ['edited', false]],
    'library-hours': [['confirmed', false], ['confirmed', false]],
  };
  for (const a of input.articles) {
    const segments = marks[a.id]!.map(([state, locked], i) => ({ number: i + 1, id: `p${i + 1}`, state, locked, text: a.segments[i]!.after }));
    a.segmentStates = { counts: countSegmentStates(segments), segments };
  }
  return collectProject(input);
}
