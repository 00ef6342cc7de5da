import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { CalqueError, MAX_FILE_BYTES, type FileFormatInfo } from '../../contract/api.js';
import type { Document, Side } from '../../contract/document.js';
import { formatForPath } from '../formats/registry.js';

/** One side of an article as read from its file: the text the editor shows and the document behind it. */
export interface SideText {
  text: string;
  format: FileFormatInfo;
  doc: Document;
}

export interface TextFile extends SideText {
  bytes: Uint8Array;
  revision: string;
}

/** Opaque content token: saving compares it to refuse overwriting a change made elsewhere. */
export function revisionOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 20);
}

/**
 * Bytes → one side of the article, through the format of `path` (a baseline is read with its
 * translation's path). A bilingual file has both sides; a monolingual file is the side asked for.
 */
export function readSide(bytes: Uint8Array, path: string, side: Side, displayPath = path, revision?: string): SideText {
  const format = formatForPath(path);
  // A large file is read once per content: a save reads the file, its baseline (often the same bytes)
  // and the saved result again, and the checks read the file the editor opened (documents are never
  // changed in place, so one can serve every reader of the same bytes).
  const key = bytes.length >= CACHED_FROM_BYTES ? `${format.id}\u0000${format.bilingual ? '' : side}\u0000${revision ?? revisionOf(bytes)}` : null;
  const doc = (key && recentDocs.get(key)) || format.read(bytes, { path: displayPath, side });
  if (key) {
    recentDocs.delete(key);
    recentDocs.set(key, doc);
    if (recentDocs.size > CACHED_DOCS) recentDocs.delete(recentDocs.keys().next().value!);
  }
  return { text: doc.text[side], format: doc.file, doc };
}

/** Documents of the last large files read, by format, side and content. */
const recentDocs = new Map<string, Document>();
const CACHED_DOCS = 6;
const CACHED_FROM_BYTES = 256 * 1024;

/**
 * Read one side of an article from its file, through its format's reader, with errors the user can
 * act on (missing, too large, binary, bad encoding). `side` has no default on purpose: a bilingual
 * file's source column read as its target would be a silent error.
 */
export async function readTextFile(path: string, displayPath: string, side: Side): Promise<TextFile> {
  let bytes: Uint8Array;
  try {
    const st = await fsp.stat(path);
    if (st.isDirectory()) throw new CalqueError('fileUnreadable', { path: displayPath, reason: 'EISDIR' });
    if (st.size > MAX_FILE_BYTES) {
      throw new CalqueError('fileTooLarge', { path: displayPath, size: st.size, limit: MAX_FILE_BYTES });
    }
    bytes = await fsp.readFile(path);
  } catch (err) {
    if (err instanceof CalqueError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CalqueError('fileNotFound', { path: displayPath });
    throw new CalqueError('fileUnreadable', { path: displayPath, reason: code ?? 'unknown' });
  }
  const revision = revisionOf(bytes);
  return { ...readSide(bytes, path, side, displayPath, revision), bytes, revision };
}

/**
 * The bytes of a side after the editor changed its text to `text`: `base` is the file as it is now
 * (or the baseline when the file was deleted). Only what changed is rewritten; a text that cannot be
 * mapped back onto the file's segments is refused with `segmentsChanged`, naming the file.
 */
export function bytesWithText(path: string, base: { doc: Document; bytes: Uint8Array }, side: Side, text: string): Uint8Array {
  const format = formatForPath(path);
  try {
    return format.write(format.withText(base.doc, side, text), base.bytes);
  } catch (err) {
    // Formats raise these without the path (they see only bytes): name the file here, and for a text
    // that no longer maps onto the segments, what they are (rows, cues…: the message's i18next context).
    if (err instanceof CalqueError && err.params.path === '') {
      const kind = base.doc.units[0]?.kind;
      throw new CalqueError(err.code, { ...err.params, path, ...(err.code === 'segmentsChanged' && kind ? { context: kind } : {}) });
    }
    throw err;
  }
}
