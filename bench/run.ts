/**
 * `npm run bench`: numbers, and ratios against named baselines.
 *  1. core: word diff of a 200,000-word pair (Calque's per-paragraph diff) against jsdiff's whole-document
 *     diffWords on a 20,000-word pair (the approach DESIGN.md measured and rejected);
 *  2. the browser: a generated 200,000-word pair served by the real `calque serve`, in Chromium: time to
 *     the review view and to the diff, save time, server and page memory, keystroke-to-paint latency,
 *     each against the goal the foundation issue set (shown within 1.5 s, typing under 16 ms a key).
 */
import { chromium } from '@playwright/test';
import { diffWords } from 'diff';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wordDiff } from '../main/common/word-diff.js';
import { CalqueService } from '../main/core/service.js';
import { against, BASELINE_NAME, measured, record } from './baseline.js';
import { generatePair } from './generate.js';
import { realEditPair, realPair, realTextMissing } from './real-text.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
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

async function memoryOf(pid: number): Promise<number> {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function browserBench(): Promise<void> {
  console.log('\n== browser: a 200,000-word article in `calque serve` ==');
  const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const root = mkdtempSync(join(tmpdir(), 'calque-bench-'));
  const pair = generatePair(200_000, 0.1);
  writeFileSync(join(root, 'book.pt.txt'), pair.source);
  writeFileSync(join(root, 'book.en.txt'), pair.edited);
  mkdirSync(join(root, '.calque', 'baselines'), { recursive: true });
  writeFileSync(join(root, '.calque', 'baselines', 'book.txt'), pair.baseline);
  writeFileSync(join(root, '.calque', 'project.json'), JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }));

  const child = spawn(process.execPath, [join(repo, 'bin/calque.mjs'), 'serve', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /at (http:\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (c) => reject(new Error(`calque serve exited ${c}`)));
  });
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    await page.goto(url);
    await page.getByRole('button', { name: 'Open book.txt' }).waitFor();

    let t0 = performance.now();
    await page.getByRole('button', { name: 'Open book.txt' }).click();
    await page.locator('.monaco-editor .view-line').first().waitFor();
    await page.locator('.source-pane p').first().waitFor();
    const shown = performance.now() - t0;

    t0 = performance.now();
    await page.getByRole('button', { name: 'Changes', exact: true }).click();
    await page.locator('.monaco-diff-editor .word-inserted, .monaco-diff-editor .word-replaced').first().waitFor({ timeout: 60_000 });
    const diffShown = performance.now() - t0;
    await page.getByRole('button', { name: 'Review', exact: true }).click();

    // Keystroke to paint: from the key event to the end of the frame that paints it (a task queued from
    // the next animation frame runs after that frame's rendering), measured inside the page; and the
    // main-thread work per key from the Event Timing API (keydown + keypress + input handlers).
    // Typing is measured once the work of opening has settled: the first full check of the book (in the
    // server) and the first metrics (in a worker) share this machine's two cores with the page.
    await page.locator('.metrics-bar').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: /Problems \([1-9]/ }).waitFor({ timeout: 60_000 });
    const editor = page.getByRole('textbox', { name: /Translation/ });
    await editor.focus();
    await page.keyboard.press('Control+End');
    await page.evaluate(() => {
      const w = window as unknown as { __lat: number[]; __work: Map<number, number> };
      w.__lat = [];
      w.__work = new Map();
      window.addEventListener(
        'keydown',
        (e) => {
          const start = e.timeStamp;
          requestAnimationFrame(() => setTimeout(() => w.__lat.push(performance.now() - start), 0));
        },
        true,
      );
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as PerformanceEventTiming[]) {
          if (!['keydown', 'keypress', 'input', 'beforeinput', 'keyup'].includes(entry.name)) continue;
          const key = (entry as PerformanceEventTiming & { interactionId?: number }).interactionId || Math.round(entry.startTime);
          w.__work.set(key, (w.__work.get(key) ?? 0) + (entry.processingEnd - entry.processingStart));
        }
      }).observe({ type: 'event', durationThreshold: 0, buffered: false } as PerformanceObserverInit);
    });
    // Type words with a pause after each, as a person does: the pauses let the debounced check and
    // metrics requests fire, so keys typed after them meet that work (typing without pauses never did).
    for (const ch of 'the quick brown fox jumps over the lazy dog and keeps typing ') {
      await page.keyboard.type(ch);
      await page.waitForTimeout(ch === ' ' ? 900 : 60);
    }
    await page.waitForTimeout(500);
    const measured = await page.evaluate(() => {
      const w = window as unknown as { __lat: number[]; __work: Map<number, number> };
      return { lat: w.__lat, work: [...w.__work.values()] };
    });
    const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? NaN;
    const p50 = pct(measured.lat, 0.5);
    const p95 = pct(measured.lat, 0.95);
    const work50 = pct(measured.work, 0.5);
    const work95 = pct(measured.work, 0.95);

    t0 = performance.now();
    await page.keyboard.press('Control+S');
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    const saved = performance.now() - t0;

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = (await cdp.send('Performance.getMetrics')).metrics;
    const heap = (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20;
    const serverMb = await memoryOf(child.pid!);

    row('review view shown (click → text painted)', fmt(shown), `goal 1,500 ms: ${ratio(shown, 1500)} of it`);
    row('diff shown (Changes → word highlights)', fmt(diffShown), `goal 1,500 ms: ${ratio(diffShown, 1500)} of it`);
    row('keystroke to paint, median', fmt(p50), `goal 16 ms: ${ratio(p50, 16)} of it`);
    row('keystroke to paint, 95th percentile', fmt(p95), `goal 16 ms: ${ratio(p95, 16)} of it`);
    row('main-thread work per keystroke, median', fmt(work50), `goal 16 ms: ${ratio(work50, 16)} of it`);
    row('main-thread work per keystroke, 95th pct.', fmt(work95), `goal 16 ms: ${ratio(work95, 16)} of it`);
    row('save (Ctrl+S → saved)', fmt(saved), '');
    row('server memory (RSS)', `${serverMb.toFixed(0)} MB`, '');
    row('page memory (JS heap used)', `${heap.toFixed(0)} MB`, '');
    console.log('(Keystroke to paint includes waiting for the next frame: up to 16.7 ms at 60 Hz in headless Chromium.)');
  } catch (err) {
    const page = browser.contexts()[0]?.pages()[0];
    if (page) await page.screenshot({ path: join(tmpdir(), 'calque-bench-failure.png') });
    console.error(`bench failed; screenshot: ${join(tmpdir(), 'calque-bench-failure.png')}`);
    throw err;
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Benchmarks of later parts live in their own modules exporting `bench(): Promise<void>`:
 * bench/align.ts, bench/metrics.ts, bench/checks.ts, bench/saves.ts, bench/glossary.ts, bench/po.ts, bench/web-formats.ts. `npm run bench -- align checks` runs only those.
 */
const EXTRA = ['align', 'metrics', 'checks', 'saves', 'glossary', 'po', 'web-formats'] as const;
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
if (want('browser')) await browserBench();
console.log(`\nRatios are against the named baseline "${BASELINE_NAME}" (bench/baseline.json). This run's figures:`);
console.log(JSON.stringify(measured));
