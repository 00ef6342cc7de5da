/**
 * The blind corpora (tests/corpus/checks/holdout4.jsonl, holdout5.jsonl, holdout6.jsonl, holdout7.jsonl, holdout8.jsonl): 420 lines or more from French, German, Spanish,
 * Portuguese, Italian and Chinese into English, written by a helper who never saw the rules, labelled by
 * KIND of artifact (not by rule id), measured once at the end of a round of rule work.
 *
 * Each language's lines are checked as one article (one paragraph per line), as a reviewer would open
 * them, so project-level checks (consistency) see the whole text. A finding counts as right when its
 * span overlaps a labelled span on the same side, whatever its rule; recall is per labelled span. Hints
 * (shown outside the problem counts) are reported apart and do not count.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { countWords } from '../main/common/words.js';
import { runChecks } from '../main/core/checks/engine.js';
import type { Finding } from '../main/contract/review.js';
import type { PartResult } from './eval-data.js';

interface Label {
  kind: string;
  text: string;
  side?: 'source' | 'target';
}
interface Line {
  id: string;
  sourceLang: string;
  targetLang: string;
  source: string;
  target: string;
  expect: Label[];
}

/** The blind corpora kept in the repo once measured, and CALQUE_BLIND_FILE: a fresh one, measured from outside the repo. */
const corpora = (): { file: string; name: string }[] => [
  ...['holdout4', 'holdout5', 'holdout6', 'holdout7', 'holdout8'].map((n) => ({ file: fileURLToPath(new URL(`../tests/corpus/checks/${n}.jsonl`, import.meta.url)), name: n })),
  ...(process.env.CALQUE_BLIND_FILE ? [{ file: process.env.CALQUE_BLIND_FILE, name: 'fresh' }] : []),
];
/** Kinds no text check can be expected to see (they need meaning); reported, and recall is given without them too. */
const SEMANTIC = new Set(['mistranslation', 'omission']);

interface Placed {
  line: Line;
  srcAt: number;
  tgtAt: number;
}

/** One article per source language: the lines as paragraphs, with each line's offsets in the article. */
function articles(lines: Line[]): { lang: string; source: string; target: string; placed: Placed[] }[] {
  const byLang = new Map<string, Line[]>();
  for (const l of lines) byLang.set(l.sourceLang, [...(byLang.get(l.sourceLang) ?? []), l]);
  return [...byLang].map(([lang, ls]) => {
    let source = '';
    let target = '';
    const placed: Placed[] = [];
    for (const line of ls) {
      if (source) {
        source += '\n\n';
        target += '\n\n';
      }
      placed.push({ line, srcAt: source.length, tgtAt: target.length });
      source += line.source.normalize('NFC');
      target += line.target.normalize('NFC');
    }
    return { lang, source, target, placed };
  });
}

export async function run(): Promise<PartResult> {
  const results = [];
  for (const { file, name } of corpora()) {
    if (!existsSync(file)) console.log(`  skipped: ${file} is absent`);
    else results.push(measure(file, name));
  }
  return { ran: results.length > 0, passed: results.every((r) => r) };
}

/** Prints recall per kind and precision per rule on one corpus; true when it meets the aims. */
function measure(file: string, name: string): boolean {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Line);
  let tp = 0;
  let fp = 0;
  let hints = 0;
  let cleanWords = 0;
  let cleanFindings = 0;
  const kinds = new Map<string, { hit: number; all: number }>();
  const perRule = new Map<string, { right: number; wrong: number }>();
  const wrong: string[] = [];
  const missed: string[] = [];
  for (const art of articles(lines)) {
    const findings = runChecks({ source: art.source, target: art.target, sourceLang: art.lang, targetLang: 'en' });
    for (const { line, srcAt, tgtAt } of art.placed) {
      const tgtEnd = tgtAt + line.target.length;
      const srcEnd = srcAt + line.source.length;
      const mine = findings.filter((f) => (f.side === 'source' ? f.start >= srcAt && f.start < srcEnd : f.start >= tgtAt && f.start < tgtEnd));
      const spans = line.expect.map((e) => {
        const side = e.side ?? 'target';
        const at = (side === 'source' ? line.source : line.target).normalize('NFC').indexOf(e.text.normalize('NFC'));
        const base = side === 'source' ? srcAt : tgtAt;
        return { ...e, side, start: base + at, end: base + at + e.text.length, hit: false };
      });
      if (!line.expect.length) cleanWords += countWords(line.target, 'en');
      for (const f of mine) {
        if ((f.severity as string) === 'hint') {
          hints++;
          continue;
        }
        if (!line.expect.length) cleanFindings++;
        const over = spans.filter((s) => s.side === f.side && f.start < s.end && s.start < f.end);
        const r = perRule.get(f.rule) ?? (perRule.set(f.rule, { right: 0, wrong: 0 }), perRule.get(f.rule)!);
        if (over.length) {
          over.forEach((s) => (s.hit = true));
          tp++;
          r.right++;
        } else {
          fp++;
          r.wrong++;
          wrong.push(`${line.id} ${f.rule} «${f.text}» ${f.message.key} ${JSON.stringify(f.message.params ?? {})} ‖ ${describe(f, line)}`);
        }
      }
      for (const s of spans) {
        const k = kinds.get(s.kind) ?? (kinds.set(s.kind, { hit: 0, all: 0 }), kinds.get(s.kind)!);
        k.all++;
        if (s.hit) k.hit++;
        else missed.push(`${line.id} ${s.kind} «${s.text}»`);
      }
    }
  }
  console.log(`  -- ${name} (${lines.length} lines, six source languages; written blind, labelled by kind; measured once)`);
  console.log(`  ${'kind'.padEnd(28)} recall   found/labelled`);
  for (const [k, v] of [...kinds].sort()) console.log(`  ${k.padEnd(28)} ${(v.hit / v.all).toFixed(2).padStart(6)}   ${v.hit}/${v.all}${SEMANTIC.has(k) ? '  (needs meaning)' : ''}`);
  console.log(`  ${'rule'.padEnd(28)} precision  right/shown`);
  for (const [r, v] of [...perRule].sort()) console.log(`  ${r.padEnd(28)} ${(v.right / (v.right + v.wrong)).toFixed(2).padStart(9)}  ${v.right}/${v.right + v.wrong}`);
  const all = [...kinds.values()].reduce((a, v) => ({ hit: a.hit + v.hit, all: a.all + v.all }), { hit: 0, all: 0 });
  const form = [...kinds].filter(([k]) => !SEMANTIC.has(k)).reduce((a, [, v]) => ({ hit: a.hit + v.hit, all: a.all + v.all }), { hit: 0, all: 0 });
  const precision = tp / Math.max(1, tp + fp);
  const recall = all.hit / Math.max(1, all.all);
  const perK = (1000 * cleanFindings) / Math.max(1, cleanWords);
  console.log(`  precision ${precision.toFixed(3)} (${tp}/${tp + fp}); recall ${recall.toFixed(3)} (${all.hit}/${all.all}); without the kinds that need meaning ${(form.hit / Math.max(1, form.all)).toFixed(3)}`);
  console.log(`  clean lines: ${cleanFindings} finding(s) in ${cleanWords} words = ${perK.toFixed(2)} per 1,000 words; ${hints} hint(s) not counted`);
  if (process.env.VERBOSE) {
    for (const w of wrong) console.log(`    FP ${w}`);
    for (const m of missed) console.log(`    FN ${m}`);
  }
  return precision >= 0.9 && recall >= 0.8 && perK <= 2;
}

function describe(f: Finding, line: Line): string {
  return f.side === 'source' ? line.source : line.target;
}
