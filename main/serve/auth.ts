/**
 * The serve token. The printed link (`?token=`) is exchanged ONCE for an HttpOnly cookie: a copied or
 * leaked link (browser history, a shared screen, a proxy log) does not open a second session. A browser
 * that already holds the cookie may follow the link again (it only strips the token). Scripts send
 * `Authorization: Bearer <token>` (scheme case-insensitive, RFC 7235).
 */
import { timingSafeEqual } from 'node:crypto';
import type * as http from 'node:http';

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

export function bearerToken(header: string | undefined): string | null {
  const m = /^bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

export type LinkOutcome = 'exchange' | 'alreadyIn' | 'used' | 'wrong';

export class TokenGate {
  private linkUsed = false;
  constructor(
    readonly token: string,
    private cookieName: string,
  ) {}

  setCookieName(name: string): void {
    this.cookieName = name;
  }

  cookieHeader(): string {
    return `${this.cookieName}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
  }

  hasCookie(req: http.IncomingMessage): boolean {
    const cookie = parseCookies(req.headers.cookie).get(this.cookieName);
    return !!cookie && safeEqual(cookie, this.token);
  }

  authorized(req: http.IncomingMessage): boolean {
    if (this.hasCookie(req)) return true;
    const bearer = bearerToken(req.headers.authorization);
    return bearer !== null && safeEqual(bearer, this.token);
  }

  /** What to do with a GET that carries `?token=`. */
  useLink(req: http.IncomingMessage, given: string): LinkOutcome {
    if (!safeEqual(given, this.token)) return 'wrong';
    if (this.hasCookie(req)) return 'alreadyIn';
    if (this.linkUsed) return 'used';
    this.linkUsed = true;
    return 'exchange';
  }
}
