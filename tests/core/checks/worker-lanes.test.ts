/**
 * The worker pool's queue (pool.ts): every job of an article goes to one worker, and a busy worker
 * takes the editor's check first, then the consistency context's alignment, then background counts.
 * A stand-in worker records the order it is given jobs in.
 */
import { describe, expect, it } from 'vitest';
import { CheckWorkerPool, type PoolJob } from '../../../main/core/checks/worker/pool.js';

// Busy for 30 ms per job (the first one holds the worker while the rest are queued), then answers.
const FAKE_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (job) => {
  const until = Date.now() + 30;
  while (Date.now() < until);
  parentPort.postMessage({ job: job.job, ok: true, findings: [{ order: job.articleId + ':' + job.mode }], alignment: { source: [], target: [], links: [] }, pending: false });
});`;

const job = (articleId: string, mode: PoolJob['mode'], seq: number): PoolJob => ({ seq, mode, articleId, sourceLang: 'pt', targetLang: 'en', settings: {}, ignores: [], projectId: 'p', sessionKey: 'k', source: 's', target: 't' });

describe('the check worker pool', () => {
  it("runs a busy worker's queue as: the editor's checks, then alignments, then background counts", async () => {
    const pool = new CheckWorkerPool(1, { code: FAKE_WORKER });
    const order: string[] = [];
    const done = (p: Promise<{ findings: unknown[] }>) => p.then((r) => order.push((r.findings[0] as { order: string }).order));
    const project = { glossary: [], wordList: [] };
    try {
      const all = [
        done(pool.run(job('a', 'full', 1), project)), // starts at once
        done(pool.run(job('b', 'full', 2), project)),
        done(pool.run(job('c', 'pairs', 3), project)),
        done(pool.run(job('d', 'session', 4), project)),
        done(pool.run(job('e', 'pairs', 5), project)),
        done(pool.run(job('f', 'session', 6), project)),
      ];
      await Promise.all(all);
      expect(order).toEqual(['a:full', 'd:session', 'f:session', 'c:pairs', 'e:pairs', 'b:full']);
    } finally {
      pool.terminate();
    }
  });
});
