import { randomBytes, timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, resolve, isAbsolute } from 'node:path';
import { API_METHODS, CalqueError, type ApiMethod, type LanguagePair } from '../contract/api.js';
import { dispatch, toErrorInfo } from '../core/api-schemas.js';
import { CalqueService } from '../core/service.js';
import { defaultCheckWorkers } from '../core/checks/service.js';
import { CONTENT_SECURITY_POLICY } from '../common/csp.js';

export interface ServeOptions {
  root: string;
  port?: number;
  /** Interface to bind; loopback unless the user says otherwise. */
  host?: string;
  languages?: LanguagePair[];
  /** The built renderer (index.html + assets). */
  staticDir: string;
  /** Fixed token (tests); random otherwise. */
  token?: string;
  version?: string;
  /** How often open articles are checked for outside changes (tests shorten it). */
  watchIntervalMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  service: CalqueService;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

const MAX_BODY = 80 * 1024 * 1024;
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

const API_SET = new Set<string>(API_METHODS);

/** Security headers on every response (DESIGN.md security table). */
function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

/**
 * `calque serve`: the renderer build plus POST /api/<method> and GET /api/events (server-sent events).
 * Loopback by default; every request needs the token (exchanged once for an HttpOnly cookie); the Host
 * header must name this server (DNS rebinding); API calls must come from our own origin.
 */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const bindHost = opts.host ?? '127.0.0.1';
  const service = new CalqueService({ root: resolve(opts.root), languages: opts.languages, host: { kind: 'browser', version: opts.version }, watchIntervalMs: opts.watchIntervalMs, backgroundChecks: true, checkWorkers: defaultCheckWorkers() });
  await service.openProject({});
  const staticDir = resolve(opts.staticDir);
  const sseClients = new Set<http.ServerResponse>();
  let port = 0;
  let cookieName = 'calque';

  const unsubscribe = service.on((name, payload) => {
    const data = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of sseClients) res.write(data);
  });

  const allowedHosts = () => {
    const names = new Set(LOOPBACK_NAMES);
    if (bindHost !== '0.0.0.0' && bindHost !== '::') names.add(bindHost.includes(':') ? `[${bindHost}]` : bindHost);
    return new Set([...names].map((n) => `${n}:${port}`.toLowerCase()));
  };

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err) => {
      console.error('calque serve: unexpected error', err);
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', params: {} } });
      else res.end();
    });
  });

  function send(res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
    const json = JSON.stringify(body);
    res.writeHead(status, { ...baseHeaders(), 'Content-Type': 'application/json; charset=utf-8', ...extra });
    res.end(json);
  }

  function authorized(req: http.IncomingMessage): boolean {
    const cookie = parseCookies(req.headers.cookie).get(cookieName);
    if (cookie && safeEqual(cookie, token)) return true;
    const auth = req.headers.authorization;
    return !!auth && auth.startsWith('Bearer ') && safeEqual(auth.slice(7), token);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const hostHeader = (req.headers.host ?? '').toLowerCase();
    if (!allowedHosts().has(hostHeader)) {
      res.writeHead(421, { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Misdirected request: unknown Host header.\n');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${hostHeader}`);
    const given = url.searchParams.get('token');
    if (given !== null && req.method === 'GET') {
      if (!safeEqual(given, token)) {
        res.writeHead(401, { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Unauthorized: this link has the wrong token. Open the address that `calque serve` printed.\n');
        return;
      }
      url.searchParams.delete('token');
      res.writeHead(303, {
        ...baseHeaders(),
        'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        // One leading slash only: "//evil.example/" would be a link to another site.
        Location: url.pathname.replace(/^[/\\]+/, '/') + url.search,
      });
      res.end();
      return;
    }
    if (!authorized(req)) {
      const wantsApi = url.pathname.startsWith('/api/');
      if (wantsApi) send(res, 401, { ok: false, error: { code: 'unauthorized', params: {} } });
      else {
        res.writeHead(401, { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Unauthorized: open the address that `calque serve` printed (it carries the access token).\n');
      }
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') return openEvents(req, res);
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice(5));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...baseHeaders(), Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    serveStatic(url.pathname, res, req.method === 'HEAD');
  }

  function openEvents(_req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { ...baseHeaders(), 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    sseClients.add(res);
    res.on('close', () => sseClients.delete(res));
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') {
      send(res, 405, { ok: false, error: { code: 'invalidRequest', params: { reason: 'POST only' } } }, { Allow: 'POST' });
      return;
    }
    // Cross-site requests: SameSite=Strict already withholds the cookie; the Origin check is a second lock.
    const origin = req.headers.origin;
    if (origin && !allowedHosts().has(origin.replace(/^https?:\/\//, '').toLowerCase())) {
      send(res, 403, { ok: false, error: { code: 'unauthorized', params: {} } });
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      send(res, 415, { ok: false, error: { code: 'invalidRequest', params: { reason: 'JSON only' } } });
      return;
    }
    if (!API_SET.has(method)) {
      send(res, 404, { ok: false, error: { code: 'invalidRequest', params: { reason: `unknown method ${method}` } } });
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (err) {
      const tooLarge = err instanceof CalqueError;
      send(res, tooLarge ? 413 : 400, { ok: false, error: { code: 'invalidRequest', params: { reason: tooLarge ? 'request too large' : 'malformed JSON' } } });
      return;
    }
    try {
      const result = await dispatch(service, method as ApiMethod, body);
      send(res, 200, { ok: true, result });
    } catch (err) {
      if (!(err instanceof CalqueError)) console.error(`calque serve: ${method} failed`, err);
      const info = toErrorInfo(err);
      const status = info.code === 'invalidRequest' ? 400 : info.code === 'internal' ? 500 : 422;
      send(res, status, { ok: false, error: info });
    }
  }

  function serveStatic(pathname: string, res: http.ServerResponse, headOnly: boolean): void {
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      res.writeHead(400, baseHeaders());
      res.end();
      return;
    }
    let file = resolve(staticDir, '.' + (rel === '/' ? '/index.html' : rel));
    const back = relative(staticDir, file);
    if (back.startsWith('..') || isAbsolute(back) || rel.includes('\0')) {
      res.writeHead(404, baseHeaders());
      res.end();
      return;
    }
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      // Client-side routes fall back to the app; missing assets stay 404.
      if (extname(rel)) {
        res.writeHead(404, baseHeaders());
        res.end();
        return;
      }
      file = join(staticDir, 'index.html');
    }
    if (!fs.existsSync(file)) {
      res.writeHead(500, { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('The Calque UI is not built. Run `npm run build` first.\n');
      return;
    }
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers: Record<string, string> = { ...baseHeaders(), 'Content-Type': type };
    // Hashed assets never change; index.html must not be cached (it names the current assets).
    if (file.includes(`${join(staticDir, 'assets')}`)) headers['Cache-Control'] = 'public, max-age=31536000, immutable';
    res.writeHead(200, headers);
    if (headOnly) res.end();
    else fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, bindHost, () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  cookieName = `calque-${port}`;
  const shownHost = bindHost === '0.0.0.0' || bindHost === '::' ? '127.0.0.1' : bindHost.includes(':') ? `[${bindHost}]` : bindHost;
  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    port,
    token,
    service,
    close: async () => {
      unsubscribe();
      service.dispose();
      for (const res of sseClients) res.end();
      server.closeAllConnections?.();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new CalqueError('invalidRequest', { reason: 'request too large' }));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
