import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import { CalqueError } from '../../contract/api.js';
import { ensureCalqueFolder } from './calque-folder.js';
import { fileQueue } from './write-queue.js';

/**
 * Read-modify-write of one file, exclusive across processes on one machine: two `calque serve`
 * processes, the desktop app and a CLI run on one folder must not both accept a save of the same
 * revision. A lock is a file created with O_EXCL (`wx`) holding the owner's pid, host and time.
 * Within a process the write queue orders contenders first, so they wait in line instead of polling.
 */

export interface LockOptions {
  /** A lock older than this is taken over even if its process seems alive (a hung or reused pid). */
  staleMs?: number;
  /** Give up waiting for another process after this long. */
  timeoutMs?: number;
}

interface LockOwner {
  pid: number;
  host: string;
  time: number;
  token: string;
}

const DEFAULTS = { staleMs: 30_000, timeoutMs: 15_000 };

export class FileLocks {
  private readonly dir: string;

  constructor(
    private readonly root: string,
    private readonly options: LockOptions = {},
  ) {
    this.dir = join(root, '.calque', 'locks');
  }

  /** The lock file of a project file: named by a hash of its project-relative path (any depth, any name). */
  lockPathFor(absPath: string): string {
    const rel = relative(this.root, absPath).split('\\').join('/');
    return join(this.dir, `${createHash('sha1').update(rel).digest('hex').slice(0, 24)}.lock`);
  }

  /** Run `fn` holding the lock of `absPath`: one at a time in this process, and across processes. */
  run<T>(absPath: string, fn: () => Promise<T>): Promise<T> {
    return fileQueue.run(absPath, async () => {
      await ensureCalqueFolder(this.root);
      await fsp.mkdir(this.dir, { recursive: true });
      const release = await acquire(this.lockPathFor(absPath), { ...DEFAULTS, ...this.options });
      try {
        return await fn();
      } finally {
        await release();
      }
    });
  }
}

/** Take the lock file, waiting for its owner or taking over a stale one. Returns the release. */
export async function acquire(lockPath: string, options: Required<LockOptions>): Promise<() => Promise<void>> {
  const token = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const owner: LockOwner = { pid: process.pid, host: hostname(), time: Date.now(), token };
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const h = await fsp.open(lockPath, 'wx');
      try {
        await h.writeFile(JSON.stringify(owner));
      } finally {
        await h.close();
      }
      return async () => {
        // Only our own lock is removed: a takeover after a long pause must not be undone by us.
        const now = await readOwner(lockPath);
        if (now?.token === token) await fsp.rm(lockPath, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw mapLockError(err, lockPath);
    }
    const current = await readOwner(lockPath);
    if (current === undefined) continue; // released between our open and our read
    if (isStale(current, lockPath, options.staleMs, await ageOf(lockPath))) {
      await breakStale(lockPath, current);
      continue;
    }
    if (Date.now() - started > options.timeoutMs) throw new CalqueError('fileLocked', { path: lockPath, pid: current?.pid ?? 0 });
    await new Promise((r) => setTimeout(r, Math.min(50, 2 + attempt * 2) + Math.random() * 5));
  }
}

/** The lock's owner; undefined when the lock is gone, null when it is unreadable (torn by a crash). */
async function readOwner(lockPath: string): Promise<LockOwner | null | undefined> {
  let raw: string;
  try {
    raw = await fsp.readFile(lockPath, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return null;
  }
  try {
    const o = JSON.parse(raw) as LockOwner;
    return typeof o.pid === 'number' && typeof o.token === 'string' ? o : null;
  } catch {
    return null;
  }
}

async function ageOf(lockPath: string): Promise<number> {
  try {
    return Date.now() - (await fsp.stat(lockPath)).mtimeMs;
  } catch {
    return 0;
  }
}

function isStale(owner: LockOwner | null, _lockPath: string, staleMs: number, ageMs: number): boolean {
  if (ageMs > staleMs) return true;
  // A torn lock (the owner died between create and write) is stale once it is not brand new.
  if (owner === null) return ageMs > 1000;
  if (owner.host !== hostname()) return false;
  return !processAlive(owner.pid);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove a stale lock without removing a fresh one someone else took meanwhile: only one breaker at
 * a time (its own O_EXCL file), and the lock is removed only if it still holds the stale owner.
 */
async function breakStale(lockPath: string, seen: LockOwner | null): Promise<void> {
  const breaker = `${lockPath}.break`;
  let h: fsp.FileHandle;
  try {
    h = await fsp.open(breaker, 'wx');
  } catch {
    // Another process is breaking it; a breaker left by a crash is itself stale after a few seconds.
    if ((await ageOf(breaker)) > 5000) await fsp.rm(breaker, { force: true });
    return;
  }
  try {
    await h.close();
    const now = await readOwner(lockPath);
    if (now === undefined) return;
    if ((now === null && seen === null) || (now && seen && now.token === seen.token)) await fsp.rm(lockPath, { force: true });
  } finally {
    await fsp.rm(breaker, { force: true });
  }
}

function mapLockError(err: unknown, lockPath: string): CalqueError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new CalqueError('readOnlyFile', { path: lockPath });
  if (code === 'ENOSPC') return new CalqueError('diskFull', { path: lockPath });
  return new CalqueError('writeFailed', { path: lockPath, reason: code ?? String(err) });
}
