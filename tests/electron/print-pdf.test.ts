import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { PRINT_WINDOW_OPTIONS, printHtmlToPdf } from '../../main/electron/print-pdf.js';

/** A stand-in for Electron's BrowserWindow that records what the printer asks of it. */
function fakeWindowClass(behaviour: { failLoad?: boolean }) {
  const made: { options: BrowserWindowConstructorOptions; url?: string; destroyed: boolean; printed?: object; navigationBlocked?: boolean }[] = [];
  class FakeWindow {
    private readonly record;
    webContents;
    constructor(options: BrowserWindowConstructorOptions) {
      this.record = { options, destroyed: false } as (typeof made)[number];
      made.push(this.record);
      const record = this.record;
      this.webContents = {
        on(event: string, handler: (e: { preventDefault(): void }) => void) {
          if (event === 'will-navigate') {
            let prevented = false;
            handler({ preventDefault: () => (prevented = true) });
            record.navigationBlocked = prevented;
          }
        },
        setWindowOpenHandler() {},
        async printToPDF(opts: object) {
          record.printed = opts;
          return Buffer.from('%PDF-1.7 fake');
        },
      };
    }
    async loadURL(url: string) {
      this.record.url = url;
      if (behaviour.failLoad) throw new Error('load failed');
    }
    isDestroyed() {
      return this.record.destroyed;
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return { FakeWindow: FakeWindow as unknown as Parameters<typeof printHtmlToPdf>[0], made };
}

describe('printing a report to PDF', () => {
  it('loads the report in a hidden sandboxed window without JavaScript, prints A4 and closes it', async () => {
    const { FakeWindow, made } = fakeWindowClass({});
    const html = '<!doctype html><title>Relatório</title><p>Ação &amp; “aspas”</p>';
    const pdf = await printHtmlToPdf(FakeWindow, html);
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 fake');
    expect(made).toHaveLength(1);
    expect(made[0]!.options).toEqual(PRINT_WINDOW_OPTIONS);
    expect(PRINT_WINDOW_OPTIONS.show).toBe(false);
    expect(PRINT_WINDOW_OPTIONS.webPreferences).toMatchObject({ sandbox: true, javascript: false, contextIsolation: true, nodeIntegration: false });
    const url = made[0]!.url!;
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(url.split(',')[1]!, 'base64').toString('utf8')).toBe(html);
    expect(made[0]!.printed).toMatchObject({ pageSize: 'A4', printBackground: true });
    expect(made[0]!.navigationBlocked).toBe(true);
    expect(made[0]!.destroyed).toBe(true);
  });

  it('closes the window when loading fails', async () => {
    const { FakeWindow, made } = fakeWindowClass({ failLoad: true });
    await expect(printHtmlToPdf(FakeWindow, '<p>x</p>')).rejects.toThrow('load failed');
    expect(made[0]!.destroyed).toBe(true);
  });
});
