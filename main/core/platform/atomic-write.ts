import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CalqueError } from '../../contract/api.js';

export interface AtomicWriteHooks {
  /** Seam for tests: a disk that fills up. */
  open?: typeof fsp.open;
  /**
   * Runs after the temp file is complete, right before the rename: the last moment to refuse (throw)
   * when the file being replaced is no longer the one the caller read. Tests also simulate crashes here.
   */
  beforeRename?: (tempPath: string) => void | Promise<void>;
  /**
   * Where the temp file goes (default: beside the file). A folder git and the scanner ignore keeps an
   * interrupted save out of the user's folders; it must be on the same file system (EXDEV falls back).
   */
  tempDir?: string;
}

/** Calque's own temp files, and only those: `.<name>.calque-<12 hex>.tmp`. Cleanup relies on this shape. */
export const TEMP_FILE_PATTERN = /^\..*\.calque-[0-9a-f]{12}\.tmp$/;

export function tempNameFor(path: string): string {
  return `.${basename(path)}.calque-${randomBytes(6).toString('hex')}.tmp`;
}

/**
 * Write a file so that a crash at any instant leaves the old or the new content, never a torn file:
 * temp file in the same folder (same file system, so rename is atomic), fsync, rename, fsync the folder.
 * Keeps the mode of the file it replaces. Errors become CalqueErrors the UI can explain.
 */
export async function writeFileAtomic(path: string, data: Uint8Array, hooks: AtomicWriteHooks = {}): Promise<void> {
  const dir = dirname(path);
  let mode: number | undefined;
  try {
    const st = await fsp.stat(path);
    mode = st.mode & 0o7777;
    // rename() would replace a read-only file in a writable folder: respect the file's own permission.
    await fsp.access(path, fsp.constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new CalqueError('readOnlyFile', { path });
    if (code !== 'ENOENT') throw mapWriteError(err, path);
  }
  try {
    await writeThroughTemp(path, data, mode, hooks, hooks.tempDir ?? dir);
  } catch (err) {
    // A temp folder on another file system (a mount inside the project) cannot be renamed from.
    if (hooks.tempDir && (err as { exdev?: boolean }).exdev) await writeThroughTemp(path, data, mode, hooks, dir);
    else throw err;
  }
  await syncDir(dir);
}

async function writeThroughTemp(path: string, data: Uint8Array, mode: number | undefined, hooks: AtomicWriteHooks, tempDir: string): Promise<void> {
  const temp = join(tempDir, tempNameFor(path));
  const open = hooks.open ?? fsp.open;
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await open(temp, 'wx', mode ?? 0o644);
    let written = 0;
    while (written < data.length) {
      const { bytesWritten } = await handle.write(data, written, data.length - written);
      written += bytesWritten;
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (mode !== undefined) await fsp.chmod(temp, mode);
    await hooks.beforeRename?.(temp);
    await fsp.rename(temp, path);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await fsp.rm(temp, { force: true }).catch(() => undefined);
    if ((err as NodeJS.ErrnoException).code === 'EXDEV') throw Object.assign(mapWriteError(err, path), { exdev: true });
    throw mapWriteError(err, path);
  }
}

async function syncDir(dir: string): Promise<void> {
  // Makes the rename itself durable; not supported on every platform (Windows), hence best effort.
  try {
    const h = await fsp.open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    /* best effort */
  }
}

export function mapWriteError(err: unknown, path: string): CalqueError {
  if (err instanceof CalqueError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new CalqueError('diskFull', { path });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new CalqueError('readOnlyFile', { path });
  return new CalqueError('writeFailed', { path, reason: code ?? String((err as Error)?.message ?? err) });
}
