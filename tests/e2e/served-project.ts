import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface Served {
  /** The temporary copy of the sample project that `calque serve` serves. */
  root: string;
  /** The address `calque serve` printed, with its token. */
  url: string;
  /** Open the app in a UI language (`?lng=`). */
  open(page: Page, lng?: string): Promise<void>;
}

/** Start the real `calque serve` (bin/calque.mjs) on a folder and read the one line it prints. */
export async function startServe(root: string, extraArgs: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(repo, 'bin/calque.mjs'), 'serve', root, '--port', '0', ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`calque serve did not start: ${err}`)), 20_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /^Calque is serving (.+) at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[2]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`calque serve exited with ${code}: ${err}`)));
  });
  return { child, url };
}

export const test = base.extend<{ served: Served; pageErrors: string[] }>({
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await use(errors);
  },
  served: async ({}, use) => {
    const tmp = mkdtempSync(join(tmpdir(), 'calque-e2e-'));
    const root = join(tmp, 'samples'); // the project is named after its folder, as in the desktop app
    cpSync(join(repo, 'samples'), root, { recursive: true });
    const { child, url } = await startServe(root);
    await use({
      root,
      url,
      open: async (page, lng) => {
        await page.goto(lng ? `${url}&lng=${lng}` : url);
      },
    });
    // The server may still be writing into .calque (a review, a temp file): remove the folder once it has exited.
    const exited = child.exitCode !== null ? Promise.resolve() : new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  },
});

export { expect };

/** Screenshots go to tests/screenshots/ (ignored by git) to be looked at. */
export function shot(name: string): string {
  return join(repo, 'tests', 'screenshots', `${name}.png`);
}
