/**
 * Worker threads for the check service: checks (and the sentence alignment inside them) run here, off
 * the host's request thread. Each article is routed to one worker, which keeps its incremental session;
 * a request still queued when a newer one for the same article arrives is cancelled (its text is stale).
 * All of an article's work goes to its worker (see CheckWorkerPool).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CalqueError } from '../../../contract/api.js';
import type { SharedProjectData } from '../shared-project.js';
import { projectsKept, type CheckJob, type CheckReply } from './protocol.js';

type Reply = Extract<CheckReply, { ok: true }>;
/** `seq`: the order the requests were made in (they can overtake each other while their input is read). */
export type PoolJob = Omit<CheckJob, 'job' | 'project'> & { seq: number };

/** Queue order within a lane: lower first. */
const PRIORITY: Record<CheckJob['mode'], number> = { session: 0, glossary: 0, stats: 0, pairs: 1, figures: 1, full: 2, counts: 2 };
/** Jobs whose every request waits for its own answer: none supersedes another. */
const ANSWERED_EACH = new Set<CheckJob['mode']>(['figures', 'glossary', 'stats']);

/**
 * The worker's code: the TS source when this module runs from source (vitest, tsx: the worker gets
 * tsx's loader), else the bundle's `check-worker.js` next to the bundle (out/main/, or above chunks/).
 */
export function workerEntry(): WorkerEntry | null {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // Loader flags in a worker's execArgv do not apply to it in Node 20: the worker registers tsx itself.
    const tsx = tsxEsmApi(here);
    const entry = new URL('./entry.ts', here).href;
    return { code: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });` };
  }
  for (const rel of ['./check-worker.js', '../check-worker.js']) {
    const url = new URL(rel, here);
    if (existsSync(fileURLToPath(url))) return { url };
  }
  return null;
}

/** tsx's ESM register API (its `import` export: require.resolve would give the CommonJS one). */
function tsxEsmApi(from: string): string {
  const pkgPath = createRequire(fileURLToPath(from)).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(pkgPath), pkg.exports['./esm/api']!.import.default)).href;
}

/** A worker script: the bundle's file, or (from source) a few lines that load the TS entry through tsx. */
export type WorkerEntry = { url: URL } | { code: string };

interface Queued {
  job: PoolJob;
  project: SharedProjectData;
  resolve: (r: Reply) => void;
  reject: (e: Error) => void;
}

class Lane {
  private worker: Worker | null = null;
  private readonly queue: Queued[] = [];
  private inFlight: (Queued & { jobNo: number }) | null = null;
  /** Project ids the worker holds, oldest first. */
  private projects: string[] = [];
  private next = 0;

  constructor(private readonly entry: WorkerEntry) {}

  push(q: Queued): void {
    // Of the queued checks of one article only the newest request is worth running: its text is current.
    // (Figures and stats are asked for by each summary, view and save, which waits for its own answer.)
    const same = (x: Queued) => !ANSWERED_EACH.has(q.job.mode) && x.job.articleId === q.job.articleId && x.job.mode === q.job.mode;
    if (this.queue.some((x) => same(x) && x.job.seq > q.job.seq)) return q.reject(new CalqueError('cancelled'));
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const old = this.queue[i]!;
      if (same(old)) {
        this.queue.splice(i, 1);
        old.reject(new CalqueError('cancelled'));
      }
    }
    // The editor's checks go first (someone is waiting for them), then the consistency context's
    // alignments (other articles' checks wait for those), then the background counts.
    const at = this.queue.findIndex((x) => PRIORITY[x.job.mode] > PRIORITY[q.job.mode]);
    if (at < 0) this.queue.push(q);
    else this.queue.splice(at, 0, q);
    this.dispatch();
  }


  terminate(): void {
    const w = this.worker;
    this.worker = null;
    for (const q of this.queue.splice(0)) q.reject(new CalqueError('cancelled'));
    this.inFlight?.reject(new CalqueError('cancelled'));
    this.inFlight = null;
    void w?.terminate();
  }

  private spawn(): Worker {
    const w = 'url' in this.entry ? new Worker(this.entry.url) : new Worker(this.entry.code, { eval: true });
    w.on('message', (reply: CheckReply) => this.settle(w, reply));
    w.on('error', (err) => this.crashed(w, err));
    w.on('exit', (code) => this.crashed(w, new Error(`check worker stopped (${code})`)));
    w.unref();
    this.projects = [];
    return w;
  }

  private dispatch(): void {
    if (this.inFlight || !this.queue.length) return;
    const q = this.queue.shift()!;
    this.worker ??= this.spawn();
    const has = this.projects.includes(q.job.projectId);
    if (!has) this.projects = projectsKept(this.projects, q.job.projectId);
    const { seq: _seq, ...rest } = q.job;
    const job: CheckJob = { ...rest, job: ++this.next, ...(has ? {} : { project: q.project }) };
    this.inFlight = { ...q, jobNo: job.job };
    this.worker.ref(); // keep a command-line process alive until the answer arrives
    this.worker.postMessage(job);
  }

  private settle(w: Worker, reply: CheckReply): void {
    if ('ready' in reply) return;
    const q = this.inFlight;
    if (w !== this.worker || !q || q.jobNo !== reply.job) return;
    this.inFlight = null;
    w.unref();
    if (reply.ok) q.resolve(reply);
    else q.reject(reply.error ? new CalqueError(reply.error.code, reply.error.params) : new Error(reply.message));
    this.dispatch();
  }

  private crashed(w: Worker, err: Error): void {
    if (w !== this.worker) return;
    this.worker = null;
    this.inFlight?.reject(err);
    this.inFlight = null;
    this.dispatch(); // a new worker takes the rest of the queue
  }
}

/**
 * `size` workers. Every job of an article goes to the same worker, the editor's and the background's
 * alike: the background count of the article being edited runs on the editor's session there (one
 * check, not two), and no second copy of the dictionaries and rule packs is held for the background
 * (each worker holds its own: about 150 MB for English).
 */
export class CheckWorkerPool {
  private readonly lanes: Lane[];

  constructor(size: number, entry: WorkerEntry) {
    this.lanes = Array.from({ length: Math.max(1, size) }, () => new Lane(entry));
  }

  run(job: PoolJob, project: SharedProjectData): Promise<Reply> {
    const lane = this.lanes[laneOf(job.articleId, this.lanes.length)]!;
    return new Promise((resolve, reject) => lane.push({ job, project, resolve, reject }));
  }

  terminate(): void {
    for (const l of this.lanes) l.terminate();
  }
}

/** The same article always goes to the same worker (its session lives there). */
function laneOf(id: string, n: number): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  return Math.abs(h) % n;
}
