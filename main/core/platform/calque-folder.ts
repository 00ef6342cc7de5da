import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { assertNoSymlinks } from './safe-path.js';

/**
 * `.calque/` itself: created on the first write, with a .gitignore so that Calque's working files
 * (locks, temp files of interrupted saves) never show in `git status`; the state worth keeping
 * (project.json, baselines, reviews, annotations, backups) stays tracked.
 */
export const CALQUE_GITIGNORE = '# Calque working files: locks and temp files of interrupted saves.\nlocks/\ntmp/\n*.tmp\n*.lock\n*.lock.break\n';

const ready = new Set<string>();

export function calqueDir(root: string): string {
  return join(root, '.calque');
}

/** The folder where temp files of saves go (ignored by git and never scanned). */
export function tempDirOf(root: string): string {
  return join(root, '.calque', 'tmp');
}

export async function ensureCalqueFolder(root: string): Promise<void> {
  await assertNoSymlinks(root, join(root, '.calque', 'tmp'));
  await fsp.mkdir(tempDirOf(root), { recursive: true }); // again each time: the folder may have been deleted
  if (ready.has(root)) return;
  try {
    await fsp.writeFile(join(root, '.calque', '.gitignore'), CALQUE_GITIGNORE, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  ready.add(root);
}

/** Forget what was prepared (a test deleted the folder, or the project was reopened). */
export function forgetCalqueFolder(root: string): void {
  ready.delete(root);
}
