import { CalqueError } from '../../contract/api.js';

/**
 * A project search's query as a regular expression (issue 11, "Search the project"): plain text is
 * escaped, a regular expression is validated with a clear error; case and whole-word options. The
 * matching itself runs with a time limit (matcher.ts): a catastrophic pattern cannot freeze the host.
 */
export interface SearchQuery {
  pattern: string;
  regex?: boolean;
  caseSensitive?: boolean;
  wholeWord?: boolean;
}

export const MAX_PATTERN_LENGTH = 1000;

/** The query's RegExp source and flags, or CalqueError('invalidPattern', { reason }). */
export function compileQuery(q: SearchQuery): { source: string; flags: string } {
  if (q.pattern === '') throw new CalqueError('invalidPattern', { reason: 'empty' });
  if (q.pattern.length > MAX_PATTERN_LENGTH) throw new CalqueError('invalidPattern', { reason: `longer than ${MAX_PATTERN_LENGTH} characters` });
  let body = q.regex ? q.pattern : q.pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Whole words by Unicode letters and digits, not \b (ASCII-only), so "é" and "日" count as word characters.
  if (q.wholeWord) body = `(?<![\\p{L}\\p{M}\\p{N}_])(?:${body})(?![\\p{L}\\p{M}\\p{N}_])`;
  const flags = `gu${q.caseSensitive ? '' : 'i'}`;
  try {
    const re = new RegExp(body, flags);
    // A pattern that matches the empty string would "match" between every two characters.
    if (re.test('')) throw new CalqueError('invalidPattern', { reason: 'it matches empty text' });
  } catch (err) {
    if (err instanceof CalqueError) throw err;
    throw new CalqueError('invalidPattern', { reason: (err as Error).message.replace(/^Invalid regular expression: /, '') });
  }
  return { source: body, flags };
}

/**
 * The replacement of the match at [index, index + length) of `text`: for a regular expression `$1`,
 * `$<name>`, `$&` are expanded as String.prototype.replace does, with the match's own context (look-
 * behinds see the text before it); plain text is taken literally. Null when the pattern no longer
 * matches exactly there (the text changed since the search).
 */
export function expandReplacement(text: string, index: number, length: number, q: SearchQuery, replacement: string): string | null {
  const { source, flags } = compileQuery(q);
  const re = new RegExp(source, flags.replace('g', '') + 'y');
  re.lastIndex = index;
  const m = re.exec(text);
  if (!m || m[0].length !== length) return null;
  if (!q.regex) return replacement;
  re.lastIndex = index;
  const out = text.replace(re, replacement);
  return out.slice(index, out.length - (text.length - index - length));
}
