/**
 * A phrase written twice in a row ("in the region in the region"): an engine's or an editor's slip.
 * One-word repeats are qa.repeated-words', whole sentences qa.repeated-sentence's. Only exact repeats of
 * two words or more, case-insensitive, the copies apart by spaces.
 */
import { tokenize } from '../../../common/words.js';
import type { CheckDefinition, RawFinding } from '../types.js';
import { qaMessage, replaceFix } from './util.js';

/** The longest phrase looked for, in words: a doubled sentence is rarely longer. */
const MAX_WORDS = 30;

/** Words whose doubled phrase is a figure of speech ("more and more and more"). */
const CONJUNCTIONS = new Set(['and', 'or', 'und', 'oder', 'et', 'ou', 'y', 'o', 'e']);

interface Word {
  text: string;
  start: number;
  end: number;
}

/** The words of a text; punctuation between two words joins them into one gap. */
function words(text: string, lang: string): Word[] {
  return tokenize(text, lang)
    .filter((t) => t.word)
    .map((t) => ({ text: t.text.toLowerCase(), start: t.start, end: t.end }));
}

/** Is the text between two copies only spaces? (A doubled sentence is qa.repeated-sentence's.) */
function gapOk(gap: string): boolean {
  return /^[ \u00a0]+$/u.test(gap);
}

export const repeatedPhrases: CheckDefinition = {
  id: 'qa.repeated-phrase',
  category: 'Fluency/Grammar',
  severity: 'minor',
  description: 'A phrase written twice in a row ("per day per day").',
  scope: 'segment',
  run(ctx, seg) {
    if (!seg?.target) return [];
    const text = seg.target;
    const ws = words(text, ctx.targetLang);
    const out: RawFinding[] = [];
    let i = 0;
    while (i < ws.length) {
      let found = 0;
      for (let n = Math.min(MAX_WORDS, Math.floor((ws.length - i) / 2)); n >= 2; n--) {
        if (ws[i]!.text !== ws[i + n]!.text) continue;
        const a = ws.slice(i, i + n);
        const b = ws.slice(i + n, i + 2 * n);
        if (!a.every((w, k) => w.text === b[k]!.text)) continue;
        // "ha ha ha ha" is one word repeated (qa.repeated-words' list decides), not a phrase; "faster and
        // faster and faster" is a figure of speech.
        if (a.every((w) => w.text === a[0]!.text) || CONJUNCTIONS.has(a[0]!.text) || CONJUNCTIONS.has(a[n - 1]!.text)) continue;
        // A copy with a comma inside is a list's rhythm ("minus 4 degrees, minus 4 degrees, 0 degrees, 0 degrees").
        const copy = text.slice(a[0]!.start, a[n - 1]!.end);
        if (/[,;:]/u.test(copy)) continue;
        // The copies must be the same text gap for gap too ("per day, per day" is not a slip).
        if (copy.toLowerCase() !== text.slice(b[0]!.start, b[n - 1]!.end).toLowerCase()) continue;
        if (!gapOk(text.slice(a[n - 1]!.end, b[0]!.start))) continue;
        found = n;
        break;
      }
      if (!found) {
        i++;
        continue;
      }
      const first = ws[i]!;
      const last = ws[i + 2 * found - 1]!;
      const start = seg.targetStart + ws[i + found - 1]!.end;
      const end = seg.targetStart + last.end;
      const phrase = text.slice(first.start, ws[i + found - 1]!.end);
      // The finding is the second copy with the gap before it; the fix removes them.
      out.push({ start, end, message: qaMessage('repeatedPhrase', { phrase }), fixes: [replaceFix(start, end, '')] });
      i += 2 * found;
    }
    return out;
  },
};
