/**
 * In `calque serve` the page may export only into the folder the user granted on the command line
 * (`--export-dir`, default `<project>-export`) or a folder inside it: a page (or anything that got its
 * cookie) must not be able to write to an arbitrary absolute path.
 */
import * as fs from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { CalqueError } from '../contract/api.js';

/** The real path of `p`, resolving symlinks in the part that exists (the rest may not exist yet). */
function realPathOfExisting(p: string): string {
  let head = resolve(p);
  const tail: string[] = [];
  for (;;) {
    try {
      return resolve(fs.realpathSync(head), ...tail);
    } catch {
      const up = dirname(head);
      if (up === head) return resolve(p);
      tail.unshift(head.slice(up.length).replace(/^[\\/]+/, ''));
      head = up;
    }
  }
}

export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The folder to export into: the requested one if it lies inside the granted one; refused otherwise. */
export function grantedExportDir(requested: string | undefined, granted: string): string {
  if (requested === undefined || requested === '') return granted;
  if (!isAbsolute(requested)) throw new CalqueError('exportDirNotGranted', { path: requested, allowed: granted });
  const wanted = realPathOfExisting(requested);
  if (!isInside(wanted, realPathOfExisting(granted))) throw new CalqueError('exportDirNotGranted', { path: requested, allowed: granted });
  return resolve(requested);
}
