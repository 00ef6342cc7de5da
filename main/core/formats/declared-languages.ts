import { join } from 'node:path';
import { CalqueError, type ErrorInfo } from '../../contract/api.js';
import type { DeclaredLanguages } from '../project/pairing.js';
import { readTextFile } from '../text/read-text-file.js';
import { formatForPath } from './registry.js';

/**
 * The languages bilingual files declare (a table's "source (pt-BR)" header), for pairing. A file
 * that cannot be read declares nothing but its error; the article list shows why.
 */
export async function declaredLanguages(root: string, paths: readonly string[]): Promise<DeclaredLanguages> {
  const out = new Map<string, { sourceLang?: string; targetLang?: string; error?: ErrorInfo }>();
  for (const path of paths) {
    if (!formatForPath(path).bilingual) continue;
    try {
      const { doc } = await readTextFile(join(root, path), path, 'target');
      out.set(path, { ...(doc.sourceLang ? { sourceLang: doc.sourceLang } : {}), ...(doc.targetLang ? { targetLang: doc.targetLang } : {}) });
    } catch (err) {
      out.set(path, err instanceof CalqueError ? { error: err.toInfo() } : {});
    }
  }
  return out;
}
