import { join, relative, resolve, sep } from 'node:path';
import { CalqueError } from '../../contract/api.js';

/** The file of an article under one of `.calque/`'s folders; ids that would leave that folder are refused. */
export function stateFilePath(root: string, folder: string, id: string, suffix: string): string {
  const dir = join(root, '.calque', folder);
  const path = resolve(dir, `${id}${suffix}`);
  const rel = relative(dir, path);
  if (id === '' || rel === '' || rel.split(sep).includes('..') || id.includes('\0')) throw new CalqueError('pathOutsideProject', { path: id });
  return path;
}

/** A backup name that sorts by time and never collides with an article's own file. */
export function backupPath(root: string, folder: string, id: string, suffix: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return stateFilePath(root, join('backups', folder), id, `.${stamp}${suffix}`);
}
