import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, resolve, isAbsolute } from 'node:path';
import { API_METHODS, CalqueError, type ApiMethod, type LanguagePair } from '../contract/api.js';
import { dispatch, toErrorInfo } from '../core/api-schemas.js';
import { CalqueService } from '../core/service.js';
import { defaultCheckWorkers } from '../core/checks/service.js';
import { CONTENT_SECURITY_POLICY } from '../common/csp.js';
import { TokenGate } from './auth.js';
import { BodyTooLarge, readBody } from './body.js';
import { grantedExportDir } from './export-grant.js';
import { hostAllowed, type ConnectionInfo } from './host-check.js';
import { drained, stringifyInSlices, yieldToLoop } from './json-slices.js';

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
  /** The only folder (and its subfolders) the page may export into; default `<root>-export`. */
  exportDir?: string;
  /** Largest request body accepted (413 above it). */
  maxBodyBytes?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  /** Where exports may go (see ServeOptions.exportDir). */
  exportDir: string;
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

/** Above the largest request the schemas accept (a 64 MB text plus JSON escaping headroom). */
export const MAX_BODY_BYTES = 80 * 1024 * 1024;

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

/**
 * `calque serve`: the renderer build plus POST /api/<method> and GET /api/events (server-sent events).
 * Loopback by default; every request needs the token (exchanged once for an HttpOnly cookie); the Host
 * header must name this server (DNS rebinding); API calls must come from our own origin.
 */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const bindHost = opts.host ?? '127.0.0.1';
  const root = resolve(opts.root);
  const exportDir = resolve(opts.exportDir ?? `${root.replace(/[\\/]+$/, '')}-export`);
  const maxBody = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const service = new CalqueService({ root, languages: opts.languages, host: { kind: 'browser', version: opts.version, exportDir }, watchIntervalMs: opts.watchIntervalMs, backgroundChecks: true, checkWorkers: defaultCheckWorkers() });
  await service.openProject({});
  const staticDir = resolve(opts.staticDir);
  const sseClients = new Set<http.ServerResponse>();
  let port = 0;
  const gate = new TokenGate(token, 'calque');

  const unsubscribe = service.on((name, payload) => {
    const data = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of sseClients) res.write(data);
  });

  const connection = (req: http.IncomingMessage): ConnectionInfo => ({ bindHost, port, localAddress: req.socket.localAddress, remoteAddress: req.socket.remoteAddress });

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

  /**
   * `send` for API results, which can be a book's worth of findings or a million lines of text:
   * written in slices (json-slices.ts), each encoded here as it comes and handed to the socket only
   * when it has drained, so no one write (nor one big writev of queued strings) holds the thread.
   */
  async function sendResult(res: http.ServerResponse, body: unknown): Promise<void> {
    const head = { ...baseHeaders(), 'Content-Type': 'application/json; charset=utf-8' };
    let pending: string[] = [];
    let size = 0;
    const flush = (): boolean => {
      const chunk = Buffer.from(pending.join(''), 'utf8');
      pending = [];
      size = 0;
      return res.write(chunk);
    };
    const emit = (piece: string) => {
      if (!res.headersSent) res.writeHead(200, head);
      pending.push(piece);
      size += piece.length;
    };
    const abandoned = new Error('client gone');
    const pause = async () => {
      // The client went away (a reload, a closed tab): the rest of the reply is not worked out, no one would read it.
      if (res.destroyed) throw abandoned;
      if (size >= 1 << 16 && !flush()) await drained(res);
      await yieldToLoop();
    };
    const written = await stringifyInSlices(body, emit, pause).catch((err: unknown) => {
      if (err === abandoned) return null;
      if (res.headersSent) res.destroy();
      throw err;
    });
    if (!written) return;
    const { sliced } = written;
    if (!sliced && !res.headersSent) res.writeHead(200, head);
    res.end(pending.join(''));
  }

  function text(res: http.ServerResponse, status: number, body: string, extra: Record<string, string> = {}): void {
    res.writeHead(status, { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8', ...extra });
    res.end(body);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const hostHeader = (req.headers.host ?? '').toLowerCase();
    if (!hostAllowed(hostHeader, connection(req))) return text(res, 421, 'Misdirected request: unknown Host header.\n');
    const url = new URL(req.url ?? '/', `http://${hostHeader}`);
    const given = url.searchParams.get('token');
    if (given !== null && req.method === 'GET') {
      const outcome = gate.useLink(req, given);
      if (outcome === 'wrong') return text(res, 401, 'Unauthorized: this link has the wrong token. Open the address that `calque serve` printed.\n');
      if (outcome === 'used') {
        return text(res, 401, 'Unauthorized: this link has already been used by another browser. Go back to the tab it opened, or restart `calque serve` for a new link.\n');
      }
      url.searchParams.delete('token');
      res.writeHead(303, {
        ...baseHeaders(),
        ...(outcome === 'exchange' ? { 'Set-Cookie': gate.cookieHeader() } : {}),
        // One leading slash only: "//evil.example/" would be a link to another site.
        Location: url.pathname.replace(/^[/\\]+/, '/') + url.search,
      });
      res.end();
      return;
    }
    if (!gate.authorized(req)) {
      if (url.pathname.startsWith('/api/')) send(res, 401, { ok: false, error: { code: 'unauthorized', params: {} } });
      else text(res, 401, 'Unauthorized: open the address that `calque serve` printed (it carries the access token).\n');
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
    if (origin && !hostAllowed(origin.replace(/^https?:\/\//, ''), connection(req))) {
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
      body = JSON.parse(await readBody(req, maxBody));
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        // Connection: close, because the rest of the body is not read.
        send(res, 413, { ok: false, error: { code: 'requestTooLarge', params: { limit: err.limit } } }, { Connection: 'close' });
      } else send(res, 400, { ok: false, error: { code: 'invalidRequest', params: { reason: 'malformed JSON' } } });
      return;
    }
    try {
      if (method === 'exportAll') body = withGrantedExportDir(body);
      const result = await dispatch(service, method as ApiMethod, body);
      await sendResult(res, { ok: true, result });
      return;
    } catch (err) {
      if (!(err instanceof CalqueError)) console.error(`calque serve: ${method} failed`, err);
      const info = toErrorInfo(err);
      const status = info.code === 'invalidRequest' ? 400 : info.code === 'internal' ? 500 : 422;
      send(res, status, { ok: false, error: info });
    }
  }

  /** exportAll from the page: only into the granted folder (the request is validated after this). */
  function withGrantedExportDir(body: unknown): unknown {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
    const outDir = (body as { outDir?: unknown }).outDir;
    if (outDir !== undefined && typeof outDir !== 'string') return body;
    return { ...body, outDir: grantedExportDir(outDir, exportDir) };
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
  gate.setCookieName(`calque-${port}`);
  const shownHost = bindHost === '0.0.0.0' || bindHost === '::' ? '127.0.0.1' : bindHost.includes(':') ? `[${bindHost}]` : bindHost;
  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    port,
    token,
    exportDir,
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
