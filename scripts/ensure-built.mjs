#!/usr/bin/env node
// Builds the app (electron-vite: Node side, preload, renderer) when the build is missing or older than
// its sources, so `npm run calque`, `npm run serve` and the end-to-end tests always run current code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outputs = ['out/main/cli.js', 'out/main/electron.js', 'out/preload/preload.cjs', 'out/renderer/index.html'].map((p) => join(root, p));
const sources = ['main', 'renderer', 'locales', 'electron.vite.config.ts', 'package.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), st.mtimeMs);
}

const built = Math.min(...outputs.map((p) => (existsSync(p) ? statSync(p).mtimeMs : 0)));
const changed = Math.max(...sources.map((s) => newest(join(root, s))));
if (built === 0 || changed > built) {
  console.error('calque: building the app (electron-vite build)…');
  const r = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) {
    console.error('calque: the build failed; run `npm run build` to see why.');
    process.exit(r.status ?? 1);
  }
}
