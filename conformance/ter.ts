/**
 * TER parity with TERCOM 0.10.0: TER(mt → pe) per line of the mlqe-pe dev sets against the published
 * HTER (dev.hter, 6 decimals; computed with TERCOM at its defaults, capped at 1: see the data README).
 */
import { readFileSync } from 'node:fs';
import { terScore, terDetail, terTokens } from '../main/common/metrics/ter.js';
// Type only: a value import of run.ts from a part deadlocks `tsx conformance/run.ts` (run.ts is the
import { evalData, type PartResult } from './eval-data.js';


const SETS = ['en-de', 'en-zh'] as const;
/** Lines that change when one setting differs from TERCOM's (the data README's counts): shows each setting matters. */
const README_VARIANTS: Record<(typeof SETS)[number], { uncapped: number; caseSensitive: number; noShifts: number }> = {
  'en-de': { uncapped: 0, caseSensitive: 25, noShifts: 80 },
  'en-zh': { uncapped: 8, caseSensitive: 0, noShifts: 114 },
};

function lines(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const out = text.split('\n');
  if (out[out.length - 1] === '') out.pop();
  return out;
}

export async function run(): Promise<PartResult> {
  const root = evalData('mlqe-pe');
  if (!root) return { ran: false, passed: false };
  let allEqual = true;
  for (const name of SETS) {
    const dir = `${root}/${name}-dev`;
    const mt = lines(`${dir}/dev.mt`);
    const pe = lines(`${dir}/dev.pe`);
    const hter = lines(`${dir}/dev.hter`);
    const mismatches: string[] = [];
    const t0 = performance.now();
    for (let i = 0; i < hter.length; i++) {
      const d = terDetail(terTokens(mt[i] ?? ''), terTokens(pe[i] ?? ''));
      const ours = terScore(d.edits, d.refLength).toFixed(6);
      if (ours !== hter[i]!.trim()) mismatches.push(`    line ${i + 1}: ours ${ours} (${d.edits}/${d.refLength}, ${d.shifts} shifts), published ${hter[i]}`);
    }
    const ms = performance.now() - t0;
    const equal = hter.length - mismatches.length;
    console.log(`  ${name}: ${equal}/${hter.length} lines equal at 6 decimals (${ms.toFixed(0)} ms)`);
    for (const m of mismatches.slice(0, 5)) console.log(m);

    const differ = (score: (hyp: string[], ref: string[]) => number) =>
      hter.filter((h, i) => score(terTokens(mt[i] ?? ''), terTokens(pe[i] ?? '')).toFixed(6) !== h.trim()).length;
    const variants = {
      uncapped: differ((h, r) => {
        const d = terDetail(h, r);
        return d.refLength ? d.edits / d.refLength : d.score;
      }),
      caseSensitive: differ((h, r) => terDetail(h, r, { caseSensitive: true }).score),
      noShifts: differ((h, r) => terDetail(h, r, { shifts: false }).score),
    };
    const want = README_VARIANTS[name];
    console.log(
      `    lines that change without the cap ${variants.uncapped} (README ${want.uncapped}), case-sensitive ${variants.caseSensitive} (${want.caseSensitive}), without shifts ${variants.noShifts} (${want.noShifts})`,
    );
    if (variants.uncapped !== want.uncapped || variants.caseSensitive !== want.caseSensitive || variants.noShifts !== want.noShifts) allEqual = false;
    if (mismatches.length || mt.length !== hter.length || pe.length !== hter.length) allEqual = false;
  }
  return { ran: true, passed: allEqual };
}
