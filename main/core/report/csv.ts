/**
 * Reports as CSV (RFC 4180): one row per annotation, and one row per segment with its metrics.
 * Cells that a spreadsheet would run as a formula (= + - @, and tab or CR that some strip first) are
 * prefixed with an apostrophe: comments and document text are untrusted (OWASP "CSV injection").
 */
import type { Annotation, Message } from '../../contract/review.js';
import type { ArticleReport, ProjectReport } from './model.js';

type Cell = string | number | boolean | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: text guarded against formulas, then quoted when it holds a quote, comma or line break. */
export function csvCell(value: Cell): string {
  if (value === undefined) return '';
  // Numbers and booleans are our own values (a negative number is not a formula), text is not.
  let text = typeof value === 'string' ? (FORMULA_START.test(value) ? `'${value}` : value) : String(value);
  if (/[",\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** Rows joined with CRLF, as RFC 4180 says; the last row ends with CRLF too. */
export function csvRows(rows: readonly (readonly Cell[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',') + '\r\n').join('');
}

function segmentOf(a: ArticleReport, ann: Annotation): number | undefined {
  if (ann.orphaned) return undefined;
  const s = a.segments.find((seg) => seg.annotationIds.includes(ann.id));
  return s === undefined ? undefined : s.index + 1;
}

export const ANNOTATION_COLUMNS = ['article', 'annotation', 'segment', 'side', 'category', 'severity', 'start', 'end', 'span', 'mt_words', 'comment', 'rule', 'orphaned', 'created', 'modified'] as const;

export const QA_COLUMNS = ['file', 'segment', 'rule', 'severity', 'source', 'target', 'text', 'message', 'ignored'] as const;

/**
 * The checks' findings as Xbench's QA report lists them: one row per finding with the segment pair it
 * is in, its message in the report's language and whether the reviewer ignored it (yes/no).
 */
export function qaFindingsCsv(report: ProjectReport, message: (m: Message) => string): string {
  const rows: Cell[][] = [[...QA_COLUMNS]];
  for (const a of report.articles) {
    for (const f of a.findings ?? []) rows.push([a.id, f.segment, f.rule, f.severity, f.source, f.target, f.text, message(f.message), f.ignored ? 'yes' : 'no']);
  }
  return csvRows(rows);
}

/** One row per annotation (placed ones, then orphaned ones); `segment` is 1-based as in the HTML report; `mt_words` what the MT said there. */
export function annotationsCsv(report: ProjectReport): string {
  const rows: Cell[][] = [[...ANNOTATION_COLUMNS]];
  for (const a of report.articles) {
    for (const ann of [...a.annotations, ...a.orphaned]) {
      rows.push([a.id, ann.id, segmentOf(a, ann), ann.side, ann.category, ann.severity, ann.start, ann.end, ann.quote.exact, ann.baseline?.exact, ann.comment, ann.rule, ann.orphaned === true, ann.created, ann.modified]);
    }
  }
  return csvRows(rows);
}

export const SEGMENT_COLUMNS = [
  'article',
  'segment',
  'source',
  'before',
  'after',
  'edited',
  'hter',
  'insertions',
  'deletions',
  'substitutions',
  'shifts',
  'edits',
  'ref_words',
  'chrf',
  'editing_ms',
  'annotations',
] as const;

/** One row per segment with its post-edit metrics. */
export function segmentsCsv(report: ProjectReport): string {
  const rows: Cell[][] = [[...SEGMENT_COLUMNS]];
  for (const a of report.articles) {
    for (const s of a.segments) {
      const h = s.hter;
      rows.push([a.id, s.index + 1, s.source, s.before, s.after, s.before !== s.after, h.score, h.insertions, h.deletions, h.substitutions, h.shifts, h.edits, h.refLength, s.chrf, s.editingMs, s.annotationIds.length]);
    }
  }
  return csvRows(rows);
}
