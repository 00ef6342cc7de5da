import type { Finding, FindingSeverity } from '../../main/contract/review';
import { paragraphNumbering } from '../../main/common/paragraphs';

/**
 * The problems panel for real volumes (issue 11): findings grouped by rule or by rule and word ("the
 * same false alarm 63 times"), sorted, searched, and the edits of "fix all". Pure, so it is tested
 * without a browser and costs nothing to React but one pass over the findings.
 */

export type GroupBy = 'none' | 'rule' | 'word';
export type SortBy = 'position' | 'severity' | 'rule';
export const GROUP_BYS: readonly GroupBy[] = ['none', 'rule', 'word'];
export const SORT_BYS: readonly SortBy[] = ['position', 'severity', 'rule'];

export interface FindingRow {
  f: Finding;
  /** Index into the article's findings (what the actions take). */
  index: number;
}

export interface FindingGroup {
  key: string;
  rule: string;
  /** The word of a word group; absent when grouped by rule only. */
  text?: string;
  rows: FindingRow[];
  /** The gravest severity in the group. */
  severity: FindingSeverity;
  /** Rows that have a fix ("fix all" applies the first fix of each). */
  fixable: number;
}

const RANK: Record<FindingSeverity, number> = { critical: 0, major: 1, minor: 2, hint: 3 };

/** Source-side findings after the translation's (the editor is the translation); then by position. */
function byPosition(a: FindingRow, b: FindingRow): number {
  return (a.f.side === b.f.side ? 0 : a.f.side === 'target' ? -1 : 1) || a.f.start - b.f.start || a.f.end - b.f.end || a.index - b.index;
}

export function sortRows(rows: FindingRow[], by: SortBy): FindingRow[] {
  const cmp =
    by === 'severity'
      ? (a: FindingRow, b: FindingRow) => RANK[a.f.severity] - RANK[b.f.severity] || byPosition(a, b)
      : by === 'rule'
        ? (a: FindingRow, b: FindingRow) => (a.f.rule < b.f.rule ? -1 : a.f.rule > b.f.rule ? 1 : 0) || byPosition(a, b)
        : byPosition;
  return [...rows].sort(cmp);
}

/** Case- and accent-insensitive search over what a card shows: the text, the rule, the message. */
export function searchRows(rows: readonly FindingRow[], query: string, describe: (f: Finding) => string): FindingRow[] {
  const q = fold(query.trim());
  if (!q) return [...rows];
  return rows.filter(({ f }) => fold(f.text).includes(q) || f.rule.toLowerCase().includes(q) || fold(describe(f)).includes(q));
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Groups in the order of their first row (rows sorted first), each group's rows in that order. */
export function groupRows(rows: readonly FindingRow[], by: Exclude<GroupBy, 'none'>): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const row of rows) {
    const key = by === 'rule' ? row.f.rule : `${row.f.rule}\u0000${row.f.text}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, rule: row.f.rule, ...(by === 'word' ? { text: row.f.text } : {}), rows: [], severity: row.f.severity, fixable: 0 };
      groups.set(key, g);
    }
    g.rows.push(row);
    if (RANK[row.f.severity] < RANK[g.severity]) g.severity = row.f.severity;
    if (row.f.fixes.length) g.fixable++;
  }
  return [...groups.values()];
}

/** Distinct (rule, text) pairs of a group's findings: what "ignore all" records. */
export function ignoreItems(findings: readonly Finding[]): { rule: string; text: string }[] {
  const seen = new Set<string>();
  const out: { rule: string; text: string }[] = [];
  for (const f of findings) {
    const key = `${f.rule}\u0000${f.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ rule: f.rule, text: f.text });
  }
  return out;
}

export { fixAllEdits } from '../../main/common/fix-all';

/**
 * Segment numbers of offsets, as the gutter shows them: a segment is a paragraph of the side's text
 * (text files; tables and segmented formats lay one segment out per paragraph), numbered from 1.
 */
export const segmentNumbering = paragraphNumbering;
