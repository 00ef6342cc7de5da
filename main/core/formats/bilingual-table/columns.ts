import { canonicalTag, isLanguageTag } from '../../project/languages.js';
import type { Row } from './parse.js';

/** Which columns hold the id, the source and the target, and the languages the header names. */
export interface Columns {
  id?: number;
  source: number;
  target: number;
  /** Index of the first data row (1 after a header row). */
  firstRow: number;
  sourceLang?: string;
  targetLang?: string;
}

const ID = /^(id|#|no\.?|n[º°o]|nr\.?|key|seg(ment)?[ _-]?(id|no\.?|number|#)?|unit[ _-]?id|tu[ _-]?id|string[ _-]?id)$/;
const SOURCE = /^(source|src|original)([ _-]?(text|segment|language|lang))?\b/;
const TARGET = /^(target|tgt|translation|translated|mt|machine[ _-]translation)([ _-]?(text|segment|language|lang))?\b/;

/** "source (pt-BR)", "Target [en]", "Source: pt-BR", "source - en", or just "pt-BR". */
function languageIn(header: string): string | undefined {
  const m = /[([:\-–]\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,4}){0,2})\s*[)\]]?\s*$/.exec(header) ?? /^([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,4}){0,2})$/.exec(header);
  const tag = m?.[1]?.replace(/_/g, '-');
  return tag && isLanguageTag(tag) ? canonicalTag(tag) : undefined;
}

/**
 * Read the header row when there is one: named columns (id, source, target and their usual
 * synonyms) or two columns named by language tags (source first). Without a header, three or more
 * columns are id, source, target and two are source, target, as CAT tools export them.
 */
export function detectColumns(rows: readonly Row[]): Columns | null {
  const header = rows[0]?.fields.map((f) => f.value.trim()) ?? [];
  const lower = header.map((h) => h.toLowerCase());
  let source = lower.findIndex((h) => SOURCE.test(h));
  let target = lower.findIndex((h) => TARGET.test(h));
  const id = lower.findIndex((h) => ID.test(h));
  const langs = header.map(languageIn);
  if (source === -1 || target === -1) {
    const tagged = langs.flatMap((l, i) => (l && !lower[i]!.match(ID) ? [i] : []));
    if (source === -1 && target === -1 && tagged.length >= 2) [source, target] = [tagged[0]!, tagged[1]!];
  }
  if (source !== -1 && target !== -1 && source !== target) {
    return {
      ...(id !== -1 ? { id } : {}),
      source,
      target,
      firstRow: 1,
      ...(langs[source] ? { sourceLang: langs[source] } : {}),
      ...(langs[target] ? { targetLang: langs[target] } : {}),
    };
  }
  const width = Math.max(0, ...rows.slice(0, 20).map((r) => r.fields.length));
  if (width >= 3) return { id: 0, source: 1, target: 2, firstRow: 0 };
  if (width === 2) return { source: 0, target: 1, firstRow: 0 };
  return null;
}
