/**
 * chrF parity with sacrebleu 2.x: every expected value of sacrebleu's own test file
 * (github.com/mjpost/sacrebleu, test/test_chrf.py, tolerance 1e-4 as there), with the same options
 * each of its test functions passes. These cases are sacrebleu's, quoted as reference data.
 * Also prints the chrF2 (sacrebleu defaults) of the mlqe-pe dev sets, mt against pe, for the record.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { corpusChrf, sentenceChrf, type ChrfOptions } from '../main/common/metrics/chrf.js';
// Type only: see conformance/ter.ts (a value import of run.ts from a part deadlocks the runner).
import type { PartResult } from './eval-data.js';

interface Case {
  hyps: string[];
  refs: string[];
  expected: number;
}

const EPSILON = 1e-4;

/** test_chrf.py `test_cases`: corpus_chrf(char_order=6, word_order=0, beta=3, eps_smoothing=True). */
const EPS_CASES: Case[] = [
  { hyps: ['abcdefg'], refs: ['hijklmnop'], expected: 0.0 },
  { hyps: ['a'], refs: ['b'], expected: 0.0 },
  { hyps: [''], refs: ['b'], expected: 0.0 },
  { hyps: [''], refs: ['ref'], expected: 0.0 },
  { hyps: [''], refs: ['reference'], expected: 0.0 },
  { hyps: ['aa'], refs: ['ab'], expected: 8.3333 },
  { hyps: ['a', 'b'], refs: ['a', 'c'], expected: 8.3333 },
  { hyps: ['a'], refs: ['a'], expected: 16.6667 },
  { hyps: ['a b c'], refs: ['a b c'], expected: 50.0 },
  { hyps: ['a b c'], refs: ['abc'], expected: 50.0 },
  {
    hyps: [' risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists .'],
    refs: ['risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists .'],
    expected: 63.36173,
  },
  {
    hyps: [' Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. '],
    refs: ['Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.'],
    expected: 64.1302698,
  },
  { hyps: ['Niemand hat die Absicht, eine Mauer zu errichten'], refs: ['Niemand hat die Absicht, eine Mauer zu errichten'], expected: 100.0 },
];

/** `test_cases_effective_order`: beta=3, eps_smoothing=False (sacrebleu's default smoothing). */
const EFFECTIVE_ORDER_CASES: Case[] = [
  { hyps: ['a'], refs: ['a'], expected: 100.0 },
  { hyps: [''], refs: ['reference'], expected: 0.0 },
  { hyps: ['a b c'], refs: ['a b c'], expected: 100.0 },
  { hyps: ['a b c'], refs: ['abc'], expected: 100.0 },
  { hyps: [''], refs: ['c'], expected: 0.0 },
  { hyps: ['a', 'b'], refs: ['a', 'c'], expected: 50.0 },
  { hyps: ['aa'], refs: ['ab'], expected: 25.0 },
];

/** `test_cases_keep_whitespace`: beta=3, whitespace kept. */
const WHITESPACE_CASES: Case[] = [
  {
    hyps: ['Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich.'],
    refs: ['Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.'],
    expected: 67.3481606,
  },
  {
    hyps: ['risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists .'],
    refs: ['risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists .'],
    expected: 65.2414427,
  },
];

/** `test_sentence_level_chrf`: sentence_chrf(hyp, [ref], eps_smoothing=True), beta 2. */
const SENTENCE_CASES: Case[] = [
  {
    hyps: ['Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.'],
    refs: ['Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře.'],
    expected: 39.14078509,
  },
  {
    hyps: ['Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.'],
    refs: ['A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři.'],
    expected: 31.22557079,
  },
  {
    hyps: ['Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.'],
    refs: ['Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli.'],
    expected: 57.15704367,
  },
];

const GROUPS: { name: string; cases: Case[]; opts: ChrfOptions; sentence?: boolean }[] = [
  { name: 'test_chrf (beta 3, eps smoothing)', cases: EPS_CASES, opts: { beta: 3, epsSmoothing: true } },
  { name: 'test_chrf_eff_order (beta 3, effective order)', cases: EFFECTIVE_ORDER_CASES, opts: { beta: 3 } },
  { name: 'test_chrf_keep_whitespace (beta 3)', cases: WHITESPACE_CASES, opts: { beta: 3, whitespace: true } },
  { name: 'test_chrf_sentence_level (chrF2, eps smoothing)', cases: SENTENCE_CASES, opts: { epsSmoothing: true }, sentence: true },
];

function lines(path: string): string[] {
  const out = readFileSync(path, 'utf8').split('\n');
  if (out[out.length - 1] === '') out.pop();
  return out;
}

export async function run(): Promise<PartResult> {
  let passed = true;
  for (const g of GROUPS) {
    let equal = 0;
    const misses: string[] = [];
    for (const c of g.cases) {
      const ours = g.sentence ? sentenceChrf(c.hyps[0]!, c.refs[0]!, g.opts) : corpusChrf(c.hyps, c.refs, g.opts);
      if (Math.abs(ours - c.expected) < EPSILON) equal++;
      else misses.push(`    ${JSON.stringify(c.hyps).slice(0, 60)}: ours ${ours.toFixed(6)}, sacrebleu ${c.expected}`);
    }
    console.log(`  sacrebleu ${g.name}: ${equal}/${g.cases.length} match within ${EPSILON}`);
    for (const m of misses) console.log(m);
    if (misses.length) passed = false;
  }
  const root = process.env.CALQUE_EVAL_DIR ?? fileURLToPath(new URL('../../shared/eval/', import.meta.url));
  const mlqe = `${root.replace(/\/$/, '')}/mlqe-pe`;
  if (existsSync(mlqe)) {
    for (const name of ['en-de', 'en-zh']) {
      const mt = lines(`${mlqe}/${name}-dev/dev.mt`);
      const pe = lines(`${mlqe}/${name}-dev/dev.pe`);
      console.log(`  mlqe-pe ${name} dev, chrF2 of mt against pe (no published value; for the record): ${corpusChrf(mt, pe).toFixed(2)}`);
    }
  }
  return { ran: true, passed };
}
