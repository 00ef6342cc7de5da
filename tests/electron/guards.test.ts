import { describe, expect, it, vi } from 'vitest';
import {
  installGuards,
  installPermissionGuards,
  isAllowedExternalUrl,
  isAllowedNavigation,
  type GuardedContents,
  type PermissionSession,
} from '../../main/electron/guards.js';

describe('isAllowedNavigation', () => {
  it.each(['app://calque/index.html', 'app://calque/', 'app://calque/assets/index-abc.js?x=1#top'])('allows %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
  });
  it.each([
    'https://evil.example/',
    'http://calque/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://other-host/index.html',
    'app://calque.evil.example/index.html',
    'app://user:pw@calque/index.html',
    'blob:app://calque/123',
    'about:blank',
    'not a url',
    '',
  ])('denies %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  it('allows only https links without credentials', () => {
    expect(isAllowedExternalUrl('https://example.org/docs')).toBe(true);
    for (const url of ['http://example.org', 'file:///etc/passwd', 'javascript:alert(1)', 'ms-settings:', 'vscode://x', 'https://bank@evil.example', 'smb://host/share']) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});

type Listener = (...args: unknown[]) => void;
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
      openHandler = h;
    },
  };
  const fire = (name: string, ...args: unknown[]) => {
    const l = listeners.get(name);
    if (!l) throw new Error(`no listener for ${name}`);
    l(...args);
  };
  return { contents: contents as unknown as GuardedContents, fire, open: (url: string) => openHandler!({ url }) };
}
const event = (url?: string) => ({ preventDefault: vi.fn(), ...(url ? { url } : {}) });

describe('installGuards', () => {
  it('denies navigation and redirects off the app, allows the app itself', () => {
    const { contents, fire } = fakeContents();
    installGuards(contents, { openExternal: vi.fn(async () => {}) });
    for (const name of ['will-navigate', 'will-redirect']) {
      const bad = event('https://evil.example/');
      fire(name, bad, 'https://evil.example/');
      expect(bad.preventDefault).toHaveBeenCalled();
      const ok = event('app://calque/index.html');
      fire(name, ok, 'app://calque/index.html');
      expect(ok.preventDefault).not.toHaveBeenCalled();
    }
    const frame = event('file:///etc/passwd');
    fire('will-frame-navigate', frame);
    expect(frame.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window and opens only https links externally', async () => {
    const { contents, open } = fakeContents();
    const openExternal = vi.fn(async () => {});
    installGuards(contents, { openExternal });
    for (const url of ['https://example.org/help', 'http://example.org', 'file:///etc/passwd', 'javascript:alert(1)', 'calque-evil://x', 'app://calque/index.html']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://example.org/help');
  });

  it('does not crash when openExternal fails', async () => {
    const { contents, open } = fakeContents();
    const log = vi.fn();
    installGuards(contents, { openExternal: () => Promise.reject(new Error('no browser')) }, log);
    expect(open('https://example.org')).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
    expect(log).toHaveBeenCalled();
  });

  it('prevents <webview> attachment', () => {
    const { contents, fire } = fakeContents();
    installGuards(contents, { openExternal: vi.fn(async () => {}) });
    const e = event();
    fire('will-attach-webview', e, {}, { src: 'https://evil.example' });
    expect(e.preventDefault).toHaveBeenCalled();
  });
});

describe('installPermissionGuards', () => {
  it('denies every permission request and check', () => {
    let request: ((wc: unknown, p: string, cb: (g: boolean) => void) => void) | undefined;
    let check: ((wc: unknown, p: string) => boolean) | undefined;
    const session: PermissionSession = {
      setPermissionRequestHandler: (h) => void (request = h),
      setPermissionCheckHandler: (h) => void (check = h),
    };
    installPermissionGuards(session);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'unknown']) {
      const cb = vi.fn();
      request!(null, p, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(check!(null, p)).toBe(false);
    }
  });
});
