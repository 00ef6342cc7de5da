import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/common/csp.js';
import { appSchemePrivileges, handleAppRequest, mimeTypeOf, resolveAppRequest } from '../../main/electron/app-protocol.js';

const dir = mkdtempSync(join(tmpdir(), 'calque-renderer-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Calque</title>');
writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(dir, 'assets', 'style.css'), 'body{}');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('appSchemePrivileges', () => {
  it('registers app:// as a standard, secure scheme with fetch, without bypassing the CSP', () => {
    const [scheme] = appSchemePrivileges();
    expect(scheme?.scheme).toBe('app');
    expect(scheme?.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(scheme?.privileges?.bypassCSP).not.toBe(true);
  });
});

describe('resolveAppRequest', () => {
  it('maps files inside the renderer folder', () => {
    expect(resolveAppRequest('app://calque/index.html', dir)).toBe(join(dir, 'index.html'));
    expect(resolveAppRequest('app://calque/assets/index-abc.js?v=1#x', dir)).toBe(join(dir, 'assets', 'index-abc.js'));
  });

  it('falls back to index.html for / and extensionless routes', () => {
    expect(resolveAppRequest('app://calque/', dir)).toBe(join(dir, 'index.html'));
    expect(resolveAppRequest('app://calque', dir)).toBeNull(); // not canonical: Chromium always adds the slash
    expect(resolveAppRequest('app://calque/articles/news', dir)).toBe(join(dir, 'index.html'));
  });

  it.each([
    'app://calque/../etc/passwd',
    'app://calque/assets/../../etc/passwd',
    'app://calque/%2e%2e/etc/passwd',
    'app://calque/%2E%2E/%2E%2E/etc/passwd',
    'app://calque/.%2e/etc/passwd',
    'app://calque/assets%2F..%2F..%2Fetc%2Fpasswd',
    'app://calque/..%2f..%2fetc%2fpasswd',
    'app://calque/..\\..\\etc\\passwd',
    'app://calque/assets%5c..%5cindex.html',
    'app://calque/index.html%00.js',
    'app://calque/index.html\0.js',
    'app://calque//etc/passwd',
    'app://calque/C:/Windows/win.ini',
    'app://calque/.env',
    'app://other/index.html',
    'app://calque.evil/index.html',
    'app://user@calque/index.html',
    'app://calque:8080/index.html',
    'https://calque/index.html',
    'file:///etc/passwd',
    'app://calque/%E0%A4%A.js',
  ])('refuses %s', (url) => {
    const file = resolveAppRequest(url, dir);
    // "//etc/passwd" may only ever resolve inside the folder; everything else is refused outright.
    if (file !== null) expect(file.startsWith(dir + sep)).toBe(true);
    else expect(file).toBeNull();
  });

  it('refuses every traversal outright (not just confines it)', () => {
    for (const url of ['app://calque/../etc/passwd', 'app://calque/%2e%2e/x.js', 'app://calque/a%2fb.js', 'app://calque/a\\b.js', 'app://calque/a%00.js']) {
      expect(resolveAppRequest(url, dir), url).toBeNull();
    }
  });
});

describe('handleAppRequest', () => {
  it('serves a file with its MIME type and the CSP header', async () => {
    const res = await handleAppRequest({ url: 'app://calque/assets/index-abc.js' }, { rendererDir: dir });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('serves index.html for the root with the CSP', async () => {
    const res = await handleAppRequest({ url: 'app://calque/', method: 'GET' }, { rendererDir: dir });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toContain('<title>Calque</title>');
  });

  it('answers 404 for traversal and missing files, never reading outside', async () => {
    const read: string[] = [];
    const readFile = async (p: string) => {
      read.push(p);
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    };
    expect((await handleAppRequest({ url: 'app://calque/%2e%2e/%2e%2e/etc/passwd' }, { rendererDir: dir, readFile })).status).toBe(404);
    expect(read).toEqual([]);
    const missing = await handleAppRequest({ url: 'app://calque/assets/missing.js' }, { rendererDir: dir, readFile });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(read).toEqual([join(dir, 'assets', 'missing.js')]);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await handleAppRequest({ url: 'app://calque/index.html', method: 'POST' }, { rendererDir: dir });
    expect(res.status).toBe(405);
    const head = await handleAppRequest({ url: 'app://calque/index.html', method: 'HEAD' }, { rendererDir: dir });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('knows the MIME types of the build output', () => {
    expect(mimeTypeOf('a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeOf('a.woff2')).toBe('font/woff2');
    expect(mimeTypeOf('a.svg')).toBe('image/svg+xml');
    expect(mimeTypeOf('a.wasm')).toBe('application/wasm');
    expect(mimeTypeOf('a.unknown')).toBe('application/octet-stream');
  });
});
