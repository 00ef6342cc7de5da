/**
 * Issue 12: the article list's background count of a book sent its 22,000 findings from the worker to
 * serve's request thread only to be counted there. The worker counts them (countProblems, the one
 * definition) and answers the counts: the same counts the list shows without workers.
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countProblems } from '../../../main/common/problems.js';
import { ReviewStore } from '../../../main/core/article/review-store.js';
import { FileLocks } from '../../../main/core/platform/file-lock.js';
import { openProjectChecks } from '../../../main/core/checks/service.js';
import { CheckWorkerPool, workerEntry } from '../../../main/core/checks/worker/pool.js';

const LINES = 700;
const source = Array.from({ length: LINES }, (_, i) => `O conselho aprovou ${i} planos em Recife no ano passado.`).join('\n') + '\n';
// Every seventh line has a wrong number, every eleventh a doubled word.
const target = Array.from({ length: LINES }, (_, i) => `The council approved ${i % 7 ? i : i + 1} plans in ${i % 11 ? '' : 'the '}the Recife last year.`).join('\n') + '\n';

let root: string | undefined;
afterEach(() => root && fs.rmSync(root, { recursive: true, force: true }));

describe('the background counts of a long article', () => {
  it('are counted in the worker, as many as without workers', { timeout: 180_000 }, async () => {
    expect(source.length + target.length).toBeGreaterThan(30_000);
    const countsWith = async (workers: number) => {
      if (root) fs.rmSync(root, { recursive: true, force: true });
      root = fs.mkdtempSync(join(tmpdir(), 'calque-counts-'));
      fs.writeFileSync(join(root, 'book.pt.txt'), source);
      fs.writeFileSync(join(root, 'book.en.txt'), target);
      const { service } = await openProjectChecks(root, { pairs: [{ source: 'pt', target: 'en' }], workers });
      try {
        await service.countProblems(['book.txt'], () => {});
      } finally {
        service.dispose();
      }
      return (await new ReviewStore(root, new FileLocks(root)).read('book.txt')).problems;
    };
    const inWorker = await countsWith(1);
    expect(inWorker!.major + inWorker!.minor + inWorker!.critical).toBeGreaterThan(LINES / 11);
    expect(inWorker).toEqual(await countsWith(0));
  });

  it("cross from the worker as counts: a 'counts' job answers no findings", { timeout: 120_000 }, async () => {
    const pool = new CheckWorkerPool(1, workerEntry()!);
    try {
      const job = { seq: 1, articleId: 'book.txt', sourceLang: 'pt', targetLang: 'en', settings: {}, ignores: [], projectId: 'p', sessionKey: 'k', source, target };
      const project = { glossary: [], wordList: [] };
      const counted = await pool.run({ ...job, mode: 'counts' }, project);
      const full = await pool.run({ ...job, seq: 2, mode: 'full' }, project);
      expect(counted.findings).toEqual([]);
      expect(full.findings.length).toBeGreaterThan(LINES / 11);
      expect(counted.counts).toEqual(countProblems(full.findings));
    } finally {
      pool.terminate();
    }
  });
});
