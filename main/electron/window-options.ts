import type { BrowserWindowConstructorOptions } from 'electron';

/** A window's size and, when known, its position. */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export const MIN_WIDTH = 760;
export const MIN_HEIGHT = 480;
export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 820 };

/**
 * The main window's options. Every webPreferences flag is written out (not left to Electron's
 * defaults, which have changed between versions), and a test checks each one.
 */
export function createWindowOptions(
  preloadPath: string,
  bounds: WindowBounds,
  opts: { dark?: boolean; title?: string } = {},
): BrowserWindowConstructorOptions {
  return {
    width: bounds.width,
    height: bounds.height,
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : { center: true }),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: opts.title ?? 'Calque',
    // Shown on 'ready-to-show', painted in the theme's background meanwhile: no white flash.
    show: false,
    backgroundColor: opts.dark ? '#1e1e1e' : '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // Chromium's spellchecker would underline every source-language word and send text to the OS service.
      spellcheck: false,
      // A file dropped on the window must not replace the app with a file:// page.
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  };
}
