/**
 * The Electron main process: wires the pure modules of this folder to real Electron. No product logic
 * here (that is main/core) and no policy either (guards.ts, app-protocol.ts, ipc.ts decide): just
 * lifecycle, the window, dialogs and the menu.
 */
import '../core/platform/native-regexps.js';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  screen,
  session,
  shell,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import { existsSync } from 'node:fs';
import { cp, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MenuCommand } from '../contract/api.js';
import { toErrorInfo } from '../core/api-schemas.js';
import { describeError, messages, pickLocale } from '../core/messages.js';
import { CalqueService, type HostAdapter } from '../core/service.js';
import { APP_SCHEME, APP_START_URL, appSchemePrivileges, handleAppRequest } from './app-protocol.js';
import { installGuards, installPermissionGuards } from './guards.js';
import { forwardEvents, IpcActivity, isTrustedSender, registerIpc, sendEvent } from './ipc.js';
import { printHtmlToPdf } from './print-pdf.js';
import { buildMenuTemplate, translator } from './menu.js';
import { createWindowOptions } from './window-options.js';
import { pickStartProject, WindowStateStore } from './window-state.js';

const here = dirname(fileURLToPath(import.meta.url)); // out/main
const PRELOAD = join(here, '../preload/preload.cjs');
const RENDERER_DIR = join(here, '../renderer');

const log = (message: string, err?: unknown) => console.warn(`[calque] ${message}`, err ?? '');

// For end-to-end tests and side-by-side profiles; must happen before 'ready'.
if (process.env.CALQUE_USER_DATA) app.setPath('userData', process.env.CALQUE_USER_DATA);
// Both must happen before 'ready'.
protocol.registerSchemesAsPrivileged(appSchemePrivileges());
app.enableSandbox();

if (!app.requestSingleInstanceLock()) app.quit();
else start();

function start(): void {
  let win: BrowserWindow | null = null;
  let quitting = false;
  const activity = new IpcActivity();

  // Every webContents gets the guards, including ones we never meant to create.
  app.on('web-contents-created', (_event, contents) => installGuards(contents, shell, log));
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(async () => {
      installPermissionGuards(session.defaultSession);
      protocol.handle(APP_SCHEME, (request) => handleAppRequest(request, { rendererDir: RENDERER_DIR, log }));

      const store = new WindowStateStore(join(app.getPath('userData'), 'window-state.json'), log);
      await store.load();
      const lng = pickLocale([app.getLocale(), ...app.getPreferredSystemLanguages()]);
      const i18n = messages(lng);
      const t = translator((key, options) => i18n.t(key, options));
      app.setAboutPanelOptions({ applicationName: 'Calque', applicationVersion: app.getVersion() });

      const parent = () => (win && !win.isDestroyed() ? win : null);
      const host: HostAdapter = {
        kind: 'electron',
        version: app.getVersion(),
        recent: store,
        onUiLanguage: (next) => {
          void i18n.changeLanguage(next).then(() => rebuildMenu());
        },
        chooseFolder: async (purpose) => {
          const options: OpenDialogOptions = {
            title: t(purpose === 'project' ? 'dialog.chooseProject' : 'dialog.exportAllTo'),
            properties: ['openDirectory', 'createDirectory'],
          };
          const w = parent();
          const r = await (w ? dialog.showOpenDialog(w, options) : dialog.showOpenDialog(options));
          return r.canceled ? null : (r.filePaths[0] ?? null);
        },
        printToPdf: (html) => printHtmlToPdf(BrowserWindow, html),
        chooseSaveFile: async (suggestedName) => {
          const options: SaveDialogOptions = { title: t('dialog.exportTo'), defaultPath: join(app.getPath('documents'), suggestedName) };
          const w = parent();
          const r = await (w ? dialog.showSaveDialog(w, options) : dialog.showSaveDialog(options));
          return r.canceled || !r.filePath ? null : r.filePath;
        },
      };
      const service = new CalqueService({ root: pickStartProject(store.list(), await sampleProject()), host, backgroundChecks: true });
      registerIpc(ipcMain, service, (event) => isTrustedSender(event, parent()?.webContents.id), { activity, log });

      /** Ask the renderer to save, and give it up to 2 s (it saves on 'beforeunload' too). */
      const flushRenderer = async (w: BrowserWindow) => {
        if (w.isDestroyed() || w.webContents.isCrashed()) return;
        sendEvent(w.webContents, 'menu', { command: 'save' });
        await activity.waitForQuiet({ minMs: 300, quietMs: 250, maxMs: 2000 });
      };

      const send = (command: MenuCommand) => {
        const w = parent();
        if (w) sendEvent(w.webContents, 'menu', { command });
      };
      const openRecent = async (root: string) => {
        const w = parent();
        if (w) await flushRenderer(w);
        try {
          await service.openProject({ root });
        } catch (err) {
          const message = describeError(toErrorInfo(err), i18n.language);
          await (w ? dialog.showMessageBox(w, { type: 'error', message }) : dialog.showMessageBox({ type: 'error', message }));
          return;
        }
        // The renderer asks openProject({}) when it starts: reloading shows the project just opened.
        if (w && !w.isDestroyed()) w.webContents.reload();
        else createWindow();
      };
      const rebuildMenu = () =>
        Menu.setApplicationMenu(
          Menu.buildFromTemplate(
            buildMenuTemplate(t, process.platform, store.list(), send, {
              isPackaged: app.isPackaged,
              openRecent: (root) => void openRecent(root),
            }),
          ),
        );
      store.onRecentChanged(rebuildMenu);
      rebuildMenu();

      const createWindow = () => {
        const primary = screen.getPrimaryDisplay();
        const displays = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
        const w = new BrowserWindow(createWindowOptions(PRELOAD, store.windowBounds(displays), { dark: nativeTheme.shouldUseDarkColors }));
        win = w;
        w.once('ready-to-show', () => {
          if (store.maximized) w.maximize();
          w.show();
        });
        const stopEvents = forwardEvents(service, w.webContents);
        // A page's beforeunload veto has no prompt in Electron: the window would just refuse to close.
        // We flush saves ourselves before closing or reloading, so the veto is ignored.
        w.webContents.on('will-prevent-unload', (event) => event.preventDefault());

        let closing: 'no' | 'flushing' | 'done' = 'no';
        w.on('close', (event) => {
          if (closing === 'done') return;
          event.preventDefault();
          if (closing === 'flushing') return;
          closing = 'flushing';
          void store.saveWindow(w.getNormalBounds(), w.isMaximized());
          void flushRenderer(w).finally(() => {
            closing = 'done';
            if (!w.isDestroyed()) w.close();
          });
        });
        w.on('closed', () => {
          stopEvents();
          if (win === w) win = null;
          if (quitting) app.quit(); // the quit that the close handler postponed (macOS keeps running otherwise)
        });
        w.loadURL(APP_START_URL).catch((err: unknown) => log('could not load the renderer', err));
      };

      let stateFlushed = false;
      app.on('will-quit', (event) => {
        if (stateFlushed) return;
        event.preventDefault(); // let the window-state write finish
        service.dispose();
        void store.flush().finally(() => {
          stateFlushed = true;
          app.quit();
        });
      });
      app.on('activate', () => {
        if (!parent()) createWindow();
      });
      createWindow();
    })
    .catch((err: unknown) => {
      log('startup failed', err);
      dialog.showErrorBox('Calque', String((err as Error)?.stack ?? err));
      app.exit(1);
    });
}

/**
 * The sample project, copied once to userData: the bundled folder is read-only when packaged (inside
 * app.asar) and part of the repository in development, and opening a project writes .calque/ into it.
 * Null when there is no sample at all.
 */
async function sampleProject(): Promise<string | null> {
  const bundled = join(app.getAppPath(), 'samples');
  const copy = join(app.getPath('userData'), 'Sample project');
  if (existsSync(copy)) return copy;
  if (!existsSync(bundled)) return null;
  const partial = `${copy}.partial-${process.pid}`;
  try {
    await cp(bundled, partial, { recursive: true });
    await rename(partial, copy); // whole or not at all: a half copy is never mistaken for the sample
    return copy;
  } catch (err) {
    log('could not copy the sample project; opening it in place', err);
    await rm(partial, { recursive: true, force: true }).catch(() => undefined);
    return bundled;
  }
}
