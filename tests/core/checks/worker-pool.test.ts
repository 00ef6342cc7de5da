/**
 * The checks off the request thread (issue 12, "The server never freezes"): the check service with
 * worker threads gives exactly the findings of the in-thread service, keeps answering other work while
 * a check runs, and cancels a queued check that a newer one for the same article made stale.
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalqueService } from '../../../main/core/service.js';
import { openProjectChecks } from '../../../main/core/checks/service.js';

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(join(tmpdir(), 'calque-pool-'));
  fs.cpSync(join(import.meta.dirname, '../../../samples'), root, { recursive: true });
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function complete(service: CalqueService, id: string, text?: string) {
  for (;;) {
    const res = await service.checkArticle({ id, ...(text !== undefined ? { text } : {}) });
    if (!res.pending) return res;
  }
}

describe('the check service with worker threads', () => {
  it('finds what the in-thread service finds, with the same alignment, as the text changes', { timeout: 60_000 }, async () => {
    const local = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
    const pooled = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000, checkWorkers: 1, checkWorkerThreshold: 0 });
    try {
      const info = await local.openProject({});
      await pooled.openProject({});
      for (const a of info.articles) {
        await local.getArticle({ id: a.id }); // captures the baseline: the list then has figures
        const mine = await complete(local, a.id);
        const theirs = await complete(pooled, a.id);
        expect(theirs.findings, a.id).toEqual(mine.findings);
        expect(theirs.alignment, a.id).toEqual(mine.alignment);
        const edited = (await local.readDisk({ id: a.id })).text.replace(/\.\n/, '. .\n');
        expect((await complete(pooled, a.id, edited)).findings).toEqual((await complete(local, a.id, edited)).findings);
      }
      // The list's figures (HTER, chrF), worked out in the worker, are the in-thread ones.
      const listed = (await local.openProject({})).articles;
      expect(listed.some((a) => a.hter !== undefined)).toBe(true);
      expect((await pooled.openProject({})).articles).toEqual(listed);
    } finally {
      local.dispose();
      pooled.dispose();
    }
  });

  it('keeps the thread free while a book is checked, and cancels a superseded check', { timeout: 120_000 }, async () => {
    const book = fs.mkdtempSync(join(tmpdir(), 'calque-pool-book-'));
    // Every paragraph its own (a number of its own): identical ones could be checked once, and the
    // book's check could then end before the newer requests below arrive.
    const para = (k: number) => `O governo anunciou ontem um plano de obras para ${1000 + k} em Recife.`;
    const tpara = (k: number) => `The government announced yesterday a plan of works for ${1000 + k} in the Recife.`;
    fs.writeFileSync(join(book, 'book.pt.txt'), Array.from({ length: 3000 }, (_, k) => para(k)).join('\n\n'));
    fs.writeFileSync(join(book, 'book.en.txt'), Array.from({ length: 3000 }, (_, k) => tpara(k)).join('\n\n'));
    const service = new CalqueService({ root: book, host: { kind: 'cli' }, watchIntervalMs: 60_000, languages: [{ source: 'pt', target: 'en' }], checkWorkers: 1, checkWorkerThreshold: 0 });
    try {
      await service.openProject({});
      await complete(service, 'book.txt', 'warm up the worker');
      // The thread's longest gap while the book is checked: a timer every 5 ms keeps measuring.
      let last = performance.now();
      let worst = 0;
      const timer = setInterval(() => {
        const now = performance.now();
        worst = Math.max(worst, now - last);
        last = now;
      }, 5);
      const first = service.checkArticle({ id: 'book.txt' });
      await new Promise((r) => setTimeout(r, 200)); // the book's check is running in the worker now
      // Typed while it runs: the older request is superseded before it starts, whatever order the two
      // requests' inputs are ready in.
      const stale = service.checkArticle({ id: 'book.txt', text: 'stale' });
      const newest = service.checkArticle({ id: 'book.txt', text: 'The newest text.' });
      await expect(stale).rejects.toMatchObject({ code: 'cancelled' });
      const done = await first;
      clearInterval(timer);
      expect(done.findings.length).toBeGreaterThanOrEqual(3000);
      expect((await newest).findings.every((f) => f.end <= 'The newest text.'.length || f.side === 'source')).toBe(true);
      // The check itself takes far longer; the thread was never held for it.
      expect(worst).toBeLessThan(500);
    } finally {
      service.dispose();
      fs.rmSync(book, { recursive: true, force: true });
    }
  });

  it('gives a complete check run on the editor\'s session in the worker the findings of a fresh in-thread check', { timeout: 60_000 }, async () => {
    const { service: local, articles } = await openProjectChecks(root);
    const { service: pooled } = await openProjectChecks(root, { workers: 1, workerThreshold: 0 });
    try {
      for (const a of articles) {
        const disk = await local.findingsOnDisk(a);
        // The editor checked another text first, then the disk's (its session caches both's segments).
        let r = await pooled.checkArticle(a, disk.target.replace(/\.\n/, '. .\n'));
        while (r.pending) r = await pooled.checkArticle(a, disk.target.replace(/\.\n/, '. .\n'));
        expect((await pooled.findingsOnDisk(a)).findings, a.id).toEqual(disk.findings);
      }
    } finally {
      pooled.dispose();
    }
  });
});
