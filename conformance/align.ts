/**
 * Sentence alignment against the Bleualign German–French gold (align-defr-dev), scored like vecalign's
 * score.py (after Sennrich & Volk 2011): strict = a link equals a gold link; lax = it overlaps a gold
 * link on both sides. Precision is over the output's links; recall is the same computation with the
 * roles swapped after dropping links with an empty side on both; F1 from those.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AlignmentLink } from '../main/contract/review.js';
import { alignSentenceLists } from '../main/common/align/index.js';
import { evalData, type PartResult } from './eval-data.js';


const TARGET_STRICT_F1 = 0.85;

export interface AlignScore {
  precisionStrict: number;
  recallStrict: number;
  f1Strict: number;
  precisionLax: number;
  recallLax: number;
  f1Lax: number;
}

/** Parse "[1, 2]:[3]" lines. */
export function parseLinks(text: string): AlignmentLink[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const [s, t] = l.split(':') as [string, string];
      const ids = (x: string) => (JSON.parse(x) as number[]);
      return { source: ids(s), target: ids(t) };
    });
}

const key = (l: AlignmentLink) => `${l.source.join(',')}:${l.target.join(',')}`;

/** [strict true positives, strict false positives, lax true positives, lax false positives] of `test` against `gold`. */
function counts(gold: AlignmentLink[], test: AlignmentLink[]): [number, number, number, number] {
  const goldKeys = new Set(gold.filter((l) => l.source.length || l.target.length).map(key));
  const srcToGoldTgt = new Map<number, Set<number>>();
  for (const g of gold) for (const s of g.source) for (const t of g.target) (srcToGoldTgt.get(s) ?? srcToGoldTgt.set(s, new Set()).get(s)!).add(t);
  let tpS = 0, fpS = 0, tpL = 0, fpL = 0;
  const seen = new Set<string>();
  for (const l of test) {
    const k = key(l);
    if ((!l.source.length && !l.target.length) || seen.has(k)) continue;
    seen.add(k);
    if (goldKeys.has(k)) {
      tpS++;
      tpL++;
    } else {
      fpS++;
      const reach = new Set<number>();
      for (const s of l.source) for (const t of srcToGoldTgt.get(s) ?? []) reach.add(t);
      if (l.target.some((t) => reach.has(t))) tpL++;
      else fpL++;
    }
  }
  return [tpS, fpS, tpL, fpL];
}

export function scoreAlignment(gold: AlignmentLink[], test: AlignmentLink[]): AlignScore {
  const p = counts(gold, test);
  const full = (ls: AlignmentLink[]) => ls.filter((l) => l.source.length && l.target.length);
  const r = counts(full(test), full(gold));
  const div = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const f = (x: number, y: number) => (x + y === 0 ? 0 : (2 * x * y) / (x + y));
  const precisionStrict = div(p[0], p[0] + p[1]);
  const precisionLax = div(p[2], p[2] + p[3]);
  const recallStrict = div(r[0], r[0] + r[1]);
  const recallLax = div(r[2], r[2] + r[3]);
  return { precisionStrict, recallStrict, f1Strict: f(precisionStrict, recallStrict), precisionLax, recallLax, f1Lax: f(precisionLax, recallLax) };
}

/** The naive baseline: sentence k with sentence k, the longer side's rest left unaligned. */
export function diagonal(n: number, m: number): AlignmentLink[] {
  const out: AlignmentLink[] = [];
  for (let k = 0; k < Math.max(n, m); k++) out.push({ source: k < n ? [k] : [], target: k < m ? [k] : [] });
  return out;
}

export function loadDevSet(dir: string): { de: string[]; fr: string[]; gold: AlignmentLink[] } {
  const lines = (f: string) => readFileSync(join(dir, f), 'utf8').replace(/\n$/, '').split('\n');
  return { de: lines('dev.de'), fr: lines('dev.fr'), gold: parseLinks(readFileSync(join(dir, 'dev.defr'), 'utf8')) };
}

function print(name: string, s: AlignScore): void {
  const f = (x: number) => x.toFixed(3);
  console.log(`  ${name.padEnd(22)} strict P ${f(s.precisionStrict)} R ${f(s.recallStrict)} F1 ${f(s.f1Strict)}   lax P ${f(s.precisionLax)} R ${f(s.recallLax)} F1 ${f(s.f1Lax)}`);
}

export async function run(): Promise<PartResult> {
  const dir = evalData('align-defr-dev');
  if (!dir) return { ran: false, passed: false };
  const { de, fr, gold } = loadDevSet(dir);
  const t0 = performance.now();
  const links = alignSentenceLists(de, fr, { sourceLang: 'de', targetLang: 'fr' });
  const ms = performance.now() - t0;
  const ours = scoreAlignment(gold, links);
  console.log(`  ${de.length} German and ${fr.length} French sentences, ${gold.length} gold links; aligned in ${ms.toFixed(0)} ms`);
  print('Calque', ours);
  print('baseline: diagonal 1–1', scoreAlignment(gold, diagonal(de.length, fr.length)));
  const passed = ours.f1Strict >= TARGET_STRICT_F1;
  console.log(`  target strict F1 ≥ ${TARGET_STRICT_F1}: ${passed ? 'met' : 'missed'}`);
  return { ran: true, passed };
}
