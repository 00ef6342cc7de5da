/**
 * Request fuzz against a real `calque serve` (startServer on a temporary project): raw HTTP requests
 * with random methods, paths (traversals, encodings, huge), Host/Origin/Cookie/Authorization headers
 * and bodies (mutated API requests, malformed and oversized JSON). A try passes when a status line
 * comes back. A 500 or a connection closed without an answer is a crash; no answer in HANG_MS is a
 * hang. Every 50 tries, and at the end, the server must still answer hostInfo.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_METHODS } from '../main/contract/api.js';
import { startServer } from '../main/serve/server.js';
import { VALID, mutate } from './api.js';
import { seededRandom, type Random } from './random.js';
import type { StressOptions, StressResult } from './types.js';

const HANG_MS = 10_000;
const DEFAULT_TRIES = 1000;
const TOKEN = 'stress-token-2b7d9c';
const MAX_BODY = 1024 * 1024;

/** Send bytes, read until the status line (or the end). */
function exchange(port: number, request: Buffer): Promise<{ status: number | null; closedEarly: boolean; timedOut: boolean }> {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    let got = '';
    let done = false;
    const finish = (status: number | null, closedEarly: boolean, timedOut: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.destroy();
      resolve({ status, closedEarly, timedOut });
    };
    const timer = setTimeout(() => finish(null, false, true), HANG_MS);
    sock.on('data', (d) => {
      got += d.toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(got);
      if (m) finish(Number(m[1]), false, false);
    });
    sock.on('error', () => finish(null, true, false));
    sock.on('end', () => finish(null, true, false));
    // Not half-closed: a browser keeps its side open until the answer (a FIN first would end the exchange early).
    sock.on('connect', () => sock.write(request));
  });
}

function pathFor(r: Random): string {
  return r.pick([
    () => `/api/${r.pick(API_METHODS)}`,
    () => `/api/${r.pick(API_METHODS)}`,
    () => `/api/${r.pick(API_METHODS)}`,
    () => `/api/${r.pick(API_METHODS)}`,
    () => r.pick(['/', '/index.html', '/assets/app.js', '/review/x?lang=pt', '/api/__proto__', '/api/constructor', '/api/', '/api/events']),
    () => r.pick(['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fsecret', '//evil.example/', '/\\\\evil', '/%00', '/%', '/%E0%A4%A']),
    () => `/?token=${r.pick([TOKEN, 'wrong', '', TOKEN.toUpperCase()])}${r.chance(0.5) ? '&lng=ar' : ''}`,
    () => '/' + 'a/'.repeat(r.int(20_000)),
  ])();
}

export function requestFor(r: Random, port: number): Buffer {
  const method = r.chance(0.7) ? 'POST' : r.pick(['GET', 'HEAD', 'PUT', 'OPTIONS', 'DELETE']);
  const path = pathFor(r);
  const headers: string[] = [];
  // Mostly past the Host and token checks, so that the API behind them is fuzzed too.
  const host = r.chance(0.7) ? `127.0.0.1:${port}` : r.pick([`localhost:${port}`, `[::1]:${port}`, `evil.example:${port}`, `127.0.0.1:${port + 1}`, '', `192.0.2.1:${port}`]);
  if (host) headers.push(`Host: ${host}`);
  const auth = r.chance(0.6) ? 0 : r.int(6);
  if (auth === 0) headers.push(`Authorization: Bearer ${TOKEN}`);
  else if (auth === 1) headers.push(`Authorization: ${r.pick(['bearer', 'BEARER', 'Basic', 'Bearer'])} ${r.pick([TOKEN, 'nope', '', `${TOKEN} extra`])}`);
  else if (auth === 2) headers.push(`Cookie: calque-${port}=${r.pick([TOKEN, 'nope'])}`);
  else if (auth === 3) headers.push(`Cookie: ${r.pick(['', '=;=;', `calque-${port}`, 'a=b; calque=x'])}`);
  if (r.chance(0.3)) headers.push(`Origin: ${r.pick([`http://127.0.0.1:${port}`, 'http://evil.example', 'null', ''])}`);
  if (r.chance(0.9)) headers.push(`Content-Type: ${r.chance(0.8) ? 'application/json' : r.pick(['application/json; charset=utf-8', 'text/plain', 'application/jsonx', ''])}`);
  let body = Buffer.alloc(0);
  if (method !== 'GET' && method !== 'HEAD') {
    const m = /^\/api\/(\w+)/.exec(path)?.[1] as keyof typeof VALID | undefined;
    const kind = r.int(10);
    if (kind === 0) body = Buffer.from('{ nope');
    else if (kind === 1) body = Buffer.from(JSON.stringify({ text: 'x'.repeat(MAX_BODY + r.int(1000)) }));
    else if (kind === 2) body = Buffer.from('['.repeat(r.int(100_000)));
    else if (kind === 3) body = Buffer.from(String.fromCharCode(...Array.from({ length: r.int(200) }, () => r.int(256))), 'latin1');
    else body = Buffer.from(JSON.stringify(m && Object.hasOwn(VALID, m) ? (r.chance(0.2) ? VALID[m] : mutate(VALID[m], r)) : {}));
    const length = r.chance(0.9) ? body.length : r.int(body.length + 1);
    if (r.chance(0.95)) headers.push(`Content-Length: ${length}`);
    else {
      headers.push('Transfer-Encoding: chunked');
      body = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);
    }
  }
  return Buffer.concat([Buffer.from(`${method} ${path} HTTP/1.1\r\n${headers.join('\r\n')}\r\nConnection: close\r\n\r\n`, 'latin1'), body]);
}

async function service(port: number, method: string, body: unknown): Promise<void> {
  const json = JSON.stringify(body);
  await fetch(`http://127.0.0.1:${port}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: json });
}

export async function run(opts: StressOptions): Promise<StressResult> {
  const r = seededRandom(opts.seed);
  const tries = opts.tries ?? DEFAULT_TRIES;
  const tmp = fs.mkdtempSync(join(tmpdir(), 'calque-stress-serve-'));
  const root = join(tmp, 'project');
  fs.mkdirSync(join(root, 'news'), { recursive: true });
  fs.writeFileSync(join(root, 'news/a.pt.txt'), 'O prefeito anunciou o plano contra a enchente.\n');
  fs.writeFileSync(join(root, 'news/a.en.txt'), 'The mayor announced the plan against the flood.\n');
  fs.mkdirSync(join(tmp, 'static/assets'), { recursive: true });
  fs.writeFileSync(join(tmp, 'static/index.html'), '<!doctype html><title>stress</title>');
  fs.writeFileSync(join(tmp, 'static/assets/app.js'), '');
  fs.writeFileSync(join(tmp, 'secret'), 'SECRET');
  const server = await startServer({ root, staticDir: join(tmp, 'static'), token: TOKEN, maxBodyBytes: MAX_BODY, watchIntervalMs: 60_000 });
  const counts = { answered: 0, crashes: 0, hangs: 0, 'not answering hostInfo': 0 };
  const statuses = new Map<number, number>();
  const examples: string[] = [];
  const note = (s: string) => examples.length < 5 && examples.push(s);
  const alive = async () => {
    const res = await exchange(server.port, Buffer.from(`POST /api/hostInfo HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`));
    if (res.status !== 200) counts['not answering hostInfo']++;
  };
  // Errors the server logs for a 500 would flood the output: count them instead.
  const logged = console.error;
  console.error = () => undefined;
  try {
    // Warm up first: the first check loads the rule packs and dictionaries on the server's thread
    // (seconds on a busy machine; moving checks off that thread is the worker pool's job, not this part's).
    await service(server.port, 'checkArticle', { id: 'news/a.txt' });
    for (let i = 0; i < tries; i++) {
      const req = requestFor(r, server.port);
      const res = await exchange(server.port, req);
      const line = req.subarray(0, 80).toString('latin1').split('\r\n')[0];
      if (res.timedOut) {
        counts.hangs++;
        note(`try ${i}: no answer: ${line}`);
      } else if (res.status === null || res.status >= 500) {
        counts.crashes++;
        note(`try ${i}: ${res.status ?? 'closed without an answer'}: ${line}`);
      } else counts.answered++;
      if (res.status) statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (i % 50 === 49) await alive();
    }
    await alive();
  } finally {
    console.error = logged;
    await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const byStatus = [...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ');
  return { tries, counts, failures: ['crashes', 'hangs', 'not answering hostInfo'], examples: [`statuses: ${byStatus}`, ...examples] };
}
