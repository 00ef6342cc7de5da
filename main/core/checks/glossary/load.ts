/**
 * The one reader of a glossary file (CSV, TSV or TBX by extension), with the limits of ./limits.ts:
 * size before reading, entries and nesting while parsing. A missing file is no glossary.
 */
import * as fsp from 'node:fs/promises';
import { extname } from 'node:path';
import type { GlossaryEntry } from '../types.js';
import { readCsvGlossary } from './csv.js';
import { GLOSSARY_LIMITS, tooLarge } from './limits.js';
import { readTbxGlossary } from './tbx.js';

/** `abs` is read; `rel` (project-relative) names the file in errors. */
export async function readGlossaryFile(abs: string, rel: string, sourceLang: string, targetLang: string): Promise<GlossaryEntry[]> {
  let size: number;
  try {
    size = (await fsp.stat(abs)).size;
  } catch {
    return []; // no glossary is the common case
  }
  if (size > GLOSSARY_LIMITS.maxBytes) throw tooLarge(rel, size);
  let text: string;
  try {
    text = await fsp.readFile(abs, 'utf8');
  } catch {
    return [];
  }
  return parseGlossary(text, rel, sourceLang, targetLang);
}

/** Parse glossary text as its file name says; throws the limits' CalqueErrors, never anything else. */
export function parseGlossary(text: string, rel: string, sourceLang: string, targetLang: string): GlossaryEntry[] {
  if (text.length > GLOSSARY_LIMITS.maxBytes) throw tooLarge(rel, Buffer.byteLength(text));
  return extname(rel).toLowerCase() === '.tbx' ? readTbxGlossary(text, sourceLang, targetLang, rel) : readCsvGlossary(text, rel);
}
