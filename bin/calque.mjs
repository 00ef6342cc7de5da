#!/usr/bin/env node
// The `calque` command: the bundled CLI (out/main/cli.js, built by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('calque: the app is not built yet. Run `npm run build` (or `npm run calque -- …`, which builds first).');
  process.exit(1);
}
await import(cli);
