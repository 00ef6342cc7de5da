import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CalqueError } from '../../contract/api.js';

/** Seams for tests: simulate a crash before the rename, or a disk that fills up. */
export interface AtomicWriteHooks {
  open?: typeof fsp.open;
  beforeRename?: (tempPath: string) => void | Promise<void>;
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
  const temp = join(dir, `.${basename(path)}.calque-${randomBytes(6).toString('hex')}.tmp`);
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
    throw mapWriteError(err, path);
  }
  await syncDir(dir);
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
