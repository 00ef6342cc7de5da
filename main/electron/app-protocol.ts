import type { CustomScheme } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../common/csp.js';

/**
 * The renderer is served from app://calque/… rather than file:// (DESIGN.md security table): a real
 * origin for the CSP and for 'self', module scripts and workers that load, and no access to the rest of
 * the disk from a page.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'calque';
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The argument of protocol.registerSchemesAsPrivileged (must be called before app 'ready'). */
export function appSchemePrivileges(): CustomScheme[] {
  return [
    {
      scheme: APP_SCHEME,
      // standard: real origin and relative URLs; secure: a secure context like https; supportFetchAPI:
      // fetch() and module workers. Not bypassCSP, not corsEnabled: nothing else may read from it.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ];
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeOf(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Map an app:// URL to a file inside rendererDir, or null. Chromium already normalises the URL of a
 * standard scheme; this checks again on the raw text (defence in depth, and for callers that do not):
 * any "..", encoded dot, encoded slash or backslash, backslash, NUL, dot-file, other host, port or
 * credentials is refused. "/" and extensionless routes fall back to index.html (client-side routes).
 */
export function resolveAppRequest(url: string, rendererDir: string): string | null {
  if (typeof url !== 'string' || url.length > 4096) return null;
  const prefix = `${APP_SCHEME}://${APP_HOST}/`;
  if (!url.startsWith(prefix)) return null;
  const rawPath = url.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  if (/\\|%5c|%2f|%2e|%00|\0/i.test(rawPath)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (/[\0\\:]/.test(decoded)) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s.startsWith('.'))) return null; // "..", "." and hidden files
  const last = segments[segments.length - 1];
  if (!last || !extname(last)) segments.splice(0, segments.length, 'index.html');
  const root = resolve(rendererDir);
  const file = resolve(root, ...segments);
  const rel = relative(root, file);
  if (!rel || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return null;
  return file;
}

export interface AppProtocolDeps {
  rendererDir: string;
  /** Reads a file's bytes; fs by default (tests inject a fake). */
  readFile?: (path: string) => Promise<Uint8Array>;
  log?: (message: string) => void;
}

/** Headers of every app:// response: the CSP also covers workers, which take it from their own script's response. */
function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

/** The protocol.handle('app', …) handler. Reads with fs (no net.fetch of file:// URLs: simpler to confine and test). */
export async function handleAppRequest(request: { url: string; method?: string }, deps: AppProtocolDeps): Promise<Response> {
  const method = (request.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    return new Response('Method Not Allowed', { status: 405, headers: { ...baseHeaders(), Allow: 'GET, HEAD' } });
  }
  const file = resolveAppRequest(request.url, deps.rendererDir);
  if (!file) {
    deps.log?.(`app:// refused ${request.url}`);
    return new Response('Not Found', { status: 404, headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  let body: Uint8Array;
  try {
    body = await (deps.readFile ?? readFile)(file);
  } catch {
    return new Response('Not Found', { status: 404, headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const headers = { ...baseHeaders(), 'Content-Type': mimeTypeOf(file), 'Content-Length': String(body.byteLength) };
  return new Response(method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers });
}
