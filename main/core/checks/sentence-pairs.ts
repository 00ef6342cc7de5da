/** An article's 1–1 aligned sentences, the raw material of the project consistency context (input.ts). */
import { normaliseSentence } from './qa/consistency.js';
import { alignForChecks } from './segments.js';

/**
 * [normalised source sentence, target sentence] for each 1–1 link of the alignment the checks segment
 * the article by: the same sentences the editor shows, and its paragraph pairs come from the cache the
 * article's checks filled (a save of a book re-aligns only the paragraphs it changed).
 */
export function sentencePairs(sourceLang: string, targetLang: string, source: string, target: string): [string, string][] {
  const al = alignForChecks(source, target, sourceLang, targetLang);
  const out: [string, string][] = [];
  for (const link of al.links) {
    if (link.source.length !== 1 || link.target.length !== 1) continue;
    const s = al.source[link.source[0]!]!;
    const t = al.target[link.target[0]!]!;
    out.push([normaliseSentence(source.slice(s.start, s.end)), target.slice(t.start, t.end)]);
  }
  return out;
}
