import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron';

/**
 * A report (self-contained HTML, no scripts) to PDF with Chromium's printer: a hidden, sandboxed
 * window with JavaScript off loads the HTML as a data: URL and prints it with the report's print
 * stylesheet. The window is destroyed whatever happens.
 */
export const PRINT_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  show: false,
  webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
};

export async function printHtmlToPdf(BrowserWindow: new (o: BrowserWindowConstructorOptions) => BrowserWindowType, html: string): Promise<Uint8Array> {
  const win = new BrowserWindow(PRINT_WINDOW_OPTIONS);
  try {
    // Navigation away from the report (a link in a comment, say) is refused: it prints what it loaded.
    win.webContents.on('will-navigate', (e) => e.preventDefault());
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    if (!win.isDestroyed()) win.destroy();
  }
}
