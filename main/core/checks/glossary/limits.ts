/**
 * Limits of the glossary readers, so no file can freeze or crash the host: a 31 MB TBX once made every
 * check fail, a TBX nested 100,000 deep hung the reader. Each limit has its own localized error.
 */
import { CalqueError } from '../../../contract/api.js';

export const GLOSSARY_LIMITS = {
  /** Bytes of one glossary file. */
  maxBytes: 16 * 1024 * 1024,
  /** Entries (rows, or term pairs from TBX) of one glossary. */
  maxEntries: 250_000,
  /** Element nesting of a TBX file (TBX needs about 6). */
  maxDepth: 64,
} as const;

export const tooLarge = (path: string, size: number) => new CalqueError('glossaryTooLarge', { path, size, limit: GLOSSARY_LIMITS.maxBytes });
export const tooDeep = (path: string) => new CalqueError('glossaryTooDeep', { path, limit: GLOSSARY_LIMITS.maxDepth });
export const tooManyEntries = (path: string) => new CalqueError('glossaryTooManyEntries', { path, limit: GLOSSARY_LIMITS.maxEntries });
