import * as fsp from 'node:fs/promises';
import { CalqueError } from '../../contract/api.js';
import type { SegmentState, Side } from '../../contract/document.js';
import type { Annotation } from '../../contract/review.js';
import { formatForPath } from '../formats/registry.js';
import { withSegmentStates } from '../formats/segment-states.js';
import { assertNoSymlinks } from '../platform/safe-path.js';
import { bytesWithText, readSide, readTextFile, revisionOf, type TextFile } from '../text/read-text-file.js';

/**
 * The one seam between the article service and file formats: how an article's file is read and how
 * its edited text becomes bytes again, through the format registry (main/core/formats); nothing else
 * in the article service knows about formats.
 */

/** What identifies the file that was read, to notice it was replaced before we write over it. */
export interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

export interface ArticleFile extends TextFile {
  identity: FileIdentity;
}

/** Read an article's file (source or translation); a symbolic link is refused. */
export async function readArticleFile(root: string, abs: string, rel: string, side: Side): Promise<ArticleFile> {
  await assertNoSymlinks(root, abs);
  const identity = await identityOf(abs);
  const file = await readTextFile(abs, rel, side);
  return { ...file, identity: identity ?? { dev: 0, ino: 0, size: -1, mtimeMs: -1 } };
}

/**
 * The bytes of the translation after the editor changed it to `text`: the file as it is now, or the
 * baseline when the file was deleted; only the segments that changed are rewritten.
 */
export function encodeArticleFile(rel: string, text: string, base: { doc: TextFile['doc']; bytes: Uint8Array }): Uint8Array {
  return bytesWithText(rel, base, 'target', text);
}

/** A baseline's text: a byte copy of the translation, read with the article's own format. */
export function decodeBaseline(targetRel: string, id: string, bytes: Uint8Array) {
  return readSide(bytes, targetRel, 'target', `.calque/baselines/${id}`);
}

export async function identityOf(abs: string): Promise<FileIdentity | null> {
  try {
    const st = await fsp.lstat(abs);
    return { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return null;
  }
}

/**
 * Right before the rename of a save: is the file still the one that was read (same inode, size,
 * time and contents)? Another program that replaced or rewrote it meanwhile gets a conflict, not an
 * overwrite. (A change in the few microseconds between this check and the rename cannot be caught
 * without OS support; this narrows the window from the whole save to that.)
 */
export async function assertUnchanged(root: string, abs: string, id: string, read: ArticleFile | null): Promise<void> {
  await assertNoSymlinks(root, abs);
  const now = await identityOf(abs);
  if (!read) {
    if (now) throw new CalqueError('conflict', { id, reason: 'changed' });
    return;
  }
  if (!now) throw new CalqueError('conflict', { id, reason: 'deleted' });
  const was = read.identity;
  if (now.dev !== was.dev || now.ino !== was.ino || now.size !== was.size || now.mtimeMs !== was.mtimeMs) {
    throw new CalqueError('conflict', { id, reason: 'changed' });
  }
  if (revisionOf(await fsp.readFile(abs)) !== read.revision) throw new CalqueError('conflict', { id, reason: 'changed' });
}

/**
 * The translation's bytes for export in its own format: the review's segment states written into the
 * file for a format that carries states (XLIFF, PO), and its MQM annotations for a format that
 * delivers them (XLIFF: notes or ITS marks); other files are exported as they are.
 */
export function deliveredBytes(
  rel: string,
  file: { doc: TextFile['doc']; bytes: Uint8Array },
  review: { states: (doc: TextFile['doc']) => Record<string, SegmentState>; annotations: readonly Annotation[] },
): Uint8Array {
  const format = formatForPath(rel);
  const states = format.capabilities.segmentStates ? review.states(file.doc) : {};
  if (format.deliver) {
    const annotations = review.annotations
      .filter((a) => a.side === 'target' && !a.orphaned)
      .map((a) => ({ start: a.start, end: a.end, category: a.category, severity: a.severity, ...(a.comment.trim() ? { comment: a.comment.trim() } : {}) }));
    return format.deliver(file.doc, file.bytes, { states, annotations });
  }
  if (!Object.keys(states).length) return file.bytes;
  return format.write(withSegmentStates(file.doc, states), file.bytes);
}
