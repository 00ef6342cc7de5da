import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_FILE_PATTERN } from './atomic-write.js';

/** A temp file younger than this may belong to a save in progress (in this or another process). */
export const TEMP_FILE_MAX_AGE_MS = 10 * 60 * 1000;

/**
 * Remove temp files left by interrupted saves: only Calque's own (by name) and only old ones (by
 * age), in the given folders (not recursive: the temp folder, `.calque/` subfolders, the articles'
 * folders). Returns what was removed.
 */
export async function removeStaleTempFiles(dirs: Iterable<string>, maxAgeMs = TEMP_FILE_MAX_AGE_MS, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const dir of new Set(dirs)) {
    let names: string[];
    try {
      names = await fsp.readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!TEMP_FILE_PATTERN.test(name)) continue;
      const path = join(dir, name);
      try {
        const st = await fsp.lstat(path);
        if (!st.isFile() || now - st.mtimeMs < maxAgeMs) continue;
        await fsp.rm(path, { force: true });
        removed.push(path);
      } catch {
        /* gone already, or not ours to remove */
      }
    }
  }
  return removed;
}
