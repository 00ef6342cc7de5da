/**
 * Writes a stratified sample of Calque's findings on the real MT (realmt-findings.ts) for a blind judge:
 * at least 8 findings of every rule that fires (all of them when it fires less often), hints included,
 * then more in proportion to how often each rule fires, 150 or more in all. Each line is what a reviewer
 * sees — the segment's source and MT, the flagged span, the message and the suggested replacements — and
 * the finding's key, never the rule or how it works.
 *
 *   npx tsx conformance/realmt-sample.ts OUT.jsonl            the first sample
 *   npx tsx conformance/realmt-sample.ts OUT.jsonl --changed  findings with no stored judgement yet: all of them
 *                                                            when few, else a stratified sample (15 a rule, 180 in all)
 *
 * The judge answers one JSON line per finding: {"key": "...", "verdict": "true" | "false" | "debatable",
 * "note": "..."}; those lines go into conformance/judgements/realmt.jsonl.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { englishMessage, keyedFindings, readJudgements, realSegments, type KeyedFinding } from './realmt-findings.js';

const PER_RULE = 8;
const TOTAL = 150;

/** A fixed pseudo-random order (by key), so the same findings give the same sample. */
const order = (k: KeyedFinding) => createHash('sha1').update(`sample\u0000${k.key}`).digest('hex');

export function stratifiedSample(found: KeyedFinding[], total = TOTAL, perRule = PER_RULE): KeyedFinding[] {
  const byRule = new Map<string, KeyedFinding[]>();
  for (const k of found) byRule.set(k.finding.rule, [...(byRule.get(k.finding.rule) ?? []), k]);
  for (const list of byRule.values()) list.sort((a, b) => order(a).localeCompare(order(b)));
  const take = new Map([...byRule].map(([rule, list]) => [rule, Math.min(list.length, perRule)]));
  const taken = () => [...take.values()].reduce((a, b) => a + b, 0);
  // Fill up to the total in proportion to each rule's share of what is left.
  while (taken() < Math.min(total, found.length)) {
    let best = '';
    let bestGap = -Infinity;
    for (const [rule, list] of byRule) {
      const n = take.get(rule)!;
      if (n >= list.length) continue;
      const gap = list.length / found.length - n / Math.max(1, taken());
      if (gap > bestGap) [best, bestGap] = [rule, gap];
    }
    take.set(best, take.get(best)! + 1);
  }
  return [...byRule].flatMap(([rule, list]) => list.slice(0, take.get(rule)));
}

function record(k: KeyedFinding) {
  const { segment: s, finding: f } = k;
  const text = f.side === 'target' ? s.target : s.source;
  return {
    key: k.key,
    corpus: s.corpus,
    segment: s.id,
    source: s.source,
    mt: s.target,
    side: f.side === 'target' ? 'translation' : 'source',
    span: f.text,
    start: f.start,
    end: f.end,
    marked: `${text.slice(0, f.start)}⟦${text.slice(f.start, f.end)}⟧${text.slice(f.end)}`,
    message: englishMessage(f),
    suggestions: [...new Set(f.fixes.map((x) => x.edits.map((e) => e.text).join(' … ')))],
  };
}

async function main(): Promise<void> {
  const [out, ...flags] = process.argv.slice(2);
  if (!out) throw new Error('usage: realmt-sample.ts OUT.jsonl [--changed]');
  const found = keyedFindings(realSegments());
  const judged = readJudgements();
  const pool = flags.includes('--changed') ? found.filter((k) => !judged.has(k.key)) : found;
  const sample = flags.includes('--changed') && pool.length <= 180 ? pool : flags.includes('--changed') ? stratifiedSample(pool, 180, 15) : stratifiedSample(pool);
  // Shuffled across rules, so neighbouring lines do not give a rule away.
  sample.sort((a, b) => order(a).localeCompare(order(b)));
  writeFileSync(out, sample.map((k) => JSON.stringify(record(k))).join('\n') + '\n');
  const rules = new Map<string, number>();
  for (const k of sample) rules.set(k.finding.rule, (rules.get(k.finding.rule) ?? 0) + 1);
  console.log(`${sample.length} findings of ${found.length} written to ${out}`);
  for (const [rule, n] of [...rules].sort()) console.log(`  ${rule}: ${n}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
