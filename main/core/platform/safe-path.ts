import * as fsp from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { CalqueError } from '../../contract/api.js';

/**
 * Refuse a path under the project whose file or any folder on the way is a symbolic link: a
 * symlinked `.calque/annotations/` would write outside the project, a symlinked baseline would show
 * an outside file, a translation swapped for a link would be read from and saved to elsewhere.
 * Parts that do not exist yet are fine (they are about to be created as real folders and files).
 */
export async function assertNoSymlinks(root: string, absPath: string): Promise<void> {
  const rel = relative(root, absPath);
  if (rel === '' ) return;
  if (rel.startsWith('..') || isAbsolute(rel)) throw new CalqueError('pathOutsideProject', { path: absPath });
  let at = root;
  for (const part of rel.split(sep)) {
    at = resolve(at, part);
    let st;
    try {
      st = await fsp.lstat(at);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return;
      throw err;
    }
    if (st.isSymbolicLink()) throw new CalqueError('symlinkRefused', { path: relative(root, at).split(sep).join('/') });
  }
}
