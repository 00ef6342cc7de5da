/**
 * `calque check --format json` as a whole process (the built CLI, as a user runs it) on the bench's
 * realistic text: one 1,000,000-word article, and 1,000 articles of 800 words. Its own CPU time and
 * peak RSS (bench/cli-usage.mjs), and a fingerprint of the JSON it printed (the same bytes across
 * optimisations). Goals (issue 13): 1M words under 10 s and 600 MB; 1,000 articles under 8 s.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { against, record } from './baseline.js';
import { realPair } from './real-text.js';

const CLI = fileURLToPath(new URL('../bin/calque.mjs', import.meta.url));
const USAGE = fileURLToPath(new URL('./cli-usage.mjs', import.meta.url));

function project(arts: { source: string; target: string }[]): string {
  const root = mkdtempSync(join(tmpdir(), 'calque-bench-cli-'));
  mkdirSync(join(root, '.calque'));
  arts.forEach((a, i) => {
    writeFileSync(join(root, `story${i}.ro.txt`), a.source);
    writeFileSync(join(root, `story${i}.en.txt`), a.target);
  });
  writeFileSync(join(root, '.calque', 'project.json'), JSON.stringify({ formatVersion: 1, pairs: [{ source: 'ro', target: 'en' }] }));
  return root;
}

function measure(name: string, key: string, arts: { source: string; target: string }[], goal: string): void {
  const root = project(arts);
  try {
    const run = spawnSync(process.execPath, ['--import', USAGE, CLI, 'check', '.', '--format', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
    const usage = /CLI-USAGE (\{.*\})/.exec(run.stderr ?? '');
    if (!usage) throw new Error(`calque check failed: ${run.stderr?.slice(-500)}`);
    const { cpuMs, maxRssMb } = JSON.parse(usage[1]!) as { cpuMs: number; maxRssMb: number };
    const sha = createHash('sha256').update(run.stdout).digest('hex').slice(0, 16);
    console.log(`${name.padEnd(50)} ${`${(cpuMs / 1000).toFixed(1)} s`.padStart(12)}   cpu; ${goal}; ${against(`${key}-cpu-ms`, record(`${key}-cpu-ms`, cpuMs))}`);
    console.log(`${'  peak memory (RSS)'.padEnd(50)} ${`${maxRssMb.toFixed(0)} MB`.padStart(12)}   ${against(`${key}-rss-mb`, record(`${key}-rss-mb`, maxRssMb))}`);
    console.log(`${'  output fingerprint'.padEnd(50)} ${sha}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function cliChecks(): void {
  const book = realPair(1_000_000, 1);
  if (!book) return console.log('  calque check as a process: skipped, no real text (see the note above)');
  measure('calque check --format json, 1,000,000 words', 'cli.check-1000k', [book], 'goal 10 s, 600 MB');
  measure('calque check --format json, 1,000 articles × 800', 'cli.check-articles-1000', Array.from({ length: 1000 }, (_, i) => realPair(800, i + 1)!), 'goal 8 s');
}
