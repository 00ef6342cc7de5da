/**
 * A source name whose spelling changed in the translation ("Poullet" → "Poulet", "Sánchez" → "Sanchez"
 * is not a change: accents may go). Found from the source alone: a capitalised source word (not opening
 * a sentence) missing from the translation, and a capitalised target word missing from the source that
 * is one or two edits away, starts with the same letter and is no word of the target's dictionary, so
 * English exonyms ("Milan" for Milano, "Seville" for Sevilla) and inflected names ("Merkels" → "Merkel")
 * are left alone. Both texts must write Latin letters.
 */
import { tokenize, type Token } from '../../../common/words.js';
import { fold } from '../qa/util.js';
import { spellerFor } from '../spelling/speller.js';
import type { CheckDefinition, RawFinding } from '../types.js';

const NAME = /^\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?$/u;
const LATIN = /^[\p{Script=Latin}\p{M}-]+$/u;

/** Optimal string alignment distance (a swap of two neighbours is one edit), capped at max + 1. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** Capitalised words not opening a sentence (an opening word may be any word), of a text's tokens. */
function names(tokens: readonly Token[]): Map<string, { start: number; end: number }> {
  const out = new Map<string, { start: number; end: number }>();
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    if (!prev || /^[.!?:;«»“”"'(\-–—]$/.test(prev.text)) return;
    if (NAME.test(t.text) && LATIN.test(t.text) && t.text.length >= 4 && !out.has(t.text)) out.set(t.text, { start: t.start, end: t.end });
  });
  return out;
}

export const nameSpelling: CheckDefinition = {
  id: 'mt.name-spelling',
  category: 'Locale convention/Name',
  severity: 'major',
  description: 'A source name spelled differently in the translation.',
  scope: 'segment',
  run(ctx, segment) {
    if (!segment?.source || !segment.target) return [];
    const speller = spellerFor(ctx.targetLang);
    if (!speller) return [];
    // Each text tokenised once, for its names and its folded words.
    const sourceTokens = tokenize(segment.source, ctx.sourceLang);
    const src = names(sourceTokens);
    if (!src.size) return [];
    const targetTokens = tokenize(segment.target, ctx.targetLang);
    const tgtFolded = new Set(targetTokens.map((t) => fold(t.text)));
    const lost = [...src.keys()].filter((n) => !tgtFolded.has(fold(n)));
    if (!lost.length) return [];
    const srcFolded = new Set(sourceTokens.map((t) => fold(t.text)));
    const out: RawFinding[] = [];
    for (const [word, at] of names(targetTokens)) {
      const w = fold(word);
      if (srcFolded.has(w) || speller.correct(word) || speller.correct(word.toLowerCase())) continue;
      const was = lost.find((n) => {
        const f = fold(n);
        return f[0] === w[0] && !f.startsWith(w) && !w.startsWith(f) && editDistance(f, w, 1) <= 1;
      });
      if (!was) continue;
      const start = segment.targetStart + at.start;
      out.push({ start, end: segment.targetStart + at.end, message: { key: 'checks:nameSpelling', params: { text: word, source: was } }, fixes: [{ edits: [{ start, end: segment.targetStart + at.end, text: was }] }] });
    }
    return out;
  },
};
