import * as fsp from 'node:fs/promises';
import { dirname } from 'node:path';
import { CalqueError } from '../../contract/api.js';
import { writeFileAtomic } from '../platform/atomic-write.js';
import { ensureCalqueFolder, tempDirOf } from '../platform/calque-folder.js';
import type { FileLocks } from '../platform/file-lock.js';
import { assertNoSymlinks } from '../platform/safe-path.js';
import { backupPath, stateFilePath } from './state-paths.js';

/**
 * `.calque/baselines/<article>`: a byte copy of the machine translation as first opened, the diff
 * baseline. Its only owner. Never rewritten, except by `replace`, which the user asks for (after a
 * direction change) and which keeps the old copy in `.calque/backups/baselines/`.
 */
export class BaselineStore {
  constructor(
    private readonly root: string,
    private readonly locks: FileLocks,
  ) {}

  path(id: string): string {
    return stateFilePath(this.root, 'baselines', id, '');
  }

  async read(id: string): Promise<Uint8Array | null> {
    const path = this.path(id);
    await assertNoSymlinks(this.root, path);
    try {
      return await fsp.readFile(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new CalqueError('fileUnreadable', { path: `.calque/baselines/${id}`, reason: (err as NodeJS.ErrnoException).code ?? 'unreadable' });
    }
  }

  /** The baseline; the first time, `bytes` become it. `captured` says whether this call wrote it. */
  async capture(id: string, bytes: Uint8Array): Promise<{ bytes: Uint8Array; captured: boolean }> {
    const existing = await this.read(id);
    if (existing) return { bytes: existing, captured: false };
    const path = this.path(id);
    return this.locks.run(path, async () => {
      const again = await this.read(id); // another process may have captured it meanwhile
      if (again) return { bytes: again, captured: false };
      await this.write(path, bytes);
      return { bytes, captured: true };
    });
  }

  /** Replace the baseline with `bytes`, keeping the old one as a backup. Returns the backup's path. */
  async replace(id: string, bytes: Uint8Array): Promise<string | undefined> {
    const path = this.path(id);
    return this.locks.run(path, async () => {
      const old = await this.read(id);
      let backup: string | undefined;
      if (old) {
        backup = backupPath(this.root, 'baselines', id, '');
        await fsp.mkdir(dirname(backup), { recursive: true });
        await fsp.copyFile(path, backup, fsp.constants.COPYFILE_EXCL);
      }
      await this.write(path, bytes);
      return backup;
    });
  }

  private async write(path: string, bytes: Uint8Array): Promise<void> {
    await ensureCalqueFolder(this.root);
    await assertNoSymlinks(this.root, path);
    await fsp.mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, bytes, { tempDir: tempDirOf(this.root) });
  }
}
