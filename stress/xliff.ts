/**
 * Fuzzed XLIFF through the reader and writer (stress/xliff-fuzz.ts), in a worker with a watchdog: a
 * try that throws anything but a CalqueError, or that saves differently than it should, is a crash;
 * one that takes longer than HANG_MS is a hang (the worker is replaced).
 */
import { fileURLToPath } from 'node:url';
import { WatchdogWorker } from './watchdog-worker.js';
import { seededRandom } from './random.js';
import type { StressOptions, StressResult } from './types.js';
import { mutate, seeds, type Outcome } from './xliff-fuzz.js';

const HANG_MS = 5000;
const DEFAULT_TRIES = 10_000;

export async function run(opts: StressOptions): Promise<StressResult> {
  const r = seededRandom(opts.seed);
  const tries = opts.tries ?? DEFAULT_TRIES;
  const base = seeds();
  const counts = { ok: 0, refused: 0, crashes: 0, hangs: 0 };
  const examples: string[] = [];
  const runner = new WatchdogWorker<{ id: number; name: string; text: string }, Outcome>(fileURLToPath(new URL('./xliff-worker.ts', import.meta.url)), HANG_MS);
  try {
    for (let id = 0; id < tries; id++) {
      const seed = r.pick(base);
      const text = mutate(seed.text, r);
      const res = await runner.run({ id, name: seed.name, text });
      if (res.outcome === 'ok') counts.ok++;
      else if (res.outcome === 'refused') counts.refused++;
      else {
        if (res.outcome === 'hang') counts.hangs++;
        else counts.crashes++;
        if (examples.length < 5) examples.push(`try ${id} (${seed.name}, ${text.length} chars): ${res.outcome}: ${res.detail}`);
      }
    }
  } finally {
    runner.stop();
  }
  return { tries, counts, failures: ['crashes', 'hangs'], examples };
}
