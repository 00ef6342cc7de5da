/**
 * Metrics benchmarks:
 *  1. TER (TERCOM rules, with shifts) over the 1,000 mlqe-pe en-de dev lines, against the same
 *     beam edit distance without the shift search (baseline "no shifts"); goal < 1 s in total.
 *  2. LiveMetrics.update per keystroke (sentence segments: the typed-in paragraph is re-split,
 *     re-aligned and its changed links re-scored) while typing in a generated 5,000-word article
 *     (10 % edited), median and 95th percentile, against recomputing every segment from scratch on each keystroke
 *     (baseline "full recompute": a new LiveMetrics per key); goal < 20 ms a key.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LiveMetrics } from '../main/common/metrics/live.js';
import { ter, terTokens } from '../main/common/metrics/ter.js';
import { generatePair } from './generate.js';

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
const ratio = (value: number, baseline: number) => `${(value / baseline).toFixed(2)}×`;
const row = (name: string, value: string, against: string) => console.log(`${name.padEnd(44)} ${value.padStart(12)}   ${against}`);
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? NaN;

function terBench(): void {
  console.log('\n== metrics: TER over mlqe-pe en-de dev ==');
  const root = process.env.CALQUE_EVAL_DIR ?? fileURLToPath(new URL('../../shared/eval/', import.meta.url));
  const dir = `${root.replace(/\/$/, '')}/mlqe-pe/en-de-dev`;
  if (!existsSync(dir)) {
    console.log(`  SKIPPED: TER needs the MLQE-PE reference lines, and ${dir} is absent (put shared/eval beside the clone, or set CALQUE_EVAL_DIR)`);
    return;
  }
  const read = (f: string) => readFileSync(`${dir}/${f}`, 'utf8').split('\n').slice(0, 1000).map(terTokens);
  const mt = read('dev.mt');
  const pe = read('dev.pe');
  const run = (shifts: boolean) => {
    const t0 = performance.now();
    let edits = 0;
    for (let i = 0; i < mt.length; i++) edits += ter(mt[i]!, pe[i]!, { shifts }).edits;
    return { ms: performance.now() - t0, edits };
  };
  run(true); // warm up the JIT
  const withShifts = run(true);
  const without = run(false);
  row('TER, 1,000 lines, TERCOM shifts', fmt(withShifts.ms), `goal 1,000 ms: ${ratio(withShifts.ms, 1000)} of it; ${withShifts.edits} edits`);
  row('baseline: no shifts (beam edit distance only)', fmt(without.ms), `shift search costs ${ratio(withShifts.ms, without.ms)} the baseline; ${without.edits} edits`);
}

function liveBench(): void {
  console.log('\n== metrics: live per-sentence-segment metrics, 5,000-word article ==');
  const pair = generatePair(5000, 0.1);
  let text = pair.edited;
  const live = new LiveMetrics(pair.baseline, 'en');
  live.update(text);
  // Type in the middle of the article, as an editor would.
  let at = text.indexOf('\n\n', Math.floor(text.length / 2)) - 1;
  const typed = 'the council said the river would rise again before the week was over ';
  const times: number[] = [];
  let now = 0;
  for (const ch of typed) {
    text = text.slice(0, at) + ch + text.slice(at);
    at++;
    now += 120;
    const t0 = performance.now();
    live.update(text, { start: at - 1, end: at });
    live.recordActivity(at, now);
    times.push(performance.now() - t0);
  }
  const full: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    new LiveMetrics(pair.baseline, 'en').update(text);
    full.push(performance.now() - t0);
  }
  const med = pct(times, 0.5);
  const p95 = pct(times, 0.95);
  const { totals, segments } = live.snapshot();
  row('LiveMetrics.update per keystroke, median', fmt(med), `goal 20 ms: ${ratio(med, 20)} of it`);
  row('LiveMetrics.update per keystroke, 95th pct.', fmt(p95), `goal 20 ms: ${ratio(p95, 20)} of it`);
  row('baseline: full recompute per keystroke, median', fmt(pct(full, 0.5)), `incremental is ${ratio(pct(full, 0.5), med)} faster`);
  console.log(`(article HTER ${totals.hter.score.toFixed(4)}, chrF2 ${totals.chrf.toFixed(2)}, ${totals.changedSegments} of ${segments.length} sentence segments changed, ${typed.length} keystrokes)`);
}

export async function bench(): Promise<void> {
  terBench();
  liveBench();
}
