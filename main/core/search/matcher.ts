import { Worker } from 'node:worker_threads';
import { CalqueError } from '../../contract/api.js';

/**
 * Runs a search's regular expression off the host's thread with a time limit. JavaScript cannot stop a
 * regular expression that backtracks catastrophically ("(a+)+$" on a long line) from inside; a worker
 * thread can be terminated. The worker is a few lines of plain JS (no bundle entry needed), kept alive
 * across the batches of one search.
 */

/** One match: the text's index in its batch, offset and length (UTF-16 units). */
export type RawMatch = [text: number, index: number, length: number];

const WORKER_CODE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ source, flags, texts, limit }) => {
  const re = new RegExp(source, flags);
  const out = [];
  for (let t = 0; t < texts.length && out.length < limit; t++) {
    re.lastIndex = 0;
    for (let m = re.exec(texts[t]); m && out.length < limit; m = re.exec(texts[t])) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      out.push([t, m.index, m[0].length]);
    }
  }
  parentPort.postMessage(out);
});
`;

export class TimedMatcher {
  private worker: Worker | null = null;

  constructor(
    private readonly source: string,
    private readonly flags: string,
    /** Longest a batch may take before the pattern is declared too slow. */
    private readonly limitMs = 5000,
  ) {}

  /** Matches in `texts`, at most `limit`; CalqueError('patternTooSlow') past the time limit. */
  run(texts: readonly string[], limit: number): Promise<RawMatch[]> {
    const worker = (this.worker ??= new Worker(WORKER_CODE, { eval: true }));
    return new Promise<RawMatch[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        void this.close();
        reject(new CalqueError('patternTooSlow', { seconds: Math.round(this.limitMs / 1000) }));
      }, this.limitMs);
      const onMessage = (m: RawMatch[]) => {
        cleanup();
        resolve(m);
      };
      const onError = (e: Error) => {
        cleanup();
        void this.close();
        reject(e);
      };
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ source: this.source, flags: this.flags, texts, limit });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
