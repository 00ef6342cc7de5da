import * as fsp from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CalqueError, type ErrorInfo } from '../../contract/api.js';
import { writeFileAtomic } from '../platform/atomic-write.js';

/** A file to export: copied from `from`, or made by `make` (a tracked-changes document, a review table). */
export interface ExportFile {
  from: string;
  rel: string;
  make?: () => Promise<Uint8Array>;
}

type Progress = (done: number, total: number, state: 'running' | 'finished' | 'cancelled' | 'failed', error?: ErrorInfo) => void;

const destOf = (outDir: string, rel: string) => join(outDir, ...rel.split('/'));

async function exists(path: string): Promise<boolean> {
  return fsp.lstat(path).then(
    () => true,
    () => false,
  );
}

/** The relative names that already exist in outDir: what an export would replace. */
export async function existingExportTargets(files: { rel: string }[], outDir: string): Promise<string[]> {
  const out: string[] = [];
  for (const f of files) if (await exists(destOf(outDir, f.rel))) out.push(f.rel);
  return out;
}

/**
 * Copy each translation to outDir under the same relative name. Files are written atomically, one at
 * a time, so a cancel or a failure leaves whole files only; cancelling stops before the next file.
 * Without `overwrite`, a file that appeared at a destination since the caller looked stops the export.
 */
export async function exportAllFiles(
  files: ExportFile[],
  outDir: string,
  job: { cancelled: boolean },
  progress: Progress,
  opts: { overwrite: boolean } = { overwrite: false },
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
      const dest = destOf(outDir, f.rel);
      if (!opts.overwrite && (await exists(dest))) throw new CalqueError('exportWouldOverwrite', { path: outDir, count: 1, files: f.rel });
      await fsp.mkdir(dirname(dest), { recursive: true });
      // A translation swapped for a link after the project opened could copy any file out: refused.
      if ((await fsp.lstat(f.from)).isSymbolicLink()) throw new CalqueError('symlinkRefused', { path: f.rel });
      // `make`: the bytes as delivered (review states written into XLIFF or PO, a tracked-changes DOCX).
      const bytes = f.make ? await f.make() : await fsp.readFile(f.from);
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
