/**
 * Concurrency and kill scenarios of the storage (issue 12): parallel saves in one process, two
 * processes on one folder (saves, editing time, annotations, settings) and kill -9 during saves.
 * Prints tries, accepted, conflicts and losses per scenario; a loss is a confirmed change that is
 * not on disk, or two accepted saves of the same revision.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CalqueError } from '../main/contract/api.js';
import { CalqueService } from '../main/core/service.js';
import { revisionOf } from '../main/core/text/read-text-file.js';
import type { StressOptions } from './types.js';
import { seededRandom } from './random.js';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const WORKER = join(repo, 'stress/concurrency-worker.ts');
const BIG = 200_000; // the filler of the worker's `bigsave` texts

interface Row {
  scenario: string;
  tries: number;
  accepted: number;
  conflicts: number;
  losses: number;
  note?: string;
}

function project(): string {
  const root = fs.mkdtempSync(join(tmpdir(), 'calque-stress-'));
  fs.mkdirSync(join(root, '.calque'));
  fs.writeFileSync(join(root, '.calque/project.json'), JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }));
  fs.writeFileSync(join(root, 'a.pt.txt'), 'O gato dorme.\n');
  fs.writeFileSync(join(root, 'a.en.txt'), 'The cat sleep.\n');
  return root;
}

interface WorkerOut {
  accepted: { expected: string; revision: string }[];
  conflicts: number;
  errors: number;
}

function startWorker(root: string, mode: string, count: number, tag: string, barrier?: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, root, mode, 'a.txt', String(count), tag, ...(barrier ? [barrier] : [])], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const done = new Promise<string>((res) => child.on('exit', () => res(out)));
  return { child, done, output: () => out };
}

/** Two workers started together (a barrier), each `count` operations. */
async function twoWorkers(root: string, mode: string, count: number): Promise<WorkerOut[]> {
  const barrier = fs.mkdtempSync(join(tmpdir(), 'calque-barrier-'));
  const ws = ['p1', 'p2'].map((t) => startWorker(root, mode, count, t, barrier));
  while (!['p1', 'p2'].every((t) => fs.existsSync(join(barrier, `ready-${t}`)))) await new Promise((r) => setTimeout(r, 10));
  fs.writeFileSync(join(barrier, 'go'), '');
  const outs = await Promise.all(ws.map((w) => w.done));
  fs.rmSync(barrier, { recursive: true, force: true });
  return outs.map((o) => JSON.parse(o.trim().split('\n').pop()!) as WorkerOut);
}

async function parallelSaves(rnd: () => number, rounds: number): Promise<Row> {
  const root = project();
  const service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
  await service.openProject({});
  let tries = 0, accepted = 0, conflicts = 0, losses = 0;
  for (let r = 0; r < rounds; r++) {
    const { revision } = await service.readDisk({ id: 'a.txt' });
    const n = 2 + Math.floor(rnd() * 49); // 2..50 at once, as in the audit
    const results = await Promise.allSettled(Array.from({ length: n }, (_, i) => service.saveArticle({ id: 'a.txt', text: `round ${r} save ${i}`, expectedRevision: revision })));
    tries += n;
    const won = results.flatMap((x, i) => (x.status === 'fulfilled' ? [i] : []));
    accepted += won.length;
    conflicts += results.filter((x) => x.status === 'rejected' && x.reason instanceof CalqueError && x.reason.code === 'conflict').length;
    if (won.length !== 1) losses += Math.max(0, won.length - 1);
    else if (fs.readFileSync(join(root, 'a.en.txt'), 'utf8') !== `round ${r} save ${won[0]}\n`) losses++;
  }
  service.dispose();
  fs.rmSync(root, { recursive: true, force: true });
  return { scenario: 'parallel saves, one process', tries, accepted, conflicts, losses };
}

async function twoProcessSaves(count: number): Promise<Row> {
  const root = project();
  const outs = await twoWorkers(root, 'save', count);
  const accepted = outs.flatMap((o) => o.accepted);
  const starts = new Set(accepted.map((a) => a.expected));
  // Two accepted saves from one revision: the second silently overwrote the first.
  const losses = accepted.length - starts.size + (fs.existsSync(join(root, 'a.en.txt')) && revisionOf(fs.readFileSync(join(root, 'a.en.txt'))) === lastOfChain(accepted) ? 0 : 1);
  fs.rmSync(root, { recursive: true, force: true });
  return { scenario: 'saves, two processes', tries: 2 * count, accepted: accepted.length, conflicts: outs.reduce((n, o) => n + o.conflicts, 0), losses };
}

/** The revision at the end of the chain of accepted saves (each starts where the previous ended). */
function lastOfChain(accepted: { expected: string; revision: string }[]): string | undefined {
  const next = new Map(accepted.map((a) => [a.expected, a.revision]));
  const produced = new Set(accepted.map((a) => a.revision));
  let at = accepted.find((a) => !produced.has(a.expected))?.expected;
  for (let guard = 0; at !== undefined && next.has(at) && guard <= accepted.length; guard++) at = next.get(at);
  return at;
}

async function twoProcessCounts(mode: 'time' | 'annotate' | 'words', count: number): Promise<Row> {
  const root = project();
  const outs = await twoWorkers(root, mode, count);
  const service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000 });
  await service.openProject({});
  let kept = 0;
  if (mode === 'time') kept = (await service.recordEditingTime({ id: 'a.txt', segments: {} })).totalMs;
  if (mode === 'annotate') kept = (await service.getAnnotations({ id: 'a.txt' })).annotations.length;
  if (mode === 'words') kept = (await service.addToWordList({ word: 'seed' })).wordList.length - 1;
  service.dispose();
  fs.rmSync(root, { recursive: true, force: true });
  const tries = 2 * count;
  const errors = outs.reduce((n, o) => n + o.errors, 0);
  const label = { time: 'editing time, two processes', annotate: 'annotations, two processes', words: 'word list, two processes' }[mode];
  return { scenario: label, tries, accepted: tries - errors, conflicts: 0, losses: tries - errors - kept, ...(errors ? { note: `${errors} refused` } : {}) };
}

/** kill -9 a process in the middle of 200 kB saves; then the file is whole, no confirmed save is lost, the next process saves. */
async function killDuringSaves(rnd: () => number, kills: number): Promise<Row> {
  const root = project();
  let tries = 0, accepted = 0, losses = 0, torn = 0;
  for (let k = 0; k < kills; k++) {
    const w = startWorker(root, 'bigsave', 1000, `k${k}`);
    // Let it save a few times, then kill it at a random moment.
    while (!/^A /m.test(w.output())) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, rnd() * 300));
    w.child.kill('SIGKILL');
    await w.done;
    const confirmed = w.output().split('\n').filter((l) => l.startsWith('A ')).map((l) => l.split(' '));
    tries += confirmed.length + 1;
    accepted += confirmed.length;
    const text = fs.readFileSync(join(root, 'a.en.txt'), 'utf8');
    const m = /^(k\d+) (\d+) (x*)\n$/.exec(text);
    if (!m || m[3]!.length !== BIG) torn++;
    const last = confirmed[confirmed.length - 1]!;
    // On disk: the last confirmed save, or the one after it (written, killed before it was confirmed).
    if (!m || m[1] !== `k${k}` || (Number(m[2]) !== Number(last[1]) && Number(m[2]) !== Number(last[1]) + 1)) losses++;
  }
  // What the kills left: stale locks are taken over, old temp files are cleaned up on open.
  const temps = fs.readdirSync(join(root, '.calque/tmp')).length;
  const service = new CalqueService({ root, host: { kind: 'cli' }, watchIntervalMs: 60_000, tempFileMaxAgeMs: 0 });
  await service.openProject({});
  const disk = await service.readDisk({ id: 'a.txt' });
  await service.saveArticle({ id: 'a.txt', text: 'after the kills', expectedRevision: disk.revision });
  const left = fs.readdirSync(join(root, '.calque/tmp')).length;
  const baselineWhole = fs.readFileSync(join(root, '.calque/baselines/a.txt'), 'utf8') === 'The cat sleep.\n';
  service.dispose();
  fs.rmSync(root, { recursive: true, force: true });
  return { scenario: 'kill -9 during 200 kB saves', tries, accepted, conflicts: 0, losses: losses + torn + (baselineWhole ? 0 : 1), note: `${torn} torn, ${temps} temp file(s) left by kills, ${left} after reopening, baseline ${baselineWhole ? 'intact' : 'DAMAGED'}` };
}

export async function run(options: StressOptions): Promise<{ losses: number }> {
  const rnd = seededRandom(options.seed).next;
  // --tries N scales the default run (N tries of the first scenario; the others in proportion).
  const s = options.tries ? Math.max(0.05, options.tries / 500) : 1;
  const rows: Row[] = [];
  rows.push(await parallelSaves(rnd, Math.round(20 * s)));
  rows.push(await twoProcessSaves(Math.round(50 * s)));
  rows.push(await twoProcessCounts('time', Math.round(100 * s)));
  rows.push(await twoProcessCounts('annotate', Math.round(30 * s)));
  rows.push(await twoProcessCounts('words', Math.round(20 * s)));
  rows.push(await killDuringSaves(rnd, Math.round(10 * s)));
  console.log(`  ${'scenario'.padEnd(32)} ${'tries'.padStart(6)} ${'accepted'.padStart(9)} ${'conflicts'.padStart(10)} ${'losses'.padStart(7)}`);
  for (const r of rows) console.log(`  ${r.scenario.padEnd(32)} ${String(r.tries).padStart(6)} ${String(r.accepted).padStart(9)} ${String(r.conflicts).padStart(10)} ${String(r.losses).padStart(7)}${r.note ? `  (${r.note})` : ''}`);
  return { losses: rows.reduce((n, r) => n + r.losses, 0) };
}
