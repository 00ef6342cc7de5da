import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { CalqueError } from '../../contract/api.js';
import { isSupportedPath } from '../formats/registry.js';

/** Folders never scanned: Calque's own state, version control, dependencies, hidden folders. */
const SKIPPED = new Set(['.calque', '.git', 'node_modules']);

/** Every file of a registered format under root, as POSIX paths relative to root, sorted. */
export async function scanTextFiles(root: string): Promise<string[]> {
  let st;
  try {
    st = await fsp.stat(root);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CalqueError('folderNotFound', { path: root });
    throw new CalqueError('folderUnreadable', { path: root, reason: code ?? 'unknown' });
  }
  if (!st.isDirectory()) throw new CalqueError('notAFolder', { path: root });
  const out: string[] = [];
  async function walk(rel: string, isRoot: boolean): Promise<void> {
    let entries;
    try {
      entries = await fsp.readdir(join(root, rel), { withFileTypes: true });
    } catch (err) {
      if (isRoot) throw new CalqueError('folderUnreadable', { path: root, reason: (err as NodeJS.ErrnoException).code ?? 'unknown' });
      return; // an unreadable subfolder does not stop the project from opening
    }
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (SKIPPED.has(e.name) || e.name.startsWith('.')) continue;
        await walk(childRel, false);
      } else if (e.isFile() && !e.name.startsWith('.')) {
        if (isSupportedPath(e.name)) out.push(childRel);
      }
    }
  }
  await walk('', true);
  return out.sort();
}
