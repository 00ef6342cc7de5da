/**
 * The report model as JSON: `{"formatVersion": 1, ...}` with a stable key order (the model's field
 * order, severities from neutral to critical, categories in the typology's order), so two reports of
 * the same project diff line by line.
 */
import { MQM_CATEGORIES, MQM_SEVERITIES } from '../../contract/review.js';
import { REPORT_FORMAT_VERSION, type ProjectReport } from './model.js';

/** Field names in the order they are written; keys not listed follow, by name. */
const FIELD_ORDER = [
  'formatVersion',
  // project and article
  'name',
  'generatedAt',
  'uiLanguage',
  'id',
  'sourceLang',
  'targetLang',
  'status',
  'totals',
  'mqm',
  'hterHistogram',
  'articles',
  'source',
  'baseline',
  'final',
  'segments',
  'annotations',
  'orphaned',
  // totals
  'words',
  'baselineWords',
  'wordsChanged',
  'hter',
  'chrf',
  'editingMs',
  'total',
  'bySeverity',
  // mqm
  'penalty',
  'score',
  'perWords',
  'threshold',
  'passed',
  'articlesPassed',
  'articlesFailed',
  'byCategory',
  'count',
  // segments
  'index',
  'before',
  'after',
  'annotationIds',
  'insertions',
  'deletions',
  'substitutions',
  'shifts',
  'edits',
  'refLength',
  // annotations
  'side',
  'start',
  'end',
  'quote',
  'exact',
  'prefix',
  'suffix',
  'category',
  'severity',
  'comment',
  'rule',
  'created',
  'modified',
  // histogram
  'from',
  'to',
];

const rankOf = new Map<string, number>();
[...FIELD_ORDER, ...MQM_SEVERITIES, ...MQM_CATEGORIES].forEach((k, i) => {
  if (!rankOf.has(k)) rankOf.set(k, i);
});

function compareKeys(a: string, b: string): number {
  const ra = rankOf.get(a);
  const rb = rankOf.get(b);
  if (ra !== undefined && rb !== undefined) return ra - rb;
  if (ra !== undefined) return -1;
  if (rb !== undefined) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort(compareKeys)) out[k] = ordered((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

/** The report as pretty-printed JSON with a final newline. */
export function renderJson(report: ProjectReport): string {
  return JSON.stringify(ordered({ formatVersion: REPORT_FORMAT_VERSION, ...report }), null, 2) + '\n';
}
