/**
 * The check engine against our labelled corpus (tests/corpus/checks/*.jsonl, our own sentences): each
 * line's findings are matched to its expectations by rule and overlapping span. Prints precision and
 * recall per rule and overall, and findings per 1,000 words on the clean lines. Target: precision ≥ 0.9,
 * recall ≥ 0.8. The QA helper's qa-*.jsonl files are measured by its own part, not here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { countWords } from '../main/common/words.js';
import { runChecks } from '../main/core/checks/engine.js';
import type { PartResult } from './eval-data.js';

interface CorpusLine {
  source: string;
  target: string;
  from?: string;
  sourceLang?: string;
  targetLang?: string;
  expect: { rule: string; text: string; side?: 'source' | 'target' }[];
}

const corpusDir = fileURLToPath(new URL('../tests/corpus/checks/', import.meta.url));

/**
 * The corpora, and which rules each one labels:
 *  - development sets, written together with the rules: pt-en, es-en, en-clean label the rule packs'
 *    and MT checks; qa-pt-en, qa-es-en label the QA checks;
 *  - held-out sets (holdout-*), written by someone who never saw the rules, label every rule.
 */
export const CORPORA: Record<string, { files: string[]; labels: (rule: string) => boolean; note: string }> = {
  development: { files: ['pt-en', 'es-en', 'zh-en', 'fr-en', 'de-en', 'it-en', 'untranslated-any', 'en-clean', 'qa-pt-en', 'qa-es-en', 'qa-any'], labels: () => true, note: 'written together with the rules' },
  'held-out 1': {
    files: ['holdout-pt-en', 'holdout-es-en'],
    labels: () => true,
    note: 'written blind; first measured at P 0.828 R 0.793, then its misses guided a round of generalising the rules, so it is no longer blind',
  },
  'held-out 2': {
    files: ['holdout2-pt-en', 'holdout2-es-en'],
    labels: () => true,
    note: 'written blind after that round; first measured at P 0.896 R 0.824; only its per-rule figures guided the last round',
  },
  'held-out 3': { files: ['holdout3-pt-en', 'holdout3-es-en'], labels: () => true, note: 'written blind during the last round; measured once, never used for tuning' },
};
const isQa = (rule: string) => rule.startsWith('qa.');
/** A development file labels only its own family of rules. */
const familyOf = (file: string) => (file.startsWith('qa-') ? isQa : (rule: string) => !isQa(rule));

export function readCorpus(name: string): CorpusLine[] {
  if (!existsSync(`${corpusDir}${name}.jsonl`)) return [];
  return readFileSync(`${corpusDir}${name}.jsonl`, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusLine);
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  falsePositives: string[];
  misses: string[];
  cleanWords: number;
  cleanFindings: number;
}

export function scoreCorpus(set: keyof typeof CORPORA = 'development'): { perRule: Map<string, Score>; total: Score } {
  const perRule = new Map<string, Score>();
  const blank = (): Score => ({ tp: 0, fp: 0, fn: 0, falsePositives: [], misses: [], cleanWords: 0, cleanFindings: 0 });
  const total = blank();
  const get = (r: string) => perRule.get(r) ?? (perRule.set(r, blank()), perRule.get(r)!);
  for (const name of CORPORA[set]!.files) {
    const labelled = set === 'development' ? familyOf(name) : CORPORA[set]!.labels;
    for (const line of readCorpus(name)) {
      const from = line.sourceLang ?? line.from ?? name.replace(/^(qa-|holdout-)/, '').split('-')[0]!;
      const all = runChecks({ source: line.source, target: line.target, sourceLang: from, targetLang: line.targetLang ?? 'en' });
      const findings = all.filter((f) => labelled(f.rule));
      const spans = line.expect.map((e) => {
        // Labels without a side are in the translation, unless only the source has that text.
        const side = e.side ?? (!line.target.includes(e.text) && line.source.includes(e.text) ? 'source' : 'target');
        const start = (side === 'source' ? line.source : line.target).indexOf(e.text);
        return { ...e, side, start, end: start + e.text.length, hit: false };
      });
      if (!line.expect.length) {
        // Noise on clean professional text counts every rule's findings, labelled family or not.
        total.cleanWords += countWords(line.target, 'en');
        total.cleanFindings += all.length;
      }
      for (const f of findings) {
        const m = spans.find((s) => !s.hit && s.rule === f.rule && s.side === f.side && f.start < s.end && s.start < f.end);
        if (m) {
          m.hit = true;
          get(f.rule).tp++;
          total.tp++;
        } else if (!spans.some((s) => s.hit && s.rule === f.rule && s.side === f.side && f.start < s.end && s.start < f.end)) {
          get(f.rule).fp++;
          get(f.rule).falsePositives.push(`${f.text} ‖ ${f.side === 'source' ? line.source : line.target}`);
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

function print(set: keyof typeof CORPORA): { precision: number; recall: number } {
  const { perRule, total } = scoreCorpus(set);
  const lines = CORPORA[set]!.files.reduce((n, f) => n + readCorpus(f).length, 0);
  console.log(`  -- ${set} corpus (${lines} lines: ${CORPORA[set]!.files.join(', ')}): ${CORPORA[set]!.note}`);
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
  return { precision, recall };
}

export async function run(): Promise<PartResult> {
  const dev = print('development');
  print('held-out 1');
  print('held-out 2');
  const blind = print('held-out 3');
  // The blind set is the honest measure: the target applies to it (and to the development set).
  return { ran: true, passed: dev.precision >= 0.9 && dev.recall >= 0.8 && blind.precision >= 0.9 && blind.recall >= 0.8 };
}
