/**
 * The desktop app end to end (Playwright's Electron support). Electron's binary is downloaded on first
 * start and cannot be on every machine (not on the build machines of this project): the test then
 * skips with the reason, and never triggers the download (no require('electron') to find the path).
 * Needs a build first (electron-vite build → out/).
 */
import { _electron, expect, test, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_METHODS } from '../../main/contract/api.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const MAIN = join(ROOT, 'out/main/electron.js');

/** The Electron executable if it is installed; null without downloading anything. */
function electronExecutable(): string | null {
  const pkg = join(ROOT, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const exe = join(dist, relative);
  return existsSync(exe) ? exe : null;
}

type PageCalque = { calque?: Record<string, unknown> & { hostInfo(req: object): Promise<{ kind: string }> } };

test.describe('desktop app', () => {
  let app: ElectronApplication | undefined;
  let userData: string | undefined;

  test.afterEach(async () => {
    await app?.close().catch(() => undefined);
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('opens a sandboxed window on app:// with the contract and nothing else', async () => {
    const exe = electronExecutable();
    test.skip(!exe, 'Electron cannot start here: its binary is not installed (node_modules/electron/dist)');
    test.skip(!existsSync(MAIN), 'Electron app not built: run electron-vite build first');
    userData = mkdtempSync(join(tmpdir(), 'calque-e2e-'));
    try {
      app = await _electron.launch({
        executablePath: exe!,
        // The package folder (its "main" is out/main/electron.js), so app.getAppPath() finds samples/.
        args: [ROOT],
        env: { ...process.env, CALQUE_USER_DATA: userData },
        timeout: 30_000,
      });
    } catch (err) {
      test.skip(true, `Electron cannot start here: ${(err as Error).message.split('\n')[0]}`);
      return;
    }
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toMatch(/^app:\/\/calque\//);

    // No Node in the page: contextIsolation + sandbox + nodeIntegration off.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');

    // window.calque is exactly the contract.
    const keys = await page.evaluate(() => Object.keys((globalThis as PageCalque).calque ?? {}).sort());
    expect(keys).toEqual([...API_METHODS, 'onEvent', 'host'].sort());
    expect(await page.evaluate(() => (globalThis as PageCalque).calque!.hostInfo({}).then((h) => h.kind))).toBe('electron');

    // An invalid request comes back as a readable code.
    const code = await page.evaluate(() =>
      ((globalThis as PageCalque).calque!.getArticle as (r: object) => Promise<unknown>)({ id: '../../etc/passwd' }).then(
        () => 'resolved',
        (e: { code?: string }) => e.code,
      ),
    );
    expect(code).toBe('invalidRequest');

    // window.open is denied; navigation off the app is refused.
    expect(await page.evaluate(() => (globalThis as unknown as { open(u: string): unknown }).open('https://example.org') === null)).toBe(true);
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.org/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/calque\//);
    expect(app.windows()).toHaveLength(1);
  });
});
