import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedHostsFor } from '../../main/serve/host-check.js';
import { startServer, type RunningServer } from '../../main/serve/server.js';

const TOKEN = 'hardening-token-7c1e';
let tmp: string;
let root: string;
let staticDir: string;

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, to a chosen address, with a chosen Host header. */
function raw(port: number, path: string, opts: { address?: string; method?: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean } = {}): Promise<Raw> {
  return new Promise((resolvePromise, reject) => {
    const req = http.request({ host: opts.address ?? '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (opts.chunked && opts.body) {
      // No Content-Length: the server only learns the size while reading.
      const buf = Buffer.from(opts.body);
      for (let i = 0; i < buf.length; i += 16 * 1024) req.write(buf.subarray(i, i + 16 * 1024));
      req.end();
    } else req.end(opts.body);
  });
}

const external = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal);

beforeAll(() => {
  tmp = fs.mkdtempSync(join(tmpdir(), 'calque-harden-'));
  root = join(tmp, 'project');
  fs.mkdirSync(root);
  fs.writeFileSync(join(root, 'a.pt.txt'), 'O gato dorme.\n');
  fs.writeFileSync(join(root, 'a.en.txt'), 'The cat sleeps.\n');
  // The direction is set (a lone pt/en pair of names is a question; nothing exports before its answer).
  fs.mkdirSync(join(root, '.calque'));
  fs.writeFileSync(join(root, '.calque/project.json'), JSON.stringify({ formatVersion: 1, pairs: [{ source: 'pt', target: 'en' }] }));
  staticDir = join(tmp, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('request body limit', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ root, staticDir, token: TOKEN, maxBodyBytes: 64 * 1024 });
  });
  afterAll(() => server.close());

  const post = (body: string, chunked: boolean) =>
    raw(server.port, '/api/checkArticle', {
      method: 'POST',
      headers: { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', ...(chunked ? {} : { 'Content-Length': String(Buffer.byteLength(body)) }) },
      body,
      chunked,
    });

  it.each([false, true])('a body over the limit gets 413 requestTooLarge, not a reset connection (chunked: %s)', async (chunked) => {
    const body = JSON.stringify({ id: 'a.txt', text: 'x'.repeat(1024 * 1024) });
    const res = await post(body, chunked);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'requestTooLarge', params: { limit: 64 * 1024 } } });
    // The server still answers afterwards.
    const ok = await post(JSON.stringify({ id: 'a.txt' }), false);
    expect(ok.status).toBe(200);
  });
});

describe('the token link is exchanged once', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ root, staticDir, token: TOKEN });
  });
  afterAll(() => server.close());

  it('a second use of the link without the cookie is refused; the browser that holds the cookie may follow it', async () => {
    const host = { Host: `127.0.0.1:${server.port}` };
    const first = await raw(server.port, `/?token=${TOKEN}&lng=de`, { headers: host });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/?lng=de');
    const cookie = (first.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    expect(cookie).toBe(`calque-${server.port}=${TOKEN}`);

    const replay = await raw(server.port, `/?token=${TOKEN}`, { headers: host });
    expect(replay.status).toBe(401);
    expect(replay.headers['set-cookie']).toBeUndefined();
    expect(replay.body).toMatch(/already been used/);

    const sameBrowser = await raw(server.port, `/?token=${TOKEN}&lng=ar`, { headers: { ...host, Cookie: cookie } });
    expect(sameBrowser.status).toBe(303);
    expect(sameBrowser.headers['set-cookie']).toBeUndefined();
    expect(sameBrowser.headers.location).toBe('/?lng=ar');
    expect((await raw(server.port, '/', { headers: { ...host, Cookie: cookie } })).status).toBe(200);
  });

  it.each(['Bearer', 'bearer', 'BEARER'])('scripts keep Authorization: %s <token>', async (scheme) => {
    const res = await raw(server.port, '/api/hostInfo', {
      method: 'POST',
      headers: { Host: `127.0.0.1:${server.port}`, Authorization: `${scheme} ${TOKEN}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
  });
});

describe('bind-address-aware Host check', () => {
  it('a loopback Host name is only believed on a loopback connection', () => {
    const onLan = allowedHostsFor({ bindHost: '0.0.0.0', port: 9, localAddress: '192.168.1.5', remoteAddress: '192.168.1.7' });
    expect([...onLan]).toEqual(['192.168.1.5:9']);
    const mapped = allowedHostsFor({ bindHost: '::', port: 9, localAddress: '::ffff:192.168.1.5', remoteAddress: '::ffff:192.168.1.7' });
    expect([...mapped]).toEqual(['192.168.1.5:9']);
    const local = allowedHostsFor({ bindHost: '127.0.0.1', port: 9, localAddress: '127.0.0.1', remoteAddress: '127.0.0.1' });
    expect(local.has('localhost:9') && local.has('127.0.0.1:9') && local.has('[::1]:9')).toBe(true);
    const named = allowedHostsFor({ bindHost: 'box.lan', port: 9, localAddress: '10.0.0.2', remoteAddress: '10.0.0.3' });
    expect([...named].sort()).toEqual(['10.0.0.2:9', 'box.lan:9']);
  });

  it.skipIf(!external)('bound to 0.0.0.0, a client on another address sending Host: 127.0.0.1 gets 421', async () => {
    const server = await startServer({ root, staticDir, token: TOKEN, host: '0.0.0.0' });
    try {
      const address = external!.address;
      const headers = { Authorization: `Bearer ${TOKEN}` };
      const forged = await raw(server.port, '/', { address, headers: { ...headers, Host: `127.0.0.1:${server.port}` } });
      expect(forged.status).toBe(421);
      const forgedName = await raw(server.port, '/', { address, headers: { ...headers, Host: `localhost:${server.port}` } });
      expect(forgedName.status).toBe(421);
      const honest = await raw(server.port, '/', { address, headers: { ...headers, Host: `${address}:${server.port}` } });
      expect(honest.status).toBe(200);
      const loopback = await raw(server.port, '/', { headers: { ...headers, Host: `127.0.0.1:${server.port}` } });
      expect(loopback.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('--host other than loopback warns that the token travels in clear text', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve('main/cli/calque.ts'), 'serve', root, '--host', '0.0.0.0', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LANG: 'C' },
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no start: ${err}`)), 20_000);
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('Calque is serving')) {
          clearTimeout(timer);
          done();
        }
      });
    });
    child.kill('SIGTERM');
    expect(err).toMatch(/0\.0\.0\.0.*clear text/);
  }, 30_000);
});

describe('exportAll in serve only writes where the user granted', () => {
  let server: RunningServer;
  let granted: string;
  beforeAll(async () => {
    granted = join(tmp, 'granted');
    server = await startServer({ root, staticDir, token: TOKEN, exportDir: granted });
  });
  afterAll(() => server.close());

  const exportAll = async (body: unknown) => {
    const res = await raw(server.port, '/api/exportAll', {
      method: 'POST',
      headers: { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: JSON.parse(res.body) as { ok: boolean; result?: { outDir: string }; error?: { code: string } } };
  };

  it.each([() => join(tmp, 'elsewhere'), () => join(tmp, 'granted-not'), () => join(granted, '..', 'outside')])('an absolute folder outside the grant is refused', async (dir) => {
    const res = await exportAll({ outDir: dir() });
    expect(res.status).toBe(422);
    expect(res.body.error!.code).toBe('exportDirNotGranted');
    expect(fs.existsSync(dir())).toBe(false);
  });

  it('a symlink inside the grant pointing out of it is refused', async () => {
    fs.mkdirSync(granted, { recursive: true });
    fs.mkdirSync(join(tmp, 'target-of-link'), { recursive: true });
    fs.symlinkSync(join(tmp, 'target-of-link'), join(granted, 'link'));
    const res = await exportAll({ outDir: join(granted, 'link', 'x') });
    expect(res.body.error?.code).toBe('exportDirNotGranted');
  });

  it('the granted folder (by default) and folders inside it are accepted, and hostInfo names it', async () => {
    const info = await raw(server.port, '/api/hostInfo', {
      method: 'POST',
      headers: { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(JSON.parse(info.body).result.defaultExportDir).toBe(granted);
    const byDefault = await exportAll({});
    expect(byDefault.body.result!.outDir).toBe(granted);
    const inside = await exportAll({ outDir: join(granted, 'week-1') });
    expect(inside.body.ok).toBe(true);
    await expect.poll(() => fs.existsSync(join(granted, 'week-1', 'a.en.txt'))).toBe(true);
  });
});
