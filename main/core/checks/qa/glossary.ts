/**
 * Glossary: a source term is in the segment and none of its target terms is in the translation.
 * Word-boundary match, case-insensitive unless the entry says caseSensitive, with simple plurals (-s, -es).
 * The only fix offered is for a source term left untranslated in the translation: that wrong word is certain.
 * Only the terms the glossary's word index finds in the segment are matched (glossary/term-index.ts).
 */
import { candidateEntries, glossaryIndex } from '../glossary/term-index.js';
import type { CheckDefinition, GlossaryEntry, RawFinding } from '../types.js';
import { qaMessage, replaceFix, sourcePieces } from './util.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const patterns = new Map<string, RegExp>();
function termPattern(term: string, caseSensitive: boolean): RegExp {
  const key = `${caseSensitive ? 'c' : 'i'}${term}`;
  let re = patterns.get(key);
  if (!re) {
    const body = term.trim().split(/\s+/).map(escape).join('\\s+');
    re = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${body}(?:e?s)?(?![\\p{L}\\p{M}\\p{N}])`, caseSensitive ? 'gu' : 'giu');
    if (patterns.size > 5000) patterns.clear();
    patterns.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

function firstMatch(text: string, term: string, caseSensitive: boolean): RegExpExecArray | null {
  return termPattern(term, caseSensitive).exec(text);
}

export const glossaryCheck: CheckDefinition = {
  id: 'qa.glossary',
  category: 'Terminology/Inappropriate for context',
  severity: 'minor',
  scope: 'segment',
  run(ctx, seg) {
    const glossary: readonly GlossaryEntry[] = ctx.project.glossary;
    if (!seg?.target || !seg.source || !glossary?.length) return [];
    const out: RawFinding[] = [];
    const pieces = sourcePieces(ctx, seg);
    const index = glossaryIndex(glossary);
    for (const i of candidateEntries(index, pieces.map((p) => p.text))) {
      const entry = index.entries[i]!;
      const cs = entry.caseSensitive === true;
      let hit: { start: number; text: string } | null = null;
      for (const p of pieces) {
        const m = firstMatch(p.text, entry.source, cs);
        if (m) {
          hit = { start: p.start + m.index, text: m[0] };
          break;
        }
      }
      if (!hit) continue;
      const accepted = [entry.target, ...(entry.alternatives ?? [])];
      if (accepted.some((t) => firstMatch(seg.target, t, cs))) continue;
      const untranslated = entry.source.toLowerCase() !== entry.target.toLowerCase() ? firstMatch(seg.target, entry.source, cs) : null;
      if (untranslated) {
        const start = seg.targetStart + untranslated.index;
        const end = start + untranslated[0].length;
        out.push({
          start,
          end,
          message: qaMessage('glossaryUntranslated', { source: entry.source, target: entry.target }),
          fixes: [replaceFix(start, end, entry.target)],
        });
      } else {
        out.push({ side: 'source', start: hit.start, end: hit.start + hit.text.length, message: qaMessage('glossaryMissing', { source: entry.source, target: accepted.join(' / ') }) });
      }
    }
    return out;
  },
};
