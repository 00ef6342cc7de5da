import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/common/csp.js';
import { startServer, type RunningServer } from '../../main/serve/server.js';

const TOKEN = 'test-token-4f9a2c1d8e';
const INDEX_HTML = '<!doctype html><title>Calque test UI</title><script type="module" src="/assets/app.js"></script>';
const APP_JS = 'console.log("calque test app");';
const SECRET = 'TOP-SECRET-OUTSIDE-STATIC-DIR';

let tmp: string;
let root: string;
let server: RunningServer;
let base: string;
let cookie: string;

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request sent exactly as written (fetch would normalise the path and drop a forged Host header). */
function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

function api(method: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/api/${method}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, ...headers },
    body: JSON.stringify(body),
  });
}

interface ApiBody {
  ok: boolean;
  result?: { articles?: { id: string }[]; target?: { text: string }; revision?: string };
  error?: { code: string; params: Record<string, unknown> };
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(join(tmpdir(), 'calque-serve-'));
  root = join(tmp, 'project');
  fs.mkdirSync(root);
  fs.writeFileSync(join(root, 'a.pt.txt'), 'O gato dorme.\n');
  fs.writeFileSync(join(root, 'a.en.txt'), 'The cat sleeps.\n');
  fs.writeFileSync(join(root, 'b.es.txt'), 'El perro come.\n');
  fs.writeFileSync(join(root, 'b.en.txt'), 'The dog eats.\n');
  const staticDir = join(tmp, 'static');
  fs.mkdirSync(join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(join(staticDir, 'index.html'), INDEX_HTML);
  fs.writeFileSync(join(staticDir, 'assets', 'app.js'), APP_JS);
  // Files a path traversal out of staticDir would reach.
  fs.writeFileSync(join(tmp, 'package.json'), JSON.stringify({ name: SECRET }));
  fs.writeFileSync(join(tmp, 'secret'), SECRET);
  server = await startServer({ root, staticDir, port: 0, token: TOKEN });
  base = `http://127.0.0.1:${server.port}`;
  cookie = `calque-${server.port}=${TOKEN}`;
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('calque serve: access token', () => {
  it('listens on 127.0.0.1 by default and prints a loopback URL with the token', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${TOKEN}`);
    expect(server.port).toBeGreaterThan(0);
    expect(server.token).toBe(TOKEN);
    // Not reachable on another interface of this machine.
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) {
      const outcome = await new Promise<string>((resolve) => {
        const sock = net.connect({ host: external.address, port: server.port });
        sock.setTimeout(1000, () => (sock.destroy(), resolve('timeout')));
        sock.on('connect', () => (sock.destroy(), resolve('connected')));
        sock.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
      });
      expect(outcome).not.toBe('connected');
    }
  });

  it('no token → 401 and no page', async () => {
    const res = await fetch(`${base}/`, { redirect: 'manual' });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain('Calque test UI');
    const a = await fetch(`${base}/assets/app.js`, { redirect: 'manual' });
    expect(a.status).toBe(401);
  });

  it('wrong ?token → 401 and no cookie', async () => {
    const res = await fetch(`${base}/?token=wrong-token`, { redirect: 'manual' });
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
    const sameLength = await fetch(`${base}/?token=${'x'.repeat(TOKEN.length)}`, { redirect: 'manual' });
    expect(sameLength.status).toBe(401);
  });

  it('right ?token → 303 with an HttpOnly SameSite=Strict cookie and a Location without the token', async () => {
    const res = await fetch(`${base}/?token=${TOKEN}`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie.startsWith(`calque-${server.port}=${TOKEN};`)).toBe(true);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Strict/i);
    expect(res.headers.get('location')).toBe('/');

    // The link is exchanged once; the browser holding the cookie may follow it again.
    const deep = await fetch(`${base}/review/x?lang=pt&token=${TOKEN}`, { redirect: 'manual', headers: { Cookie: cookie } });
    expect(deep.status).toBe(303);
    expect(deep.headers.get('location')).toBe('/review/x?lang=pt');
  });

  it('a random token is generated when none is given', async () => {
    const other = await startServer({ root, staticDir: join(tmp, 'static'), port: 0 });
    try {
      expect(other.token.length).toBeGreaterThanOrEqual(24);
      expect(other.token).not.toBe(TOKEN);
      expect(other.url).toContain(`token=${other.token}`);
      const res = await fetch(`http://127.0.0.1:${other.port}/?token=${TOKEN}`, { redirect: 'manual' });
      expect(res.status).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('calque serve: pages', () => {
  it('with the cookie, GET / is the app with the Content-Security-Policy header', async () => {
    const res = await fetch(`${base}/`, { redirect: 'manual', headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe(INDEX_HTML);
  });

  it('serves assets with their type', async () => {
    const res = await fetch(`${base}/assets/app.js`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await res.text()).toBe(APP_JS);
    const missing = await fetch(`${base}/assets/missing.js`, { headers: { Cookie: cookie } });
    expect(missing.status).toBe(404);
  });

  it('a wrong Host header → 421 even with a valid cookie (DNS rebinding)', async () => {
    const evil = await raw('/', { headers: { Host: `evil.example:${server.port}`, Cookie: cookie } });
    expect(evil.status).toBe(421);
    expect(evil.body).not.toContain('Calque test UI');
    const evilApi = await raw('/api/openProject', {
      method: 'POST',
      headers: { Host: `evil.example:${server.port}`, Cookie: cookie, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(evilApi.status).toBe(421);
    const wrongPort = await raw('/', { headers: { Host: `127.0.0.1:${server.port + 1}`, Cookie: cookie } });
    expect(wrongPort.status).toBe(421);
    // Control: the loopback names are accepted.
    const ok = await raw('/', { headers: { Host: `localhost:${server.port}`, Cookie: cookie } });
    expect(ok.status).toBe(200);
  });

  it.each(['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fsecret', '/%2e%2e%2fsecret', '/assets/%2e%2e/%2e%2e/secret'])(
    'static path traversal %s never returns a file outside staticDir',
    async (path) => {
      const res = await raw(path, { headers: { Cookie: cookie } });
      expect(res.body).not.toContain(SECRET);
      // Refused, or resolved inside staticDir (a path without extension falls back to the app page).
      if (res.status !== 404) {
        expect(res.status).toBe(200);
        expect(res.body).toBe(INDEX_HTML);
      }
    },
  );
});

describe('calque serve: API', () => {
  it('POST /api/openProject with the cookie lists the articles', async () => {
    const res = await api('openProject', {});
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as ApiBody;
    expect(body.ok).toBe(true);
    expect(body.result!.articles!.map((a) => a.id)).toEqual(['a.txt', 'b.txt']);
  });

  it('API without credentials → 401 unauthorized', async () => {
    const res = await fetch(`${base}/api/openProject`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
    expect(((await res.json()) as ApiBody).error!.code).toBe('unauthorized');
  });

  it('a Bearer token works; a wrong one does not', async () => {
    const res = await fetch(`${base}/api/getArticle`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ id: 'a.txt' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as ApiBody;
    expect(body.ok).toBe(true);
    expect(body.result!.target!.text).toBe('The cat sleeps.');

    const wrong = await fetch(`${base}/api/getArticle`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer nope' },
      body: JSON.stringify({ id: 'a.txt' }),
    });
    expect(wrong.status).toBe(401);
  });

  it('POST with a foreign Origin → 403; our own origin is accepted', async () => {
    const res = await api('openProject', {}, { Origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as ApiBody).ok).toBe(false);
    const own = await api('openProject', {}, { Origin: base });
    expect(own.status).toBe(200);
  });

  it('a foreign Origin cannot save', async () => {
    const before = fs.readFileSync(join(root, 'b.en.txt'));
    const res = await api('saveArticle', { id: 'b.txt', text: 'pwned', expectedRevision: '', force: true }, { Origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(fs.readFileSync(join(root, 'b.en.txt')).equals(before)).toBe(true);
  });

  it('GET /api/openProject → 405', async () => {
    const res = await fetch(`${base}/api/openProject`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it('a non-JSON content type → 415', async () => {
    const res = await fetch(`${base}/api/openProject`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(res.status).toBe(415);
    expect(((await res.json()) as ApiBody).error!.code).toBe('invalidRequest');
  });

  it('an invalid request body → 400 invalidRequest', async () => {
    const traversal = await api('getArticle', { id: '../../etc/passwd' });
    expect(traversal.status).toBe(400);
    expect(((await traversal.json()) as ApiBody).error!.code).toBe('invalidRequest');

    const extra = await api('getArticle', { id: 'a.txt', extra: true });
    expect(extra.status).toBe(400);
    expect(((await extra.json()) as ApiBody).error!.code).toBe('invalidRequest');

    const malformed = await fetch(`${base}/api/getArticle`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: '{ nope' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as ApiBody).error!.code).toBe('invalidRequest');
  });

  it('an unknown method → 404', async () => {
    const res = await api('deleteEverything', {});
    expect(res.status).toBe(404);
    const proto = await api('__proto__', {});
    expect(proto.status).toBe(404);
  });

  it('a page cannot open another folder than the served one', async () => {
    const res = await api('openProject', { root: tmp });
    expect(res.status).toBe(422);
    expect(((await res.json()) as ApiBody).error!.code).toBe('pathOutsideProject');
  });

  it('errors from core cross as { code, params }', async () => {
    const res = await api('getArticle', { id: 'nope.txt' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as ApiBody).error).toEqual({ code: 'unknownArticle', params: { id: 'nope.txt' } });
  });
});

describe('calque serve: events', () => {
  // startServer has no option for the watch interval: the service's default (700 ms) applies.
  it('GET /api/events delivers articleChangedOnDisk after an outside change to an opened article', async () => {
    const abort = new AbortController();
    const res = await fetch(`${base}/api/events`, { headers: { Cookie: cookie }, signal: abort.signal });
    try {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';

      const opened = await api('getArticle', { id: 'a.txt' });
      expect(opened.status).toBe(200);
      await new Promise((r) => setTimeout(r, 50));
      fs.writeFileSync(join(root, 'a.en.txt'), 'The cat was changed by another program.\n');

      const deadline = Date.now() + 4000;
      let match: RegExpMatchArray | null = null;
      while (!match) {
        const left = deadline - Date.now();
        if (left <= 0) break;
        const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), left))]);
        if (!chunk || chunk.done) break;
        text += decoder.decode(chunk.value, { stream: true });
        match = text.match(/event: articleChangedOnDisk\ndata: (.*)\n\n/);
      }
      expect(match, `events received: ${JSON.stringify(text)}`).not.toBeNull();
      const payload = JSON.parse(match![1]!) as { id: string; revision: string; deleted: boolean };
      const disk = (await (await api('readDisk', { id: 'a.txt' })).json()) as ApiBody;
      expect(payload).toEqual({ id: 'a.txt', revision: disk.result!.revision, deleted: false });
    } finally {
      abort.abort();
    }
  });

  it('the event stream needs the token', async () => {
    const res = await fetch(`${base}/api/events`, { redirect: 'manual' });
    expect(res.status).toBe(401);
  });
});
