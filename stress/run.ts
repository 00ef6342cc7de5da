/**
 * `npm run stress [-- <part>…] [--seed N] [--tries N]`: the reliability suite. Each part repeats a
 * fault, concurrency or fuzz run from a seed and prints its counts (tries, crashes, hangs, …; the aim
 * is 0 of everything but tries). The same seed repeats the same run. Exit code 1 when a part counted a
 * failure.
 *
 * Each part is stress/<name>.ts exporting `run(opts: StressOptions): Promise<StressResult>`.
 */
import type { StressOptions, StressResult } from './types.js';

/** stress/<name>.ts for each part, in this order. */
const PARTS = ['concurrency', 'glossaries', 'api', 'serve', 'xliff'] as const;

function options(argv: string[]): { names: string[]; opts: StressOptions } {
  const names: string[] = [];
  const opts: StressOptions = { seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--seed' || a === '--tries') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${a} takes a whole number`);
      if (a === '--seed') opts.seed = n;
      else opts.tries = n;
    } else names.push(a);
  }
  return { names, opts };
}

async function main(): Promise<number> {
  const { names, opts } = options(process.argv.slice(2));
  for (const n of names) if (!(PARTS as readonly string[]).includes(n)) throw new Error(`no stress part ${n}; parts: ${PARTS.join(', ')}`);
  console.log(`stress, seed ${opts.seed}${opts.tries ? `, ${opts.tries} tries a part` : ''}`);
  let failed = 0;
  for (const name of PARTS) {
    if (names.length && !names.includes(name)) continue;
    console.log(`\n== ${name} ==`);
    const mod = (await import(`./${name}.js`)) as { run: (o: StressOptions) => Promise<StressResult | { losses: number }> };
    const t0 = performance.now();
    const got = await mod.run(opts);
    // The concurrency part prints its own table per scenario and answers with its losses.
    const result: StressResult = 'losses' in got ? { tries: 0, counts: { losses: got.losses }, failures: ['losses'] } : got;
    const counts = Object.entries(result.counts).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`  tries ${result.tries}, ${counts} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    for (const example of result.examples ?? []) console.log(`  e.g. ${example}`);
    if (Object.entries(result.counts).some(([k, v]) => result.failures.includes(k) && v > 0)) failed++;
  }
  console.log(failed ? `\n${failed} part(s) counted failures` : '\nno failures');
  return failed ? 1 : 0;
}

process.exitCode = await main();
