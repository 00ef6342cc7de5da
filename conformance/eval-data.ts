/**
 * Where the reference data lives, for the runner and every part. A module of its own: run.ts awaits
 * main() at top level, so a part importing run.ts by value would wait on itself.
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
