import * as fsp from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CalqueError, type ErrorInfo } from '../../contract/api.js';
import { writeFileAtomic } from '../platform/atomic-write.js';

type Progress = (done: number, total: number, state: 'running' | 'finished' | 'cancelled' | 'failed', error?: ErrorInfo) => void;

/**
 * Copy each translation to outDir under the same relative name. Files are written atomically, one at
 * a time, so a cancel or a failure leaves whole files only; cancelling stops before the next file.
 */
export async function exportAllFiles(
  files: { from: string; rel: string }[],
  outDir: string,
  job: { cancelled: boolean },
  progress: Progress,
): Promise<void> {
  const total = files.length;
  progress(0, total, 'running');
  try {
    for (let i = 0; i < files.length; i++) {
      if (job.cancelled) {
        progress(i, total, 'cancelled');
        return;
      }
      const f = files[i]!;
      const dest = join(outDir, ...f.rel.split('/'));
      await fsp.mkdir(dirname(dest), { recursive: true });
      // A translation swapped for a link after the project opened could copy any file out: refused.
      if ((await fsp.lstat(f.from)).isSymbolicLink()) throw new CalqueError('symlinkRefused', { path: f.rel });
      const bytes = await fsp.readFile(f.from);
      await writeFileAtomic(dest, bytes);
      progress(i + 1, total, 'running');
      // Yield so a cancel request can be handled between files.
      await new Promise((r) => setImmediate(r));
    }
    progress(total, total, 'finished');
  } catch (err) {
    const info = err instanceof CalqueError ? err.toInfo() : { code: 'writeFailed' as const, params: { path: outDir, reason: String((err as Error)?.message ?? err) } };
    progress(0, total, 'failed', info);
  }
}
