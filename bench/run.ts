/**
 * `npm run bench`: numbers, and ratios against named baselines.
 *  1. core: word diff of a 200,000-word pair (Calque's per-paragraph diff) against jsdiff's whole-document
 *     diffWords on a 20,000-word pair (the approach DESIGN.md measured and rejected);
 *  2. a folder of 1,000 articles; 3. the parts in their own modules (below), the browser last.
 */
import { diffWords } from 'diff';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wordDiff } from '../main/common/word-diff.js';
import { CalqueService } from '../main/core/service.js';
import { against, BASELINE_NAME, measured, record } from './baseline.js';
import { generatePair } from './generate.js';
import { realEditPair, realPair, realTextMissing } from './real-text.js';

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
const ratio = (value: number, baseline: number) => `${(value / baseline).toFixed(2)}×`;

function row(name: string, value: string, against: string): void {
  console.log(`${name.padEnd(44)} ${value.padStart(12)}   ${against}`);
}

function timeIt<T>(fn: () => T): { ms: number; result: T } {
  const t0 = performance.now();
  const result = fn();
  return { ms: performance.now() - t0, result };
}

function coreBench(): void {
  console.log('\n== core: word diff ==');
  const real = realEditPair(200_000);
  if (!real) console.log(`  NOTE: real MT/post-edit text unavailable, using generated text (not comparable): ${realTextMissing()}`);
  const big = real ?? ((g) => ({ baseline: g.baseline, edited: g.edited, words: g.words }))(generatePair(200_000, 0.1));
  wordDiff(big.baseline.slice(0, 20_000), big.edited.slice(0, 20_000), 'en'); // warm up the JIT
  const ours = timeIt(() => wordDiff(big.baseline, big.edited, 'en'));
  // The fair baseline: jsdiff's diffWords paragraph by paragraph (a whole-document diffWords is quadratic).
  const bp = big.baseline.split('\n\n');
  const ep = big.edited.split('\n\n');
  const perParagraph = timeIt(() => bp.map((p, k) => diffWords(p, ep[k] ?? '')).length);
  row(`wordDiff, ${big.words.toLocaleString('en')} words${real ? ', MLQE-PE MT → post-edit' : ''}`, fmt(ours.ms), `${ours.result.stats.changed} words changed; ${against('diff.200k-ms', record('diff.200k-ms', ours.ms))}`);
  row('baseline: jsdiff diffWords per paragraph', fmt(perParagraph.ms), `Calque is ${ratio(perParagraph.ms, ours.ms)} faster on the same pair`);
}

/**
 * Opening a folder of 1,000 articles (real text): scan, pair, read and count every file, diff the
 * reviewed ones; then, with the background problem counts on as the UI hosts run them, the time until
 * every article has its count (projected when it would take longer than CALQUE_BENCH_MAX_S).
 */
async function projectBench(): Promise<void> {
  console.log('\n== core: a folder of 1,000 articles ==');
  const root = mkdtempSync(join(tmpdir(), 'calque-bench-project-'));
  const maxMs = Number(process.env.CALQUE_BENCH_MAX_S ?? 120) * 1000;
  try {
    mkdirSync(join(root, '.calque', 'baselines'), { recursive: true });
    let from = 'pt';
    for (let i = 0; i < 1000; i++) {
      const real = realPair(800, i + 1);
      const pair = generatePair(800, 0.1, 100, i + 1);
      from = real ? 'ro' : 'pt';
      writeFileSync(join(root, `story${i}.${from}.txt`), real?.source ?? pair.source);
      writeFileSync(join(root, `story${i}.en.txt`), real?.target ?? pair.edited);
      // Half of them were opened before: their list row diffs against the baseline.
      if (i % 2 === 0) writeFileSync(join(root, '.calque', 'baselines', `story${i}.txt`), real?.target.replace(/\bthe\b/, 'a') ?? pair.baseline);
    }
    writeFileSync(join(root, '.calque', 'project.json'), JSON.stringify({ formatVersion: 1, pairs: [{ source: from, target: 'en' }] }));
    const service = new CalqueService({ root, host: { kind: 'cli' }, backgroundChecks: true });
    let counted = 0;
    service.on((name) => {
      if (name === 'articleUpdated') counted++;
    });
    const t0 = performance.now();
    const info = await service.openProject({});
    const ms = performance.now() - t0;
    row('open project, 1,000 articles × 800 words', fmt(ms), `${info.articles.length} rows; goal 2,000 ms; ${against('project.open-ms', record('project.open-ms', ms))}`);
    while (counted < info.articles.length && performance.now() - t0 < maxMs) await new Promise((r) => setTimeout(r, 50));
    const countMs = performance.now() - t0;
    service.dispose();
    if (counted < info.articles.length) {
      const projected = (countMs / Math.max(1, counted)) * info.articles.length;
      row('  background problem counts, all articles', 'unfinished', `${counted} counted in ${fmt(countMs)}: projected ${(projected / 1000).toFixed(0)} s; ${against('project.counts-ms', record('project.counts-projected-ms', projected))}`);
    } else row('  background problem counts, all articles', fmt(countMs), `from opening; ${against('project.counts-ms', record('project.counts-ms', countMs))}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Benchmarks of later parts live in their own modules exporting `bench(): Promise<void>`:
 * bench/align.ts, bench/metrics.ts, bench/checks.ts, bench/saves.ts, bench/glossary.ts, bench/po.ts, bench/web-formats.ts,
 * bench/xliff.ts, bench/docx.ts, bench/responsive.ts, bench/silence.ts, bench/browser.ts (last: it needs the machine to itself).
 * `npm run bench -- align checks` runs only those.
 */
const EXTRA = ['align', 'metrics', 'checks', 'saves', 'glossary', 'po', 'web-formats', 'xliff', 'docx', 'responsive', 'silence', 'browser'] as const;
const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

if (want('diff')) coreBench();
if (want('project')) await projectBench();
for (const name of EXTRA) {
  if (!want(name)) continue;
  const mod = (await import(`./${name}.js`).catch((err) => {
    if ((err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return null;
    throw err;
  })) as { bench: () => Promise<void> } | null;
  if (mod) await mod.bench();
}
console.log(`\nRatios are against the named baseline "${BASELINE_NAME}" (bench/baseline.json). This run's figures:`);
console.log(JSON.stringify(measured));
