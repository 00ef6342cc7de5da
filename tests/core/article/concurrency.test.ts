import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CalqueError } from '../../../main/contract/api.js';
import { CalqueService } from '../../../main/core/service.js';
import { PT_EN_PROJECT, writeProject } from '../../helpers/project.js';

const repo = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const run = promisify(execFile);
let root: string;
const services: CalqueService[] = [];

beforeEach(() => {
  root = writeProject(fs.mkdtempSync(join(tmpdir(), 'calque-concurrency-')), PT_EN_PROJECT);
});
afterEach(() => {
  for (const s of services.splice(0)) s.dispose();
  fs.rmSync(root, { recursive: true, force: true });
});

async function openService(): Promise<CalqueService> {
  const s = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
  services.push(s);
  await s.openProject({});
  return s;
}

interface WorkerResult {
  tag: string;
  accepted: { expected: string; revision: string }[];
  conflicts: number;
  errors: number;
}

/** Start `calque`-like processes on the same folder at once and collect what each did. */
async function workers(mode: string, count: number, tags: string[]): Promise<WorkerResult[]> {
  const barrier = fs.mkdtempSync(join(tmpdir(), 'calque-barrier-'));
  try {
    const running = tags.map((tag) => run(process.execPath, ['--import', 'tsx', join(repo, 'stress/concurrency-worker.ts'), root, mode, 'a.txt', String(count), tag, barrier], { cwd: repo }));
    // Start them together once every process has the project open.
    while (!tags.every((t) => fs.existsSync(join(barrier, `ready-${t}`)))) await new Promise((r) => setTimeout(r, 10));
    fs.writeFileSync(join(barrier, 'go'), '');
    const outs = await Promise.all(running);
    return outs.map((o) => JSON.parse(o.stdout.trim().split('\n').pop()!) as WorkerResult);
  } finally {
    fs.rmSync(barrier, { recursive: true, force: true });
  }
}

describe('saves of one article in one process', () => {
  it('of 20 parallel saves of the same revision exactly one wins; the others get a conflict', async () => {
    const service = await openService();
    const { revision } = await service.getArticle({ id: 'a.txt' });
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => service.saveArticle({ id: 'a.txt', text: `Save ${i}.`, expectedRevision: revision })));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.every((r) => r.reason instanceof CalqueError && r.reason.code === 'conflict')).toBe(true);
    const winner = results.findIndex((r) => r.status === 'fulfilled');
    expect(fs.readFileSync(join(root, 'a.en.txt'), 'utf8')).toBe(`Save ${winner}.\n`);
  });

  it('two service instances on one folder (two tabs of two servers) cannot both accept the same revision', async () => {
    const [a, b] = [await openService(), await openService()];
    const { revision } = await a.getArticle({ id: 'a.txt' });
    const results = await Promise.allSettled([
      ...Array.from({ length: 10 }, (_, i) => a.saveArticle({ id: 'a.txt', text: `A ${i}.`, expectedRevision: revision })),
      ...Array.from({ length: 10 }, (_, i) => b.saveArticle({ id: 'a.txt', text: `B ${i}.`, expectedRevision: revision })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });
});

describe('two processes on one folder', { timeout: 60_000 }, () => {
  it('saves: no two accepted saves start from the same revision, and the last accepted one is on disk', async () => {
    const service = await openService();
    await service.getArticle({ id: 'a.txt' }); // baseline captured, as when the editor opened it
    const results = await workers('save', 40, ['p1', 'p2']);
    const accepted = results.flatMap((r) => r.accepted);
    expect(results.every((r) => r.errors === 0)).toBe(true);
    const starts = accepted.map((x) => x.expected);
    expect(new Set(starts).size).toBe(starts.length);
    // The accepted saves form one chain: each starts from the revision the previous one wrote.
    const revisions = new Set(accepted.map((x) => x.revision));
    const firsts = accepted.filter((x) => !revisions.has(x.expected));
    expect(firsts).toHaveLength(1);
    expect(accepted.length + results.reduce((n, r) => n + r.conflicts, 0)).toBe(80);
  });

  it('editing time recorded by two processes: every increment survives', async () => {
    await workers('time', 60, ['p1', 'p2']);
    const service = await openService();
    const review = JSON.parse(fs.readFileSync(join(root, '.calque/reviews/a.txt.json'), 'utf8')) as { editingMs: Record<string, number> };
    expect(review.editingMs.s).toBe(120);
    expect((await service.recordEditingTime({ id: 'a.txt', segments: {} })).totalMs).toBe(120);
  });

  it('annotations added by two processes: none is dropped', async () => {
    await workers('annotate', 15, ['p1', 'p2']);
    const service = await openService();
    const { annotations } = await service.getAnnotations({ id: 'a.txt' });
    expect(annotations.map((a) => a.id).sort()).toEqual([...Array.from({ length: 15 }, (_, i) => `p1-${i}`), ...Array.from({ length: 15 }, (_, i) => `p2-${i}`)].sort());
  });

  it('settings changed by two processes: every word-list entry and the hand-written keys survive', async () => {
    const config = JSON.parse(fs.readFileSync(join(root, '.calque/project.json'), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(join(root, '.calque/project.json'), JSON.stringify({ ...config, glossaries: ['terms.csv'] }));
    await workers('words', 12, ['p1', 'p2']);
    const after = JSON.parse(fs.readFileSync(join(root, '.calque/project.json'), 'utf8')) as { wordList: string[]; glossaries: string[]; pairs: unknown[] };
    expect(after.wordList).toHaveLength(24);
    expect(after.glossaries).toEqual(['terms.csv']);
    expect(after.pairs).toEqual([{ source: 'pt', target: 'en' }]);
  });
});
