import type { FileFormatInfo } from '../../contract/api.js';
import { decodeText, encodeText, type DecodedText } from './encoding.js';

/**
 * The file formats Calque reads and writes, each a reader and a writer behind its extensions. Plain
 * text and Markdown are both reviewed as text (paragraphs between blank lines) and written back byte
 * for byte where the text did not change; a new format (XLIFF, DOCX…) registers here and nothing else
 * in core changes.
 */
export interface DocumentFormat {
  id: string;
  extensions: readonly string[];
  /** File bytes → the text the editor shows (NFC, "\n"), plus what `write` needs to restore the file. */
  read(bytes: Uint8Array, path: string): DecodedText;
  /** Edited text → file bytes in the file's own conventions. */
  write(text: string, format: FileFormatInfo): Uint8Array;
}

const asText = { read: decodeText, write: encodeText };

export const FORMATS: readonly DocumentFormat[] = [
  { id: 'plain-text', extensions: ['txt'], ...asText },
  { id: 'markdown', extensions: ['md', 'markdown'], ...asText },
];

const byExt = new Map(FORMATS.flatMap((f) => f.extensions.map((e) => [e, f] as const)));

export function formatForExtension(ext: string): DocumentFormat | undefined {
  return byExt.get(ext.toLowerCase());
}

/** The format of a file by its name; plain text for anything else (baselines keep their article's extension). */
export function formatForPath(path: string): DocumentFormat {
  const name = path.split(/[\\/]/).pop() ?? path;
  const dot = name.lastIndexOf('.');
  return (dot > 0 && formatForExtension(name.slice(dot + 1))) || FORMATS[0]!;
}
