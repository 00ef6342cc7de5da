/**
 * Issue 12: the consistency context of a million sentence pairs, held as objects on serve's request
 * thread, stopped it for half a second at each garbage collection. It is kept packed, merged where the
 * check runs (a worker for a big context), and a check there finds what a check in this thread finds.
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contextOf, mergeTranslations, packPairs, unpackPairs } from '../../../main/core/checks/consistency-context.js';
import { openProjectChecks } from '../../../main/core/checks/service.js';
import { belongsInWorker, WORKER_CONTEXT_PAIRS } from '../../../main/core/checks/worker/heavy.js';
import { MAX_PROJECTS, projectsKept } from '../../../main/core/checks/worker/protocol.js';

describe('packed sentence pairs', () => {
  it('unpack to the very pairs packed: empty texts, accents, emoji, none at all', () => {
    const pairs: [string, string][] = [['O conselho aprovou o plano.', 'The council approved the plan.'], ['', 'x'], ['Ação 👍🏽', ''], ['São Paulo', 'São Paulo 🇧🇷']];
    expect(unpackPairs(packPairs(pairs))).toEqual(pairs);
    expect(unpackPairs(packPairs([]))).toEqual([]);
    expect(packPairs(pairs).units.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('merge into every translation of each source sentence, article by article, in order', () => {
    const context = contextOf(
      new Map([
        ['a', packPairs([['s1', 'A one'], ['s2', 'A two']])],
        ['b', packPairs([['s1', 'B one']])],
        ['c', packPairs([])],
      ]),
    );
    expect(context.pairs).toBe(3);
    expect([...mergeTranslations(context)]).toEqual([
      ['s1', [{ articleId: 'a', target: 'A one' }, { articleId: 'b', target: 'B one' }]],
      ['s2', [{ articleId: 'a', target: 'A two' }]],
    ]);
  });
});

describe('project data a worker keeps', () => {
  it('drops a stale consistency context of the same settings and languages, keeps the others', () => {
    const id = (key: string, data: number) => `${key}\u0000pt\u0000en\u0000${data}`;
    expect(projectsKept([id('k1', 1), id('k2', 1), ''], id('k1', 2))).toEqual([id('k2', 1), '', id('k1', 2)]);
    expect(projectsKept([id('k1', 1)], id('k1', 1))).toEqual([id('k1', 1)]);
    const many = Array.from({ length: MAX_PROJECTS }, (_, i) => id(`k${i}`, 1));
    expect(projectsKept(many, id('new', 1))).toEqual([...many.slice(1), id('new', 1)]);
  });
});

describe('a big consistency context', () => {
  it('sends even a short article to a worker', () => {
    const short = (context?: { pairs: number }) => ({ source: 'Uma frase.', target: 'A sentence.', project: { glossary: [], ...(context ? { context } : {}) } });
    expect(belongsInWorker(short({ pairs: WORKER_CONTEXT_PAIRS }))).toBe(true);
    expect(belongsInWorker(short({ pairs: WORKER_CONTEXT_PAIRS - 1 }))).toBe(false);
    expect(belongsInWorker(short())).toBe(false);
  });

  let root: string | undefined;
  afterEach(() => root && fs.rmSync(root, { recursive: true, force: true }));

  it('a short article checked in a worker against it gets the findings of a check in this thread', { timeout: 240_000 }, async () => {
    root = fs.mkdtempSync(join(tmpdir(), 'calque-context-'));
    const n = WORKER_CONTEXT_PAIRS + 500;
    const lines = (f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n') + '\n';
    fs.writeFileSync(join(root, 'big.pt.txt'), lines((i) => (i === 7 ? 'O conselho aprovou o plano novo.' : `O conselho aprovou o plano ${i}.`)));
    fs.writeFileSync(join(root, 'big.en.txt'), lines((i) => (i === 7 ? 'The council passed the new plan.' : `The council approved plan ${i}.`)));
    fs.writeFileSync(join(root, 'short.pt.txt'), 'O conselho aprovou o plano novo.\n');
    fs.writeFileSync(join(root, 'short.en.txt'), 'The board approved the new plan.\n');
    const findingsOf = async (workers: number) => {
      const { service, articles } = await openProjectChecks(root!, { pairs: [{ source: 'pt', target: 'en' }], workers });
      try {
        return (await service.findingsOnDisk(articles.find((a) => a.id === 'short.txt')!)).findings;
      } finally {
        service.dispose();
      }
    };
    const inWorker = await findingsOf(1);
    expect(inWorker.filter((f) => f.rule === 'qa.consistency').map((f) => f.text)).toEqual(['The board approved the new plan.']);
    expect(inWorker).toEqual(await findingsOf(0));
  });
});
