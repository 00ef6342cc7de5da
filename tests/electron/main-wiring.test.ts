/**
 * The wiring of main/electron/index.ts, without the Electron binary: a fake 'electron' module records
 * what the main process asks of Electron (before and after 'ready'), and the test plays the parts of
 * Electron and of the renderer (IPC calls, menu clicks, window events).
 *
 * Importing the real 'electron' package in plain Node tries to download the binary (DESIGN.md), so
 * index.ts is imported only after the mock is in place, with `await import(...)`.
 */
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS, type HostInfo, type ProjectInfo } from '../../main/contract/api.js';
import type { IpcReply } from '../../main/preload/build-api.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where index.ts lives: its `here` when imported from source (out/main in the build). */
const ELECTRON_DIR = join(REPO, 'main', 'electron');
const INDEX = '../../main/electron/index.js';

interface LocaleFile {
  menu: Record<string, string>;
  errors: Record<string, string>;
}
const locale = (lng: string): LocaleFile => JSON.parse(readFileSync(join(REPO, 'locales', lng, 'translation.json'), 'utf8')) as LocaleFile;
const en = locale('en');
const de = locale('de');
const fr = locale('fr');

// ---------------------------------------------------------------------------------------------
// The fake electron module
// ---------------------------------------------------------------------------------------------

/** The module the mock hands out; set before each import of index.ts. */
const holder = vi.hoisted(() => ({ electron: null as Record<string, unknown> | null }));
vi.mock('electron', () => {
  if (!holder.electron) throw new Error('main-wiring.test: set holder.electron before importing index.ts');
  return { ...holder.electron, default: holder.electron };
});
// The real app:// handler, wrapped in a spy so the test can see which renderer folder index.ts serves.
vi.mock('../../main/electron/app-protocol.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../main/electron/app-protocol.js')>();
  return { ...actual, handleAppRequest: vi.fn(actual.handleAppRequest) };
});

type Listener = (...args: never[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  once(name: string, listener: Listener): this {
    const wrapper = (...args: unknown[]) => {
      this.listeners.set(name, (this.listeners.get(name) ?? []).filter((l) => l !== wrapper));
      return (listener as (...a: unknown[]) => unknown)(...args);
    };
    return this.on(name, wrapper);
  }
  emit(name: string, ...args: unknown[]): void {
    for (const l of [...(this.listeners.get(name) ?? [])]) (l as (...a: unknown[]) => unknown)(...args);
  }
  count(name: string): number {
    return this.listeners.get(name)?.length ?? 0;
  }
}

interface Preventable {
  defaultPrevented: boolean;
  preventDefault(): void;
}
function preventable(): Preventable {
  const e = {
    defaultPrevented: false,
    preventDefault() {
      e.defaultPrevented = true;
    },
  };
  return e;
}

interface Frame {
  url: string;
  parent: Frame | null;
  frameTreeNodeId: number;
}

let nextWebContentsId = 41;
class FakeWebContents extends Emitter {
  readonly id = nextWebContentsId++;
  readonly mainFrame: Frame = { url: 'app://calque/index.html', parent: null, frameTreeNodeId: 1 };
  readonly sent: { channel: string; message: unknown }[] = [];
  windowOpenHandler: ((details: { url: string; disposition?: string }) => { action: string }) | null = null;
  readonly reload = vi.fn();
  destroyed = false;
  send(channel: string, message: unknown): void {
    this.sent.push({ channel, message });
  }
  setWindowOpenHandler(handler: (details: { url: string; disposition?: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isCrashed(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
type AppRequest = { url: string; method?: string };
type PermissionRequestHandler = (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type PermissionCheckHandler = (webContents: unknown, permission: string) => boolean;

function createFakeElectron(o: { defaultUserData: string; documents: string; appPath: string; singleInstance?: boolean }) {
  /** What was asked of Electron, in order (only the calls whose order matters). */
  const order: string[] = [];
  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));
  const paths: Record<string, string> = { userData: o.defaultUserData, documents: o.documents };

  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    whenReady: vi.fn(() => ready),
    setPath: vi.fn((name: string, path: string) => {
      paths[name] = path;
    }),
    getPath: vi.fn((name: string): string => {
      const p = paths[name];
      if (!p) throw new Error(`Failed to get '${name}' path`);
      return p;
    }),
    getAppPath: vi.fn(() => o.appPath),
    getLocale: vi.fn(() => 'de'),
    getPreferredSystemLanguages: vi.fn(() => ['de-DE']),
    requestSingleInstanceLock: vi.fn(() => o.singleInstance ?? true),
    enableSandbox: vi.fn(() => void order.push('app.enableSandbox')),
    setAboutPanelOptions: vi.fn(),
    getVersion: vi.fn(() => '9.8.7'),
    quit: vi.fn(),
    exit: vi.fn(),
  });

  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    readonly loaded: string[] = [];
    readonly show = vi.fn();
    readonly maximize = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    destroyed = false;
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      windows.push(this);
      order.push('new BrowserWindow');
      // As Electron does, while the window is being built.
      app.emit('web-contents-created', preventable(), this.webContents);
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    isMinimized(): boolean {
      return false;
    }
    isMaximized(): boolean {
      return false;
    }
    getNormalBounds() {
      return { x: 10, y: 20, width: 1000, height: 700 };
    }
    /** Electron's close: 'close' (preventable), then, unless prevented, destroyed and 'closed'. */
    close(): void {
      if (this.destroyed) return;
      const event = preventable();
      this.emit('close', event);
      if (event.defaultPrevented) return;
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.emit('closed');
    }
  }

  const handlers = new Map<string, InvokeHandler>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: InvokeHandler) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    }),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
  };
  const Menu = {
    buildFromTemplate: vi.fn((template: MenuItemConstructorOptions[]) => template),
    setApplicationMenu: vi.fn((_menu: unknown) => undefined),
  };
  const protocol = {
    registerSchemesAsPrivileged: vi.fn((_schemes: unknown) => void order.push('protocol.registerSchemesAsPrivileged')),
    handle: vi.fn((scheme: string, _handler: (request: AppRequest) => Promise<Response>) => void order.push(`protocol.handle ${scheme}`)),
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn((_handler: PermissionRequestHandler) => undefined),
      setPermissionCheckHandler: vi.fn((_handler: PermissionCheckHandler) => undefined),
    },
  };
  const dialog = {
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
    showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
    showErrorBox: vi.fn((..._args: unknown[]) => undefined),
  };
  const primary = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  const secondary = { id: 2, workArea: { x: 1920, y: 0, width: 1280, height: 1000 } };
  const screen = { getPrimaryDisplay: vi.fn(() => primary), getAllDisplays: vi.fn(() => [primary, secondary]) };
  const shell = { openExternal: vi.fn(async (_url: string) => undefined) };
  const nativeTheme = { shouldUseDarkColors: false };

  return {
    module: { app, BrowserWindow: FakeBrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell },
    app,
    windows,
    handlers,
    ipcMain,
    Menu,
    protocol,
    session,
    dialog,
    shell,
    order,
    paths,
    resolveReady: () => {
      order.push('ready');
      resolveReady();
    },
  };
}
type FakeElectron = ReturnType<typeof createFakeElectron>;
type FakeWindow = FakeElectron['windows'][number];

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** Every file and folder under dir, with a hash of each file: to prove a folder was left alone. */
function snapshotTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        out.push(`${relative(dir, p)}/`);
        walk(p);
      } else out.push(`${relative(dir, p)} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`);
    }
  };
  walk(dir);
  return out.sort();
}

const allItems = (menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  menu.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? allItems(i.submenu) : [])]);
const topLabels = (menu: MenuItemConstructorOptions[]) => menu.map((i) => i.label);

const UNAUTHORIZED = { ok: false, error: { code: 'unauthorized', params: {} } };
const SAVE_EVENT = { channel: 'calque:event', message: { name: 'menu', payload: { command: 'save' } } };

// ---------------------------------------------------------------------------------------------
// The desktop app, started once
// ---------------------------------------------------------------------------------------------

describe('main/electron/index.ts wiring (fake electron)', () => {
  let tmp = '';
  let userData = '';
  let bundled = '';
  let bundledBefore: string[] = [];
  let fake: FakeElectron;
  let win: FakeWindow;
  const prevUserDataEnv = process.env.CALQUE_USER_DATA;
  const warnings: string[] = [];
  /** What the fake had been asked when index.ts had been imported but 'ready' had not come yet. */
  let beforeReady: {
    schemes: unknown[][];
    enableSandbox: number;
    setPath: unknown[][];
    protocolHandle: number;
    windows: number;
    ipcHandlers: number;
    permissionHandlers: number;
    menus: number;
  };

  const lastMenu = () => fake.Menu.setApplicationMenu.mock.lastCall![0] as MenuItemConstructorOptions[];
  const invoke = (method: string, event: unknown, request: unknown) => {
    const handler = fake.handlers.get(`calque:${method}`);
    if (!handler) throw new Error(`no handler for calque:${method}`);
    return handler(event, request) as Promise<IpcReply>;
  };
  /** An invoke event from a window's own top frame showing the app's page. */
  const trusted = (w: FakeWindow) => ({ sender: w.webContents, senderFrame: w.webContents.mainFrame });
  const appHandler = () => fake.protocol.handle.mock.calls[0]![1];

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'calque-main-wiring-'));
    userData = join(tmp, 'userData');
    mkdirSync(userData);
    const appPath = join(tmp, 'app');
    bundled = join(appPath, 'samples');
    cpSync(join(REPO, 'samples'), bundled, { recursive: true });
    bundledBefore = snapshotTree(bundled);
    process.env.CALQUE_USER_DATA = userData;
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(' ')));

    // Electron's own default userData: index.ts must not use it when CALQUE_USER_DATA is set.
    fake = createFakeElectron({ defaultUserData: join(tmp, 'default-userData'), documents: join(tmp, 'Documents'), appPath });
    holder.electron = fake.module;
    await import(INDEX);
    // Let any promise callbacks run: nothing ready-only may happen until 'ready'.
    await new Promise((r) => setTimeout(r, 20));
    beforeReady = {
      schemes: [...fake.protocol.registerSchemesAsPrivileged.mock.calls],
      enableSandbox: fake.app.enableSandbox.mock.calls.length,
      setPath: [...fake.app.setPath.mock.calls],
      protocolHandle: fake.protocol.handle.mock.calls.length,
      windows: fake.windows.length,
      ipcHandlers: fake.ipcMain.handle.mock.calls.length,
      permissionHandlers: fake.session.defaultSession.setPermissionRequestHandler.mock.calls.length,
      menus: fake.Menu.setApplicationMenu.mock.calls.length,
    };

    fake.resolveReady();
    await vi.waitFor(
      () => {
        if (!fake.windows.length && !fake.dialog.showErrorBox.mock.calls.length) throw new Error('the app has not started yet');
      },
      { timeout: 10_000, interval: 10 },
    );
    win = fake.windows[0]!;
  }, 20_000);

  afterAll(() => {
    vi.mocked(console.warn).mockRestore();
    if (prevUserDataEnv === undefined) delete process.env.CALQUE_USER_DATA;
    else process.env.CALQUE_USER_DATA = prevUserDataEnv;
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('starts without an error box', () => {
    expect(fake.dialog.showErrorBox, warnings.join('\n')).not.toHaveBeenCalled();
    expect(fake.app.exit).not.toHaveBeenCalled();
    expect(fake.app.quit).not.toHaveBeenCalled();
  });

  it('registers app:// as privileged and enables the sandbox before ready, and nothing ready-only earlier', () => {
    expect(beforeReady.schemes).toEqual([
      [[{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) }]],
    ]);
    expect(beforeReady.enableSandbox).toBe(1);
    expect(fake.order.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(fake.order.indexOf('ready'));
    expect(fake.order.indexOf('app.enableSandbox')).toBeGreaterThanOrEqual(0);
    expect(fake.order.indexOf('app.enableSandbox')).toBeLessThan(fake.order.indexOf('ready'));
    // CALQUE_USER_DATA is applied before ready (Electron ignores a userData change after it).
    expect(beforeReady.setPath).toEqual([['userData', userData]]);
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(beforeReady).toMatchObject({ protocolHandle: 0, windows: 0, ipcHandlers: 0, permissionHandlers: 0, menus: 0 });
  });

  it('after ready, handles app:// and refuses path traversal with 404', async () => {
    expect(fake.protocol.handle.mock.calls.map((c) => c[0])).toEqual(['app']);
    expect(fake.order.indexOf('protocol.handle app')).toBeGreaterThan(fake.order.indexOf('ready'));
    expect(fake.order.indexOf('protocol.handle app')).toBeLessThan(fake.order.indexOf('new BrowserWindow'));
    const handler = appHandler();
    for (const url of ['app://calque/../../etc/passwd', 'app://calque/%2e%2e/%2e%2e/etc/passwd', 'app://calque/..%2f..%2fetc/passwd']) {
      const res = await handler({ url, method: 'GET' });
      expect(res.status, url).toBe(404);
      expect(await res.text()).toBe('Not Found');
      expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
      // Refused by the path check, not merely missing on disk.
      expect(warnings.some((w) => w.includes(`app:// refused ${url}`)), url).toBe(true);
    }
    expect((await handler({ url: 'app://calque/index.html', method: 'POST' })).status).toBe(405);
  });

  it('serves the renderer from <dir of index.ts>/../renderer, the sibling of the preload folder', async () => {
    const { handleAppRequest } = await import('../../main/electron/app-protocol.js');
    const spy = vi.mocked(handleAppRequest);
    spy.mockClear();
    await appHandler()({ url: 'app://calque/index.html', method: 'GET' });
    expect(spy).toHaveBeenCalledTimes(1);
    const rendererDir = spy.mock.calls[0]![1].rendererDir;
    // From source, `here` is main/electron, so this is main/renderer (which does not exist); in the
    // bundle `here` is out/main and it is out/renderer, beside out/preload/preload.cjs.
    expect(resolve(rendererDir)).toBe(resolve(ELECTRON_DIR, '../renderer'));
    const preload = win.options.webPreferences!.preload!;
    expect(dirname(resolve(rendererDir))).toBe(dirname(dirname(resolve(preload))));
  });

  it('serves index.html with the CSP when the renderer folder exists', async (ctx) => {
    const { handleAppRequest } = await import('../../main/electron/app-protocol.js');
    const rendererDir = vi.mocked(handleAppRequest).mock.calls.at(-1)?.[1].rendererDir ?? resolve(ELECTRON_DIR, '../renderer');
    if (!existsSync(join(rendererDir, 'index.html'))) {
      ctx.skip(`${join(rendererDir, 'index.html')} does not exist: index.ts imported from source serves main/renderer, which only exists as out/renderer after a build`);
    }
    const res = await appHandler()({ url: 'app://calque/index.html', method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('text/html');
    expect(res.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
  });

  it('creates exactly one window, with the secure webPreferences, loading app://calque/index.html', () => {
    expect(fake.windows).toHaveLength(1);
    const prefs = win.options.webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(isAbsolute(prefs.preload!)).toBe(true);
    expect(prefs.preload!.replace(/\\/g, '/')).toMatch(/\/preload\/preload\.cjs$/);
    expect(win.loaded).toEqual(['app://calque/index.html']);
    // Shown on ready-to-show, not before (no white flash).
    expect(win.options.show).toBe(false);
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
    expect(win.maximize).not.toHaveBeenCalled();
  });

  it('registers one calque:<method> handler per contract method and refuses untrusted senders', async () => {
    const channels = fake.ipcMain.handle.mock.calls.map((c) => c[0]);
    expect(channels).toHaveLength(API_METHODS.length);
    expect([...channels].sort()).toEqual(API_METHODS.map((m) => `calque:${m}`).sort());

    const own = win.webContents.mainFrame;
    const untrusted = [
      { sender: { id: 999, mainFrame: own }, senderFrame: own }, // another webContents
      { sender: win.webContents, senderFrame: { url: 'app://calque/index.html', parent: own, frameTreeNodeId: 2 } }, // a subframe
      { sender: win.webContents, senderFrame: { ...own, url: 'https://evil.example/' } }, // navigated away
      { sender: win.webContents, senderFrame: null }, // a disposed frame
    ];
    for (const event of untrusted) expect(await invoke('hostInfo', event, {})).toEqual(UNAUTHORIZED);

    // An untrusted call never reaches the service: the menu is not relabelled.
    const menus = fake.Menu.setApplicationMenu.mock.calls.length;
    expect(await invoke('setUiLanguage', untrusted[0], { lng: 'fr' })).toEqual(UNAUTHORIZED);
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.Menu.setApplicationMenu.mock.calls.length).toBe(menus);

    const reply = await invoke('hostInfo', trusted(win), {});
    expect(reply).toMatchObject({ ok: true, result: { kind: 'electron', nativeDialogs: true, version: '9.8.7' } });
    const info = (reply as { ok: true; result: HostInfo }).result;
    expect(info.defaultExportDir).toBe(`${join(userData, 'Sample project')}-export`);
  });

  it('opens the sample project from a copy under userData, never the bundled folder', async () => {
    const reply = await invoke('openProject', trusted(win), {});
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
    const project = (reply as { ok: true; result: ProjectInfo }).result;
    const copy = join(userData, 'Sample project');
    expect(project.root).toBe(copy);
    expect(project.root).not.toBe(bundled);
    expect(project.articles.map((a) => a.id).sort()).toEqual(['news/flood-recife.txt', 'news/inflacion-madrid.txt', 'review/chuva-salvador.tsv', 'software/mare-app.po', 'tech/satelite.txt', 'video/mangue.srt', 'web/feira-livro.html']);
    expect(project.articles.every((a) => !a.error)).toBe(true);
    // Copied whole (no half copy left behind), and the bundled folder is untouched.
    expect(readdirSync(userData).filter((n) => n.startsWith('Sample project'))).toEqual(['Sample project']);
    expect(snapshotTree(bundled)).toEqual(bundledBefore);
    // Remembered as a recent project, in userData (not Electron's default one).
    const state = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8')) as { recent: string[] };
    expect(state.recent).toEqual([copy]);
    expect(existsSync(join(tmp, 'default-userData'))).toBe(false);
    // ...and the menu's Open Recent lists it.
    expect(allItems(lastMenu()).some((i) => i.label === copy)).toBe(true);
  });

  it('labels the menu in the system language (de) and relabels it when the renderer picks French', async () => {
    expect(new Set([en.menu.file, de.menu.file, fr.menu.file]).size).toBe(3); // the test can tell them apart
    const first = fake.Menu.setApplicationMenu.mock.calls[0]![0] as MenuItemConstructorOptions[];
    expect(fake.Menu.buildFromTemplate.mock.results[0]!.value).toBe(first);
    expect(topLabels(first)).toContain(de.menu.file);
    expect(topLabels(first)).toContain(de.menu.edit);
    expect(topLabels(first)).not.toContain(en.menu.file);

    const reply = await invoke('setUiLanguage', trusted(win), { lng: 'fr' });
    expect(reply).toEqual({ ok: true, result: { lng: 'fr' } });
    await vi.waitFor(() => expect(topLabels(lastMenu())).toContain(fr.menu.file));
    expect(topLabels(lastMenu())).toContain(fr.menu.view);
    expect(topLabels(lastMenu())).not.toContain(de.menu.file);
  });

  it('installs permission handlers on the default session that deny everything', () => {
    const { setPermissionRequestHandler, setPermissionCheckHandler } = fake.session.defaultSession;
    expect(setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    const request = setPermissionRequestHandler.mock.calls[0]![0];
    const check = setPermissionCheckHandler.mock.calls[0]![0];
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request(win.webContents, permission, callback);
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
      expect(check(win.webContents, permission), permission).toBe(false);
    }
  });

  it('guards every webContents from app "web-contents-created"', () => {
    // The window's own webContents got them while it was built...
    expect(win.webContents.count('will-navigate')).toBeGreaterThanOrEqual(1);
    expect(win.webContents.windowOpenHandler).not.toBeNull();

    // ...and so does any other one (a devtools page, something we never meant to create).
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', preventable(), contents);
    const navigate = (url: string) => {
      const event = preventable();
      contents.emit('will-navigate', event, url);
      return event.defaultPrevented;
    };
    expect(navigate('https://example.com')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://calque/index.html')).toBe(false);
    const redirect = preventable();
    contents.emit('will-redirect', redirect, 'https://example.com/');
    expect(redirect.defaultPrevented).toBe(true);
    const webview = preventable();
    contents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);

    fake.shell.openExternal.mockClear();
    expect(contents.windowOpenHandler!({ url: 'https://example.com/article' })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/article');
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  /** What Open Recent showed and built after the UI switched to French (read by the BUG test below). */
  const observed: { errorMessage?: string; menuAfterReopen?: (string | undefined)[] } = {};

  it('Open Recent: asks the renderer to save, shows an error when the folder is gone, and reloads on success', async () => {
    const root = join(userData, 'Sample project');
    const clickRecent = () => {
      const item = allItems(lastMenu()).find((i) => i.label === root);
      if (!item) throw new Error(`no Open Recent item for ${root}`);
      (item.click as () => void)();
    };
    const sentBefore = win.webContents.sent.length;
    renameSync(root, `${root}.moved`);
    try {
      clickRecent();
      await vi.waitFor(() => expect(fake.dialog.showMessageBox).toHaveBeenCalledTimes(1), { timeout: 5000 });
    } finally {
      renameSync(`${root}.moved`, root);
    }
    expect(win.webContents.sent.slice(sentBefore)).toContainEqual(SAVE_EVENT);
    const [parent, options] = fake.dialog.showMessageBox.mock.calls[0]! as [unknown, { type: string; message: string }];
    expect(parent).toBe(win);
    expect(options.type).toBe('error');
    const localized = [de, fr].map((l) => l.errors.folderNotFound!.replace('{{path}}', root));
    expect(localized).toContain(options.message);
    expect(win.webContents.reload).not.toHaveBeenCalled();
    observed.errorMessage = options.message;

    const menus = fake.Menu.setApplicationMenu.mock.calls.length;
    clickRecent();
    await vi.waitFor(() => expect(win.webContents.reload).toHaveBeenCalledTimes(1), { timeout: 5000 });
    expect(fake.Menu.setApplicationMenu.mock.calls.length).toBeGreaterThan(menus); // the recent list changed
    expect(fake.windows).toHaveLength(1);
    observed.menuAfterReopen = topLabels(lastMenu());
  });

  // Regression: describing an error must not switch the shared i18n instance back to the startup
  // language (it once did, and the menus went back to German after a failed Open Recent).
  it('after the UI switched to French, Open Recent errors and later menus stay French', () => {
    expect(observed.errorMessage).toBeDefined();
    expect(observed.menuAfterReopen).toBeDefined();
    expect(observed.errorMessage).toBe(fr.errors.folderNotFound!.replace('{{path}}', join(userData, 'Sample project')));
    expect(observed.menuAfterReopen).toContain(fr.menu.file);
  });

  it('closing the window asks the renderer to save first, then closes and remembers the bounds', async () => {
    const sentBefore = win.webContents.sent.length;
    win.close();
    expect(win.destroyed).toBe(false); // postponed until the renderer had time to save
    expect(win.webContents.sent.slice(sentBefore)).toEqual([SAVE_EVENT]);
    await vi.waitFor(() => expect(win.destroyed).toBe(true), { timeout: 5000 });
    await vi.waitFor(() => {
      const state = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8')) as { bounds: unknown; maximized: boolean };
      expect(state).toMatchObject({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: false });
    });
    // The closed window's page is no longer a trusted sender.
    expect(await invoke('hostInfo', trusted(win), {})).toEqual(UNAUTHORIZED);
    expect(fake.app.quit).not.toHaveBeenCalled(); // not quitting: only the window closed

    // 'activate' (macOS dock click) opens a new window, which is trusted.
    fake.app.emit('activate');
    expect(fake.windows).toHaveLength(2);
    const next = fake.windows[1]!;
    expect(next.loaded).toEqual(['app://calque/index.html']);
    expect(await invoke('hostInfo', trusted(next), {})).toMatchObject({ ok: true, result: { kind: 'electron' } });
  });

  it('will-quit waits for the state file, then quits', async () => {
    const first = preventable();
    fake.app.emit('will-quit', first);
    expect(first.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalledTimes(1));
    const second = preventable();
    fake.app.emit('will-quit', second);
    expect(second.defaultPrevented).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// A second instance
// ---------------------------------------------------------------------------------------------

describe('main/electron/index.ts as a second instance', () => {
  let tmp = '';
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('quits without starting anything when the single-instance lock is taken', async () => {
    tmp = mkdtempSync(join(tmpdir(), 'calque-main-wiring-2-'));
    const fake = createFakeElectron({ defaultUserData: join(tmp, 'userData'), documents: join(tmp, 'Documents'), appPath: join(tmp, 'app'), singleInstance: false });
    // A fresh index.ts (and core singletons) on a fresh fake: resetModules alone would keep the
    // mocked electron module that the first import built.
    vi.resetModules();
    vi.doMock('electron', () => ({ ...fake.module, default: fake.module }));
    await import(INDEX);
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fake.app.listeners.size).toBe(0);
    expect(fake.ipcMain.handle).not.toHaveBeenCalled();
    // The pre-ready registrations are unconditional (they must precede 'ready' in every process).
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(fake.app.enableSandbox).toHaveBeenCalledTimes(1);
  });
});
