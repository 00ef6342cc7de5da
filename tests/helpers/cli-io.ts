import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';

/**
 * For command tests: a temporary folder for input files, and what the command writes to stdout and
 * stderr. Call once at the top of a test file; read `io.out` / `io.err` after running the command.
 */
export function captureCli(prefix: string): { out: string; err: string; dir: string; file(name: string, text: string): string } {
  const io = {
    out: '',
    err: '',
    dir: '',
    file(name: string, text: string): string {
      const p = join(io.dir, name);
      writeFileSync(p, text);
      return p;
    },
  };
  beforeEach(() => {
    io.dir = mkdtempSync(join(tmpdir(), prefix));
    io.out = '';
    io.err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((io.out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((io.err += String(s)), true));
    // Commands that print with console.* (vitest intercepts the console before process.stdout).
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void (io.out += a.join(' ') + '\n'));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void (io.err += a.join(' ') + '\n'));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(io.dir, { recursive: true, force: true });
  });
  return io;
}
