/**
 * `npm run conformance`: Calque's aligner, metrics, MQM scorer and checks measured against reference
 * data. Reference sets are read from ../shared/eval at run time (never copied into the repo); a part
 * whose data is absent says so and is skipped. Exit code 1 when a part that ran missed its target.
 *
 * Each part is a module exporting `run(): Promise<PartResult>` that prints its own numbers.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface PartResult {
  /** false when the data was absent (the part printed why). */
  ran: boolean;
  /** Whether the numbers met the part's target. */
  passed: boolean;
}

/** ../shared/eval, or CALQUE_EVAL_DIR. */
export const EVAL_DIR = process.env.CALQUE_EVAL_DIR ?? fileURLToPath(new URL('../../shared/eval/', import.meta.url));

/** The folder of one reference set, or null after printing why the part is skipped. */
export function evalData(name: string): string | null {
  const dir = `${EVAL_DIR.replace(/\/$/, '')}/${name}`;
  if (existsSync(dir)) return dir;
  console.log(`  skipped: ${dir} is absent (reference data lives in ../shared/eval, outside the repo)`);
  return null;
}

/** conformance/<name>.ts for each part, in this order. */
const PARTS = ['align', 'ter', 'chrf', 'mqm', 'checks'] as const;

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
