/**
 * Issue 12, "the server never freezes": the article list's, the view's and the save's word-diff stats
 * (a whole-document word diff: seconds for a book or a million lines) are worked out in a check worker.
 * They must be exactly the in-thread ones, tags included, and the service must ask for them through
 * the check service (so it is the worker, not the request thread, that diffs a big text).
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffStats, StatsMemo, type StatsFn } from '../../../main/core/article/article-stats.js';
import { openProjectChecks } from '../../../main/core/checks/service.js';
import { CalqueService } from '../../../main/core/service.js';

const para = (k: number) => `O conselho aprovou o plano ${k} ontem, com <b>duas</b> emendas.`;
const MT = Array.from({ length: 800 }, (_, k) => para(k).replace('O conselho', 'The council').replace('aprovou o plano', 'approved plan')).join('\n\n');
const PE = MT.replace(/approved plan 1(\d)/g, 'passed the plan 1$1').replace('The council approved plan 7 ', 'It approved plan 7 once more ');
const tagsOf = (text: string) => [...text.matchAll(/<\/?b>/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(join(tmpdir(), 'calque-stats-'));
  fs.cpSync(join(import.meta.dirname, '../../../samples'), root, { recursive: true });
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('word-diff stats in a worker', () => {
  it('are the in-thread ones, with and without tags', { timeout: 60_000 }, async () => {
    const { service } = await openProjectChecks(root, { workers: 1, workerThreshold: 0 });
    try {
      const cases: [string, string, string, Parameters<typeof diffStats>[3]][] = [
        [MT, PE, 'en', undefined],
        [MT, PE, 'en', { baseline: tagsOf(MT), current: tagsOf(PE) }],
        [PE, '', 'en', undefined],
        ['', 'Uma frase nova.', 'pt', undefined],
        ['日本語の文です。', '日本語の新しい文です。', 'ja', undefined],
      ];
      for (const [baseline, current, lang, tags] of cases) {
        const expected = diffStats(baseline, current, lang, tags);
        expect(await service.articleStats('a', baseline, current, lang, tags)).toEqual(expected);
      }
      expect(diffStats(MT, PE, 'en').changed).toBeGreaterThan(0);
    } finally {
      service.dispose();
    }
  });

  it('the list, the view and a save give the same stats with workers as without', { timeout: 90_000 }, async () => {
    const local = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
    const pooled = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000, checkWorkers: 1, checkWorkerThreshold: 0 });
    try {
      const info = await local.openProject({});
      await pooled.openProject({});
      for (const a of info.articles.slice(0, 6)) {
        const mine = await local.getArticle({ id: a.id });
        expect((await pooled.getArticle({ id: a.id })).stats, a.id).toEqual(mine.stats);
      }
      const first = info.articles[0]!;
      const view = await local.getArticle({ id: first.id });
      const edited = view.target.text.replace(/\.(\s)/, ', and more.$1');
      const saved = await pooled.saveArticle({ id: first.id, text: edited, expectedRevision: view.revision });
      expect(saved.stats.changed).toBeGreaterThan(0);
      expect(saved.stats).toEqual((await local.getArticle({ id: first.id })).stats);
      expect((await pooled.openProject({})).articles).toEqual((await local.openProject({})).articles);
    } finally {
      local.dispose();
      pooled.dispose();
    }
  });
});

describe('the stats memo', () => {
  it('diffs a big pair of texts once, and a failure is not remembered', async () => {
    const asked: string[] = [];
    let fail = true;
    const compute: StatsFn = async (id, b, c, lang, tags) => {
      asked.push(id);
      if (fail) throw new Error('worker stopped');
      return diffStats(b, c, lang, tags);
    };
    const memo = new StatsMemo(compute);
    await expect(memo.get('a', MT, PE, 'en')).rejects.toThrow('worker stopped');
    fail = false;
    const stats = await memo.get('a', MT, PE, 'en');
    expect(stats).toEqual(diffStats(MT, PE, 'en'));
    expect(await memo.get('a', MT, `${PE}`, 'en')).toEqual(stats);
    expect(asked).toEqual(['a', 'a']);
    // Other tags, another text: worked out again.
    expect(await memo.get('a', MT, PE, 'en', { baseline: tagsOf(MT), current: tagsOf(PE) })).toEqual(diffStats(MT, PE, 'en', { baseline: tagsOf(MT), current: tagsOf(PE) }));
    expect(await memo.get('a', MT, `${PE} x`, 'en')).toEqual(diffStats(MT, `${PE} x`, 'en'));
    expect(asked).toEqual(['a', 'a', 'a', 'a']);
  });
});
