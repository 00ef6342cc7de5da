/**
 * The checks on real machine translation (see realmt-data.ts for the corpora). Per rule:
 *  - TED zh→en: findings, span precision (a finding overlapping an expert MQM span of the same segment
 *    and side) and the expert spans it overlaps (span recall);
 *  - MLQE-PE ro→en, et→en: post-edit precision (a translation finding on a word the post-editor changed
 *    or holding a gap where they inserted one; a source finding — a number the MT lost — when the
 *    post-edit no longer has it), findings per 1,000 words, and the chance baseline (a span as wide
 *    placed anywhere in the same segment);
 *  - adjudicated precision from the stored blind judgements (conformance/judgements/realmt.jsonl;
 *    debatable counts half), with the findings not judged yet;
 *  - every fix offered, applied and re-checked: no new finding may appear on the fixed span.
 * Hints (severity "hint", outside the problem counts) are measured apart from the findings shown.
 * Aims (issue 9): adjudicated ≥ 0.9 overall and ≥ 0.8 per shown rule, post-edit ≥ 0.9 on both sets, span ≥ 0.5.
 */
import type { Finding } from '../main/contract/review.js';
import type { PartResult } from './eval-data.js';
import { chanceOnBad, onBad } from './realmt-data.js';
import { checkSegment, checkUnit, keyedFindings, readJudgements, realSegments, type KeyedFinding } from './realmt-findings.js';
import { applyFix, newFindingsOnFix } from './fix-safety.js';

const shown = (f: Finding) => f.severity !== 'hint';
const pct = (a: number, b: number) => (b ? (a / b).toFixed(2) : '  - ');
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

interface Row {
  n: number;
  hits: number;
  chance: number;
  spansHit?: number;
}

function table(title: string, rows: Map<string, Row>, cols: (r: Row) => string[], head: string[]): void {
  console.log(`  -- ${title}`);
  console.log(`  ${'rule'.padEnd(30)} ${head.map((h) => h.padStart(8)).join(' ')}`);
  for (const [rule, r] of [...rows].sort((a, b) => b[1].n - a[1].n)) console.log(`  ${rule.padEnd(30)} ${cols(r).map((c) => c.padStart(8)).join(' ')}`);
}

function bump(rows: Map<string, Row>, rule: string): Row {
  let r = rows.get(rule);
  if (!r) rows.set(rule, (r = { n: 0, hits: 0, chance: 0, spansHit: 0 }));
  return r;
}

/** Span precision and recall on the TED talks; returns the overall span precision of shown findings. */
function ted(found: KeyedFinding[]): number | null {
  const segs = new Map<string, KeyedFinding[]>();
  for (const k of found) if (k.segment.corpus === 'ted-zhen') segs.set(k.segment.id, [...(segs.get(k.segment.id) ?? []), k]);
  const all = realSegments(false).filter((s) => s.corpus === 'ted-zhen');
  if (!all.length) return null;
  const rows = new Map<string, Row>();
  const hintRows = new Map<string, Row>();
  let spans = 0;
  let spansHit = 0;
  let n = 0;
  let hits = 0;
  for (const seg of all) {
    const fs = segs.get(seg.id) ?? [];
    const expert = seg.ted!.spans;
    spans += expert.length;
    spansHit += expert.filter((s) => fs.some((k) => shown(k.finding) && k.finding.side === s.side && overlaps(k.finding, s))).length;
    for (const { finding: f } of fs) {
      const r = bump(shown(f) ? rows : hintRows, f.rule);
      r.n++;
      const hit = expert.some((s) => s.side === f.side && overlaps(f, s));
      if (hit) r.hits++;
      if (shown(f)) {
        n++;
        if (hit) hits++;
      }
    }
    for (const s of expert) {
      // A rule can report both (a hint and findings shown): each table counts the spans its own findings hit.
      const hitBy = fs.filter((k) => k.finding.side === s.side && overlaps(k.finding, s));
      for (const [table, of] of [[rows, hitBy.filter((k) => shown(k.finding))], [hintRows, hitBy.filter((k) => !shown(k.finding))]] as const) {
        for (const rule of new Set(of.map((k) => k.finding.rule))) table.get(rule)!.spansHit!++;
      }
    }
  }
  const cols = (r: Row) => [String(r.n), pct(r.hits, r.n), String(r.spansHit)];
  console.log(`  TED zh→en dev: ${all.length} segments (15 systems), ${spans} expert spans`);
  table('shown findings', rows, cols, ['findings', 'span P', 'spans']);
  if (hintRows.size) table('hints', hintRows, cols, ['findings', 'span P', 'spans']);
  console.log(`  overall (shown): ${n} findings, span precision ${pct(hits, n)}, span recall ${pct(spansHit, spans)} (${spansHit}/${spans})`);
  return n ? hits / n : 1;
}

/** Numbers written with a thousands dot or a decimal comma, and with a thousands comma or a decimal point. */
function numberStyles(texts: string[]): { source: number; english: number } {
  const count = (re: RegExp) => texts.reduce((n, t) => n + (t.match(re)?.length ?? 0), 0);
  return {
    source: count(/(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+|\d+,\d{1,2})(?![\d]|[.,]\d)/g),
    english: count(/(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+\.\d{1,2})(?![\d]|[.,]\d)/g),
  };
}

/** Post-edit precision on one MLQE-PE set; returns that of shown findings. */
function mlqe(corpus: 'mlqe-ro-en' | 'mlqe-et-en', found: KeyedFinding[]): number | null {
  const all = realSegments(false).filter((s) => s.corpus === corpus);
  if (!all.length) return null;
  const words = all.reduce((w, s) => w + s.mlqe!.tokens.length, 0);
  const rows = new Map<string, Row>();
  const hintRows = new Map<string, Row>();
  let n = 0;
  let hits = 0;
  let chance = 0;
  for (const { segment, finding: f } of found.filter((k) => k.segment.corpus === corpus)) {
    const seg = segment.mlqe!;
    let hit: boolean;
    let base: number;
    if (f.side === 'target') {
      hit = onBad(seg, f.start, f.end);
      base = chanceOnBad(seg, f.start, f.end);
    } else {
      // The post-editor agreed when their text no longer has the finding.
      hit = !checkSegment(segment, seg.postEdit).some((g) => g.rule === f.rule && g.side === 'source' && g.start === f.start);
      base = seg.badWord.some(Boolean) || seg.badGap.some(Boolean) ? 1 : 0;
    }
    const r = bump(shown(f) ? rows : hintRows, f.rule);
    r.n++;
    if (hit) r.hits++;
    r.chance += base;
    if (shown(f)) {
      n++;
      if (hit) hits++;
      chance += base;
    }
  }
  const cols = (r: Row) => [String(r.n), pct(r.hits, r.n), ((1000 * r.n) / words).toFixed(2), pct(r.chance, r.n)];
  console.log(`  ${corpus.replace('mlqe-', 'MLQE-PE ')}: ${all.length} lines, ${words} words`);
  table('shown findings', rows, cols, ['findings', 'PE P', 'per 1k w', 'chance']);
  if (hintRows.size) table('hints', hintRows, cols, ['findings', 'PE P', 'per 1k w', 'chance']);
  console.log(`  overall (shown): ${n} findings, post-edit precision ${pct(hits, n)}, ${((1000 * n) / words).toFixed(2)} per 1,000 words, chance ${pct(chance, n)}`);
  const style = numberStyles(all.map((s) => s.mlqe!.postEdit));
  // A trap of the metric: post-editors who leave every number as the source writes it agree with no number-format finding.
  console.log(`  the post-edits write ${style.source} numbers in the source's style (55.000, 3,8) and ${style.english} in English style (55,000, 3.8)`);
  const format = rows.get('qa.number-format');
  if (format && style.source > style.english) {
    console.log(`  without qa.number-format, which these post-editors never applied: post-edit precision ${pct(hits - format.hits, n - format.n)} (the aim is measured with it)`);
  }
  return n ? hits / n : 1;
}

/** Adjudicated precision per rule from the stored judgements; returns overall and the worst shown rule. */
function adjudicated(found: KeyedFinding[]): { overall: number; worst: number; judged: number } {
  const verdicts = readJudgements();
  const rows = new Map<string, { t: number; f: number; d: number; missing: number; hint: boolean }>();
  const unjudged: KeyedFinding[] = [];
  for (const k of found) {
    // A rule may report both: its hints (qa.dashes' house style) are rated apart from its findings shown.
    const row = shown(k.finding) ? k.finding.rule : `${k.finding.rule} (hint)`;
    let r = rows.get(row);
    if (!r) rows.set(row, (r = { t: 0, f: 0, d: 0, missing: 0, hint: !shown(k.finding) }));
    const v = verdicts.get(k.key);
    if (v === 'true') r.t++;
    else if (v === 'false') r.f++;
    else if (v === 'debatable') r.d++;
    else {
      r.missing++;
      unjudged.push(k);
    }
  }
  console.log(`  -- adjudicated precision (blind judgements in conformance/judgements/realmt.jsonl; debatable = ½)`);
  console.log(`  ${'rule'.padEnd(30)} ${['true', 'false', 'debat', 'prec', 'unjudged'].map((h) => h.padStart(8)).join(' ')}`);
  let t = 0;
  let fl = 0;
  let d = 0;
  let worst = 1;
  for (const [rule, r] of [...rows].sort()) {
    const judged = r.t + r.f + r.d;
    const p = judged ? (r.t + r.d / 2) / judged : NaN;
    if (!r.hint && judged) {
      t += r.t;
      fl += r.f;
      d += r.d;
      worst = Math.min(worst, p);
    }
    console.log(`  ${rule.padEnd(30)} ${[r.t, r.f, r.d, judged ? p.toFixed(2) : '-', r.missing].map((x) => String(x).padStart(8)).join(' ')}`);
  }
  const judged = t + fl + d;
  const overall = judged ? (t + d / 2) / judged : NaN;
  console.log(`  overall (shown rules): ${judged} judged, adjudicated precision ${judged ? overall.toFixed(3) : '-'}; ${unjudged.length} finding(s) without a judgement`);
  if (process.env.VERBOSE) for (const k of unjudged) console.log(`      unjudged ${k.key} ${k.finding.rule} “${k.finding.text}” ‖ ${k.segment.id}`);
  return { overall, worst, judged };
}

/** Applies every fix offered; a finding on the fixed span that was not there before is a failure. */
function fixSafety(found: KeyedFinding[]): number {
  let fixes = 0;
  const bad: string[] = [];
  const before = new Map<KeyedFinding['unit'], ReturnType<typeof checkUnit>>();
  for (const { segment, unit, inUnit: finding } of found) {
    if (!before.has(unit)) before.set(unit, checkUnit(unit));
    for (const fix of finding.fixes) {
      fixes++;
      const fixed = applyFix(unit.target, fix);
      const created = newFindingsOnFix(before.get(unit)!, checkUnit(unit, fixed.text), fixed);
      for (const g of created) bad.push(`${finding.rule} “${finding.text}” → “${fixed.text.slice(fixed.start, fixed.end)}”: new ${g.rule} “${g.text}” ‖ ${segment.id}`);
    }
  }
  console.log(`  -- fixes applied and re-checked: ${fixes} fix(es), ${bad.length} created a finding on the fixed span`);
  for (const b of bad.slice(0, 20)) console.log(`      ${b}`);
  return bad.length;
}

export async function run(): Promise<PartResult> {
  const segments = realSegments();
  if (!segments.length) return { ran: false, passed: false };
  const found = keyedFindings(segments);
  const span = ted(found);
  const ro = mlqe('mlqe-ro-en', found);
  const et = mlqe('mlqe-et-en', found);
  const adj = adjudicated(found);
  const created = fixSafety(found);
  const passed =
    (span === null || span >= 0.5) && (ro === null || ro >= 0.9) && (et === null || et >= 0.9) && adj.judged > 0 && adj.overall >= 0.9 && adj.worst >= 0.8 && created === 0;
  return { ran: true, passed };
}
