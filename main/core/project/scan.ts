import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { CalqueError } from '../../contract/api.js';
import { isSupportedPath } from '../formats/registry.js';

/** Folders never scanned: Calque's own state, version control, dependencies, hidden folders. */
const SKIPPED = new Set(['.calque', '.git', 'node_modules']);

/** Every file of a registered format under root, as POSIX paths relative to root, sorted. */
export async function scanTextFiles(root: string): Promise<string[]> {
  return (await scanProject(root)).files;
}

/** At most this many files of unknown formats are listed (a folder of images should not flood the list). */
export const MAX_UNSUPPORTED_LISTED = 500;

/**
 * The files Calque reads (`files`) and those it does not (`unsupported`, by extension: listed so that
 * a file the user expected to see is not silently left out), both sorted.
 */
export async function scanProject(root: string): Promise<{ files: string[]; unsupported: string[] }> {
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
  const unsupported: string[] = [];
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
        else if (unsupported.length < MAX_UNSUPPORTED_LISTED) unsupported.push(childRel);
      }
    }
  }
  await walk('', true);
  return { files: out.sort(), unsupported: unsupported.sort() };
}
