import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { CalqueError, MAX_FILE_BYTES } from '../../contract/api.js';
import type { DecodedText } from './encoding.js';
import { formatForPath } from './formats.js';

export interface TextFile extends DecodedText {
  bytes: Uint8Array;
  revision: string;
}

/** Opaque content token: saving compares it to refuse overwriting a change made elsewhere. */
export function revisionOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 20);
}

/** Read a file through its format's reader, with errors the user can act on (missing, too large, binary, bad encoding). */
export async function readTextFile(path: string, displayPath = path): Promise<TextFile> {
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
  return { ...formatForPath(path).read(bytes, displayPath), bytes, revision: revisionOf(bytes) };
}
