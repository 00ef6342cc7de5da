/**
 * The check engine against our labelled corpus (tests/corpus/checks/*.jsonl, our own sentences): each
 * line's findings are matched to its expectations by rule and overlapping span. Prints precision and
 * recall per rule and overall, and findings per 1,000 words on the clean lines. Target: precision ≥ 0.9,
 * recall ≥ 0.8. The QA helper's qa-*.jsonl files are measured by its own part, not here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { countWords } from '../main/common/words.js';
import { runChecks } from '../main/core/checks/engine.js';
import type { PartResult } from './eval-data.js';

interface CorpusLine {
  source: string;
  target: string;
  from?: string;
  expect: { rule: string; text: string }[];
}

const CORPUS = ['pt-en', 'es-en', 'en-clean'] as const;
const corpusDir = fileURLToPath(new URL('../tests/corpus/checks/', import.meta.url));

export function readCorpus(name: string): CorpusLine[] {
  return readFileSync(`${corpusDir}${name}.jsonl`, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusLine);
}

/** Only the rules this part owns (the QA checks are scored by their own corpus). */
const ours = (rule: string) => !rule.startsWith('qa.');

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  falsePositives: string[];
  misses: string[];
  cleanWords: number;
  cleanFindings: number;
}

export function scoreCorpus(): { perRule: Map<string, Score>; total: Score } {
  const perRule = new Map<string, Score>();
  const blank = (): Score => ({ tp: 0, fp: 0, fn: 0, falsePositives: [], misses: [], cleanWords: 0, cleanFindings: 0 });
  const total = blank();
  const get = (r: string) => perRule.get(r) ?? (perRule.set(r, blank()), perRule.get(r)!);
  for (const name of CORPUS) {
    for (const line of readCorpus(name)) {
      const from = line.from ?? name.split('-')[0]!;
      const findings = runChecks({ source: line.source, target: line.target, sourceLang: from, targetLang: 'en' }).filter((f) => ours(f.rule));
      const spans = line.expect.map((e) => {
        const start = line.target.indexOf(e.text);
        return { ...e, start, end: start + e.text.length, hit: false };
      });
      if (!line.expect.length) {
        total.cleanWords += countWords(line.target, 'en');
        total.cleanFindings += findings.length;
      }
      for (const f of findings) {
        const m = spans.find((s) => !s.hit && s.rule === f.rule && f.start < s.end && s.start < f.end);
        if (m) {
          m.hit = true;
          get(f.rule).tp++;
          total.tp++;
        } else {
          get(f.rule).fp++;
          get(f.rule).falsePositives.push(`${f.text} ‖ ${line.target}`);
          total.fp++;
        }
      }
      for (const s of spans.filter((x) => !x.hit)) {
        get(s.rule).fn++;
        get(s.rule).misses.push(`${s.text} ‖ ${line.target}`);
        total.fn++;
      }
    }
  }
  return { perRule, total };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export async function run(): Promise<PartResult> {
  const { perRule, total } = scoreCorpus();
  console.log(`  ${'rule'.padEnd(30)} ${'prec'.padStart(6)} ${'recall'.padStart(6)}   tp  fp  fn`);
  for (const [rule, s] of [...perRule].sort()) {
    console.log(`  ${rule.padEnd(30)} ${ratio(s.tp, s.tp + s.fp).toFixed(2).padStart(6)} ${ratio(s.tp, s.tp + s.fn).toFixed(2).padStart(6)}  ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}`);
    if (process.env.VERBOSE) for (const x of [...s.falsePositives.map((f) => `FP ${f}`), ...s.misses.map((m) => `FN ${m}`)]) console.log(`      ${x}`);
  }
  const precision = ratio(total.tp, total.tp + total.fp);
  const recall = ratio(total.tp, total.tp + total.fn);
  const perK = (1000 * total.cleanFindings) / Math.max(1, total.cleanWords);
  console.log(`  overall: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (targets 0.9 / 0.8)`);
  console.log(`  clean lines: ${total.cleanFindings} finding(s) in ${total.cleanWords} words = ${perK.toFixed(2)} per 1,000 words`);
  return { ran: true, passed: precision >= 0.9 && recall >= 0.8 };
}
