/**
 * `npm run stress`: the reliability suite. Each part repeats a fault or concurrency scenario with a
 * seed and prints what happened (tries, conflicts, losses); the aim is 0 losses. Exit code 1 when a
 * part lost anything. `npm run stress -- concurrency --seed 7` runs one part with a given seed.
 *
 * Each part is a module exporting `run(options): Promise<{ losses: number }>`.
 */

/** stress/<name>.ts for each part, in this order. */
const PARTS = ['concurrency'] as const;

export interface StressOptions {
  seed: number;
  /** Scale the number of tries (1 = the default run). */
  scale: number;
}

function parseArgs(argv: string[]): { wanted: string[]; options: StressOptions } {
  const wanted: string[] = [];
  const options: StressOptions = { seed: 1, scale: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--seed') options.seed = Number(argv[++i]);
    else if (a === '--scale') options.scale = Number(argv[++i]);
    else wanted.push(a);
  }
  return { wanted, options };
}

async function main(): Promise<number> {
  const { wanted, options } = parseArgs(process.argv.slice(2));
  let lossy = 0;
  console.log(`seed ${options.seed}`);
  for (const name of PARTS) {
    if (wanted.length && !wanted.includes(name)) continue;
    console.log(`\n== ${name} ==`);
    const mod = (await import(`./${name}.js`)) as { run: (o: StressOptions) => Promise<{ losses: number }> };
    const result = await mod.run(options);
    if (result.losses > 0) lossy++;
  }
  console.log(lossy ? `\n${lossy} part(s) lost data` : '\nno part lost anything');
  return lossy ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
