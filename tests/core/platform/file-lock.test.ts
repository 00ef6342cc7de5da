import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquire } from '../../../main/core/platform/file-lock.js';
import { rejectsWith } from '../../helpers/errors.js';

let dir: string;
const lock = () => join(dir, 'x.lock');
const opts = { staleMs: 30_000, timeoutMs: 2_000 };

beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'calque-lock-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has ended: a lock it left is stale. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

describe('acquire (the cross-process lock under every read-modify-write)', () => {
  it('holders never overlap: 30 read-modify-write increments through the lock file alone all land', async () => {
    const counter = join(dir, 'n');
    fs.writeFileSync(counter, '0');
    await Promise.all(
      Array.from({ length: 30 }, async () => {
        const release = await acquire(lock(), opts);
        const n = Number(await fsp.readFile(counter, 'utf8'));
        await new Promise((r) => setTimeout(r, 1));
        await fsp.writeFile(counter, String(n + 1));
        await release();
      }),
    );
    expect(fs.readFileSync(counter, 'utf8')).toBe('30');
    expect(fs.existsSync(lock())).toBe(false);
  });

  it('a lock left by a process that died (kill -9) is taken over at once', async () => {
    fs.writeFileSync(lock(), JSON.stringify({ pid: deadPid(), host: hostname(), time: Date.now(), token: 'dead' }));
    const started = Date.now();
    const release = await acquire(lock(), opts);
    expect(Date.now() - started).toBeLessThan(1000);
    await release();
  });

  it('a lock of a live process is waited for, then refused with fileLocked; an old one is taken over', async () => {
    fs.writeFileSync(lock(), JSON.stringify({ pid: process.pid, host: hostname(), time: Date.now(), token: 'live' }));
    await rejectsWith(acquire(lock(), { staleMs: 30_000, timeoutMs: 200 }), 'fileLocked');
    const old = Date.now() / 1000 - 60;
    fs.utimesSync(lock(), old, old);
    const release = await acquire(lock(), { staleMs: 30_000, timeoutMs: 200 });
    await release();
  });

  it('a torn lock file (the owner died between create and write) is stale once it is not brand new', async () => {
    fs.writeFileSync(lock(), '');
    const old = Date.now() / 1000 - 5;
    fs.utimesSync(lock(), old, old);
    const release = await acquire(lock(), opts);
    await release();
  });
});
