/**
 * `npm run conformance`: Calque's aligner, metrics, MQM scorer and checks measured against reference
 * data. Reference sets are read from ../shared/eval at run time (never copied into the repo); a part
 * whose data is absent says so and is skipped. Exit code 1 when a part that ran missed its target.
 *
 * Each part is a module exporting `run(): Promise<PartResult>` that prints its own numbers.
 */
import type { PartResult } from './eval-data.js';

export type { PartResult } from './eval-data.js';
export { EVAL_DIR, evalData } from './eval-data.js';

/** conformance/<name>.ts for each part, in this order. */
const PARTS = ['align', 'ter', 'chrf', 'mqm', 'checks', 'realmt', 'blind', 'format-fuzz'] as const;

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  let failed = 0;
  for (const name of PARTS) {
    if (wanted.length && !wanted.includes(name)) continue;
    console.log(`\n== ${name} ==`);
    let mod;
    try {
      mod = (await import(`./${name}.js`)) as { run: () => Promise<PartResult> };
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') {
        console.log('  not built yet');
        continue;
      }
      throw err;
    }
    const result = await mod.run();
    if (result.ran && !result.passed) failed++;
  }
  console.log(failed ? `\n${failed} part(s) missed their target` : '\nall parts that ran met their targets');
  return failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
