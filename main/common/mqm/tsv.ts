import { defaultProfile, scoreSegment, type ScoredError, type ScoringProfile } from './scoring.js';

/**
 * Google's WMT MQM TSV (google/wmt-mqm-human-evaluation): tab-separated, no quoting, a header row;
 * columns system, doc, doc_id, seg_id, rater, source, target, category, severity[, comment].
 * `<v>…</v>` marks the row's error span in the target (or in the source, e.g. for omissions and
 * source errors); a segment without errors has one row whose category and severity are "No-error".
 */

export const TSV_COLUMNS = ['system', 'doc', 'doc_id', 'seg_id', 'rater', 'source', 'target', 'category', 'severity', 'comment'] as const;
const REQUIRED = TSV_COLUMNS.slice(0, 9);

/** Severities the WMT files use (compared case-insensitively). */
export const TSV_SEVERITIES = ['Neutral', 'Minor', 'Major', 'Critical', 'No-error'] as const;

export interface MqmSpan {
  side: 'source' | 'target';
  /** Offsets in the text without the markers. */
  start: number;
  end: number;
}

export interface MqmRow {
  /** 1-based line in the file. */
  line: number;
  system: string;
  doc: string;
  docId: number;
  segId: number;
  rater: string;
  /** Texts without the <v> markers. */
  source: string;
  target: string;
  category: string;
  /** As written ("Major"). */
  severity: string;
  comment: string;
  /** The marked span; absent when the row marks none (a No-error row, or an error of the whole segment). */
  span?: MqmSpan;
}

export interface TsvProblem {
  line: number;
  reason: string;
}

export interface ParsedTsv {
  rows: MqmRow[];
  problems: TsvProblem[];
  /** Rows read with a repair (an unclosed <v>): kept, but worth telling the user. */
  warnings: TsvProblem[];
  /** Whether the file has a comment column. */
  hasComment: boolean;
}

/** The text without markers and the marked span, or a reason the markers are malformed. */
export function stripMarkers(field: string): { text: string; span?: { start: number; end: number }; repaired?: string } | { error: string } {
  const opens = field.split('<v>').length - 1;
  const closes = field.split('</v>').length - 1;
  if (opens === 0 && closes === 0) return { text: field };
  if (opens === 1 && closes === 0) {
    // Seen in the WMT data (a span at the very end whose </v> was lost): the span runs to the end.
    const a = field.indexOf('<v>');
    const text = field.slice(0, a) + field.slice(a + 3);
    return { text, span: { start: a, end: text.length }, repaired: '<v> without </v>: the span runs to the end of the field' };
  }
  if (opens !== closes) return { error: `unbalanced <v> (${opens} opening, ${closes} closing)` };
  if (opens > 1) return { error: `${opens} <v> spans in one field (one error per row)` };
  const a = field.indexOf('<v>');
  const b = field.indexOf('</v>');
  if (b < a) return { error: 'unbalanced <v> (</v> before <v>)' };
  const before = field.slice(0, a);
  const inner = field.slice(a + 3, b);
  return { text: before + inner + field.slice(b + 4), span: { start: before.length, end: before.length + inner.length } };
}

const INTEGER = /^\d+$/;

export function parseTsv(content: string): ParsedTsv {
  const lines = content.replace(/^\uFEFF/, '').split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const problems: TsvProblem[] = [];
  const warnings: TsvProblem[] = [];
  const rows: MqmRow[] = [];
  const header = (lines[0] ?? '').replace(/\r$/, '').split('\t').map((h) => h.trim().toLowerCase());
  const index = new Map(header.map((h, i) => [h, i]));
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (lines.length === 0 || missing.length) {
    problems.push({ line: 1, reason: `header lacks column(s): ${missing.join(', ') || REQUIRED.join(', ')}` });
    return { rows, problems, warnings, hasComment: false };
  }
  const hasComment = index.has('comment');
  const severities = new Set(TSV_SEVERITIES.map((s) => s.toLowerCase()));
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    const raw = lines[i]!.replace(/\r$/, '');
    const f = raw.split('\t');
    if (f.length !== header.length) {
      problems.push({ line, reason: `${f.length} fields, expected ${header.length}` });
      continue;
    }
    const get = (c: string) => f[index.get(c)!]!;
    const reasons: string[] = [];
    for (const c of ['doc_id', 'seg_id'] as const) if (!INTEGER.test(get(c).trim())) reasons.push(`${c} is not an integer: "${get(c)}"`);
    for (const c of ['system', 'doc', 'rater', 'category'] as const) if (get(c).trim() === '') reasons.push(`empty ${c}`);
    const severity = get('severity').trim();
    if (!severities.has(severity.toLowerCase())) reasons.push(`unknown severity "${severity}"`);
    const src = stripMarkers(get('source'));
    const tgt = stripMarkers(get('target'));
    if ('error' in src) reasons.push(`source: ${src.error}`);
    if ('error' in tgt) reasons.push(`target: ${tgt.error}`);
    if (reasons.length === 0 && 'text' in src && 'text' in tgt && src.span && tgt.span) reasons.push('both source and target mark a span');
    if (reasons.length || 'error' in src || 'error' in tgt) {
      problems.push({ line, reason: reasons.join('; ') });
      continue;
    }
    const row: MqmRow = {
      line,
      system: get('system').trim(),
      doc: get('doc').trim(),
      docId: Number(get('doc_id')),
      segId: Number(get('seg_id')),
      rater: get('rater').trim(),
      source: src.text,
      target: tgt.text,
      category: get('category').trim(),
      severity,
      comment: hasComment ? get('comment') : '',
    };
    for (const [name, m] of [['source', src], ['target', tgt]] as const) if (m.repaired) warnings.push({ line, reason: `${name}: ${m.repaired}` });
    if (tgt.span) row.span = { side: 'target', ...tgt.span };
    else if (src.span) row.span = { side: 'source', ...src.span };
    rows.push(row);
  }
  return { rows, problems, warnings, hasComment };
}

/** A row to write; the span (if any) is wrapped in <v>…</v> in its side's text. */
export type MqmRowOut = Omit<MqmRow, 'line'>;

function mark(text: string, span: MqmSpan | undefined, side: MqmSpan['side']): string {
  if (!span || span.side !== side || span.start === span.end) return text;
  return `${text.slice(0, span.start)}<v>${text.slice(span.start, span.end)}</v>${text.slice(span.end)}`;
}

/** Fields cannot hold tabs or line breaks (no quoting in this format): they become spaces. */
function clean(s: string): string {
  return s.replace(/[\t\r\n]/g, ' ');
}

/** Write rows as a WMT MQM TSV with a comment column (header + one line per row, final newline). */
export function formatTsv(rows: readonly MqmRowOut[]): string {
  const out = [TSV_COLUMNS.join('\t')];
  for (const r of rows) {
    out.push(
      [r.system, r.doc, String(r.docId), String(r.segId), r.rater, mark(r.source, r.span, 'source'), mark(r.target, r.span, 'target'), r.category, r.severity, r.comment]
        .map(clean)
        .join('\t'),
    );
  }
  return out.join('\n') + '\n';
}

// ---------- scores ----------

export interface SegmentScore {
  system: string;
  doc: string;
  segId: number;
  raters: number;
  penalty: number;
}

export interface SystemScore {
  system: string;
  /** Mean penalty over the system's rated segments: lower is better. */
  score: number;
  segments: number;
}

/** Per-segment penalties (a rater's weights summed, averaged over raters), in file order of first appearance. */
export function segmentScores(rows: readonly MqmRow[], profile: ScoringProfile = defaultProfile()): SegmentScore[] {
  const groups = new Map<string, { system: string; doc: string; segId: number; errors: ScoredError[] }>();
  for (const r of rows) {
    // seg_id is global in the WMT files but per document in others (Calque's export): key on both.
    const key = `${r.system}\t${r.doc}\t${r.segId}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { system: r.system, doc: r.doc, segId: r.segId, errors: [] }));
    g.errors.push({ severity: r.severity, category: r.category, rater: r.rater });
  }
  return [...groups.values()].map((g) => ({
    system: g.system,
    doc: g.doc,
    segId: g.segId,
    raters: new Set(g.errors.map((e) => e.rater)).size,
    penalty: scoreSegment({ errors: g.errors }, profile).penalty,
  }));
}

/** System scores, best (lowest penalty) first; ties by name. */
export function systemScores(segments: readonly SegmentScore[]): SystemScore[] {
  const by = new Map<string, { sum: number; n: number }>();
  for (const s of segments) {
    const t = by.get(s.system) ?? { sum: 0, n: 0 };
    t.sum += s.penalty;
    t.n++;
    by.set(s.system, t);
  }
  return [...by.entries()]
    .map(([system, t]) => ({ system, score: t.sum / t.n, segments: t.n }))
    .sort((a, b) => a.score - b.score || (a.system < b.system ? -1 : a.system > b.system ? 1 : 0));
}
