/**
 * The check engine's speed on realistic text (bench/real-text.ts: real English sentences with invented
 * names and rare words, and their real sources; the generated 40-word text only when ../shared is absent,
 * which it says):
 *  - the growth from 10,000 to 1,000,000 words, each size checked in a fresh process (its own caches and
 *    peak memory), with the growth exponent (goal ≤ 1.1) and 1M words under 10 s and 600 MB;
 *  - the set-up every `calque check` pays once (rule packs, dictionary);
 *  - `calque check --format json` as a whole process on 1M words and on 1,000 articles (bench/cli-check.ts);
 *  - 1,000 different articles of 800 words (goal 8 s);
 *  - the editor's per-keystroke update of a 5,000-word article (CheckSession), typing words with pauses
 *    in between, as the editor's debounce sees them (goal 20 ms); and the same typing as one edit per
 *    `checkArticle` request through the service (bench/keystroke-service.ts), in CPU time.
 * CALQUE_BENCH_MAX_S (default 120) skips a size whose time, projected linearly from the last, exceeds it.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CheckSession, runChecks } from '../main/core/checks/engine.js';
import { against, baselineFigure, BASELINE_NAME, record } from './baseline.js';
import { cliChecks } from './cli-check.js';
import { generatePair } from './generate.js';
import { serviceKeystrokes } from './keystroke-service.js';
import { realPair, realTextMissing } from './real-text.js';

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
const row = (name: string, value: string, goal: string, key?: string, v?: number) =>
  console.log(`${name.padEnd(50)} ${value.padStart(12)}   ${[goal, key && v !== undefined ? against(key, record(key, v)) : ''].filter(Boolean).join('; ')}`);
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;
const MAX_MS = Number(process.env.CALQUE_BENCH_MAX_S ?? 120) * 1000;

interface ChildResult {
  words: number;
  setupMs: number;
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  findings: number;
  fingerprint: string;
}

function checkInChild(words: number): ChildResult {
  const child = fileURLToPath(new URL('./check-child.ts', import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', child, String(words)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`check-child ${words} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as ChildResult;
}

function articlePair(words: number, seed: number) {
  const real = realPair(words, seed);
  if (real) return real;
  const g = generatePair(words, 0.1, 100, seed);
  return { source: g.source, target: g.edited, words: g.words, sourceLang: 'pt', targetLang: 'en' };
}

function growth(): void {
  const sizes = [10_000, 100_000, 1_000_000];
  const results: ChildResult[] = [];
  for (const words of sizes) {
    const last = results[results.length - 1];
    const projected = last ? (last.ms * words) / last.words : 0;
    if (projected > MAX_MS) {
      row(`full check, ${words.toLocaleString('en')} words`, 'skipped', `projected ${(projected / 1000).toFixed(0)} s > CALQUE_BENCH_MAX_S`);
      break;
    }
    const r = checkInChild(words);
    results.push(r);
    const k = `${words / 1000}k`;
    const goal = words === 1_000_000 ? `goal 10,000 ms: ${(r.ms / 10_000).toFixed(2)}×` : '';
    row(`full check, ${words.toLocaleString('en')} words`, fmt(r.ms), `cpu ${fmt(r.cpuMs)}; ${r.findings} findings, ${Math.round(r.words / (r.ms / 1000)).toLocaleString('en')} words/s${goal ? `; ${goal}` : ''}`, `checks.words-${k}-ms`, r.ms);
    row(`  cpu time of that check`, fmt(r.cpuMs), 'the machine is shared: compare cpu times', `checks.words-${k}-cpu-ms`, r.cpuMs);
    row(`  peak memory (RSS) of that process`, `${r.maxRssMb.toFixed(0)} MB`, words === 1_000_000 ? 'goal 600 MB' : '', `checks.words-${k}-rss-mb`, r.maxRssMb);
    // An optimisation must find exactly what the code before it found (compare two runs' fingerprints);
    // against an older baseline the rules themselves have changed, so a difference is information, not a failure.
    const before = baselineFigure(`checks.fingerprint-${k}`);
    const same = before === undefined ? 'no fingerprint in the baseline' : before === r.fingerprint ? `the same findings as ${BASELINE_NAME}` : `other findings than ${BASELINE_NAME} (${before}): its rules were older`;
    row(`  findings fingerprint`, r.fingerprint, same);
  }
  if (results[0]) row('set-up of the first check (packs, dictionary)', fmt(results[0].setupMs), 'paid once by every `calque check`', 'checks.setup-ms', results[0].setupMs);
  if (results.length >= 2) {
    const a = results[0]!;
    const b = results[results.length - 1]!;
    // On CPU time: wall time on a shared machine mostly measures the other engineers' load.
    const exponent = Math.log(b.cpuMs / a.cpuMs) / Math.log(b.words / a.words);
    row(`growth exponent (cpu time), ${a.words.toLocaleString('en')} → ${b.words.toLocaleString('en')} words`, exponent.toFixed(2), 'goal ≤ 1.1', 'checks.growth-exponent', exponent);
  }
}

export async function bench(): Promise<void> {
  console.log('\n== checks ==');
  const missing = realTextMissing();
  console.log(missing ? `  NOTE: real text unavailable, using the generated 40-word vocabulary (not comparable): ${missing}` : '  text: MLQE-PE ro-en/et-en post-edits with their sources, invented names and rare words');
  growth();
  cliChecks();
  runChecks({ source: 'a', target: 'b', sourceLang: 'ro', targetLang: 'en' }); // compile the packs once in this process

  const articles = Array.from({ length: 1000 }, (_, i) => articlePair(800, i + 1));
  let t0 = performance.now();
  let n = 0;
  let done = 0;
  for (const a of articles) {
    n += runChecks({ source: a.source, target: a.target, sourceLang: a.sourceLang, targetLang: a.targetLang }).length;
    done++;
    if (done === 20 && ((performance.now() - t0) / 20) * articles.length > MAX_MS) break;
  }
  const folderMs = performance.now() - t0;
  if (done < articles.length) {
    const projected = (folderMs / done) * articles.length;
    row('1,000 articles × 800 words', 'skipped', `the first ${done} took ${fmt(folderMs)}: projected ${(projected / 1000).toFixed(0)} s`, 'checks.articles-1000-projected-ms', projected);
  } else row('1,000 articles × 800 words', fmt(folderMs), `${n} findings; goal 8,000 ms: ${(folderMs / 8000).toFixed(2)}×`, 'checks.articles-1000-ms', folderMs);

  const article = articlePair(5000, 99);
  const keystrokes = (disabled: string[]) => {
    let text = article.target;
    const session = new CheckSession({ sourceLang: article.sourceLang, targetLang: article.targetLang, settings: { disabled } });
    session.update(article.source, text);
    while (session.pending) session.update(article.source, text);
    let at = Math.floor(text.length / 2);
    at = text.indexOf(' ', at) + 1;
    const times: number[] = [];
    let settleMs = 0;
    // Type words (some unknown to the dictionary) into the middle of the article, one character per
    // update; after each word the editor pauses: updates with the same text finish pending suggestions.
    for (const ch of 'the vrakolen council met quietly in Drimova yesterday ') {
      text = text.slice(0, at) + ch + text.slice(at);
      at++;
      t0 = performance.now();
      session.update(article.source, text);
      times.push(performance.now() - t0);
      if (ch === ' ') {
        t0 = performance.now();
        while (session.pending) session.update(article.source, text);
        settleMs += performance.now() - t0;
      }
    }
    return { times, text, settleMs };
  };
  const all = keystrokes([]);
  const noSpelling = keystrokes(['qa.spelling']);
  for (const [name, r, key] of [['all checks', all, 'all'], ['without qa.spelling', noSpelling, 'nospell']] as const) {
    row(`keystroke update, 5,000 words, ${name}, median`, fmt(pct(r.times, 0.5)), `goal 20 ms`, `checks.keystroke-${key}-p50-ms`, pct(r.times, 0.5));
    row(`keystroke update, 5,000 words, ${name}, p95`, fmt(pct(r.times, 0.95)), `goal 20 ms`, `checks.keystroke-${key}-p95-ms`, pct(r.times, 0.95));
  }
  row('pauses: updates finishing pending suggestions', fmt(all.settleMs), 'in all, over 8 pauses', 'checks.keystroke-settle-ms', all.settleMs);
  // The same typing as the editor sends it: one edit per request through the service (bench/keystroke-service.ts).
  const service = await serviceKeystrokes(article, 'the vrakolen council met quietly in Drimova yesterday ');
  row('keystroke check via the service, 5,000 words, cpu median', fmt(pct(service.cpuMs, 0.5)), `goal 20 ms; wall median ${fmt(pct(service.wallMs, 0.5))}`, 'checks.service-keystroke-cpu-p50-ms', pct(service.cpuMs, 0.5));
  row('keystroke check via the service, cpu p95', fmt(pct(service.cpuMs, 0.95)), `goal 20 ms; wall p95 ${fmt(pct(service.wallMs, 0.95))}`, 'checks.service-keystroke-cpu-p95-ms', pct(service.cpuMs, 0.95));
  row('  pauses finishing pending suggestions, cpu', fmt(service.settleCpuMs), `in all, over 8 pauses; ${service.findings} findings after typing`, 'checks.service-keystroke-settle-cpu-ms', service.settleCpuMs);
  t0 = performance.now();
  runChecks({ source: article.source, target: all.text, sourceLang: article.sourceLang, targetLang: article.targetLang });
  const full = performance.now() - t0;
  row('baseline: full runChecks of the same article', fmt(full), `the session's median is ${(full / pct(all.times, 0.5)).toFixed(1)}× faster`, 'checks.article-5k-full-ms', full);
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
