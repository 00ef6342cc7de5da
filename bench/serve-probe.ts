/**
 * A `calque serve` child for the benches, driven over its HTTP API: its address and token, API calls,
 * and what the process costs (RSS and CPU time from /proc, so figures stay comparable on a loaded
 * machine, where wall times are not).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { generatePair } from './generate.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const repo = fileURLToPath(new URL('..', import.meta.url));

export interface Serve {
  url: string;
  pid: number;
  call<T = unknown>(method: string, body: unknown): Promise<T>;
  stop(): void;
}

/** Starts `calque serve root`; CALQUE_BENCH_SERVE_NODE_ARGS goes to its node (e.g. "--cpu-prof"). */
export async function startServe(root: string): Promise<Serve> {
  const nodeArgs = (process.env.CALQUE_BENCH_SERVE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(repo, 'bin/calque.mjs'), 'serve', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /at (http:\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (c) => reject(new Error(`calque serve exited ${c}`)));
  });
  const u = new URL(url);
  const token = u.searchParams.get('token') ?? '';
  const call = async <T>(method: string, body: unknown): Promise<T> => {
    const res = await fetch(`${u.origin}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const json = (await res.json()) as { ok: boolean; result?: T; error?: unknown };
    if (!json.ok) throw new Error(`${method}: ${JSON.stringify(json.error)}`);
    return json.result as T;
  };
  return { url, pid: child.pid!, call, stop: () => child.kill('SIGINT') };
}

export function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** User + system CPU time of the process, all threads, in ms. */
export function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (100 Hz)
  } catch {
    return 0;
  }
}

/** Samples the server's RSS every 100 ms: the peak over a run, not only the figure at its end. */
export function rssSampler(pid: number): { peak: () => number; stop: () => void } {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
  return { peak: () => peak, stop: () => clearInterval(timer) };
}

/**
 * Asks `ask` every 10 ms (one request at a time) and keeps the longest answer: how long the server was
 * silent to a trivial request while other work ran.
 */
export function gapProbe(ask: () => Promise<unknown>): { worst: () => number; answered: () => number; stop: () => Promise<void> } {
  let worst = 0;
  let answered = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      await ask().catch(() => undefined);
      worst = Math.max(worst, performance.now() - t);
      answered++;
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  return {
    worst: () => worst,
    answered: () => answered,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/**
 * `gapProbe` run from a thread of its own: the bench's main thread parses the big replies it asks for
 * (a million-line view is 30 MB of JSON), and a probe on that thread would time the bench's own
 * JSON.parse as the server's silence. On a loaded machine a gap is also time the server waited for a
 * core: `worstCpu` is the most CPU time the server's request thread spent within one gap (10 ms ticks).
 */
export function gapProbeThread(serve: Serve): { ready: Promise<void>; worst: () => number; worstCpu: () => number; answered: () => number; over50: () => number; stop: () => Promise<void> } {
  const u = new URL(serve.url);
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { readFileSync } = require('node:fs');
    // CPU time (ms) of the server's main thread (its task id is the pid): utime + stime, 100 ticks a second.
    const hostCpu = () => {
      try {
        const f = readFileSync('/proc/' + workerData.pid + '/task/' + workerData.pid + '/stat', 'utf8').split(') ')[1].split(' ');
        return (Number(f[11]) + Number(f[12])) * 10;
      } catch {
        return 0;
      }
    };
    let running = true;
    parentPort.on('message', () => (running = false));
    (async () => {
      let worst = 0;
      let answered = 0;
      let over50 = 0;
      let worstCpu = 0;
      while (running) {
        const t = performance.now();
        const c = hostCpu();
        await fetch(workerData.origin + '/api/hostInfo', { method: 'POST', headers: { authorization: 'Bearer ' + workerData.token, 'content-type': 'application/json' }, body: '{}' }).then((r) => r.text(), () => undefined);
        const gap = performance.now() - t;
        worst = Math.max(worst, gap);
        worstCpu = Math.max(worstCpu, hostCpu() - c);
        if (gap > 50) over50++;
        if (!answered++) parentPort.postMessage('started');
        await new Promise((r) => setTimeout(r, 10));
      }
      parentPort.postMessage({ worst, worstCpu, answered, over50 });
    })();`;
  const worker = new Worker(code, { eval: true, workerData: { origin: u.origin, token: u.searchParams.get('token') ?? '', pid: serve.pid } });
  let result = { worst: 0, worstCpu: 0, answered: 0, over50: 0 };
  let started!: () => void;
  const ready = new Promise<void>((resolve) => (started = resolve));
  const done = new Promise<void>((resolve) =>
    worker.on('message', (m: typeof result | 'started') => {
      if (m === 'started') return started();
      result = m;
      resolve();
    }),
  );
  return {
    /** Resolves once the first probe was answered: start the workload then, or its first seconds go unprobed. */
    ready,
    worst: () => result.worst,
    worstCpu: () => result.worstCpu,
    answered: () => result.answered,
    over50: () => result.over50,
    stop: async () => {
      worker.postMessage('stop');
      await done;
      await worker.terminate();
    },
  };
}

/** A project holding one generated 200,000-word book (pt → en) with its baseline: what the serve benches open. */
export function writeBookProject(prefix: string): { root: string; pair: ReturnType<typeof generatePair> } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const pair = generatePair(200_000, 0.1);
  writeFileSync(join(root, 'book.pt.txt'), pair.source);
  writeFileSync(join(root, 'book.en.txt'), pair.edited);
  mkdirSync(join(root, '.calque', 'baselines'), { recursive: true });
  writeFileSync(join(root, '.calque', 'baselines', 'book.txt'), pair.baseline);
  writeFileSync(join(root, '.calque', 'project.json'), JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }));
  return { root, pair };
}
