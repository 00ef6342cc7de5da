/** Repeated words ("the the", "will will"), except repeats that are grammatical ("that that", "had had"). */
import type { CheckDefinition, RawFinding } from '../types.js';
import { primaryLang, qaMessage, replaceFix } from './util.js';

/** Words whose doubling is legitimate in the language ("he said that that plan", "die die Stadt …"). */
const LEGIT: Record<string, ReadonlySet<string>> = {
  en: new Set(['that', 'had', 'bye', 'ha', 'no', 'very', 'really', 'so', 'knock', 'blah', 'yeah', 'is']),
  de: new Set(['die', 'der', 'das', 'sie', 'dem', 'den']),
  fr: new Set(['nous', 'vous', 'si']),
  pt: new Set(['pega', 'corre']),
  es: new Set(['ya', 'no']),
};

const REPEAT = /(?<![\p{L}\p{M}\p{N}'’-])([\p{L}\p{M}]+)([ \u00a0]+)(\1)(?![\p{L}\p{M}\p{N}'’-])/giu;

export const repeatedWords: CheckDefinition = {
  id: 'qa.repeated-words',
  category: 'Fluency/Grammar',
  severity: 'minor',
  scope: 'segment',
  run(ctx, seg) {
    if (!seg?.target) return [];
    const legit = LEGIT[primaryLang(ctx.targetLang)];
    const out: RawFinding[] = [];
    for (const m of seg.target.matchAll(REPEAT)) {
      const word = m[1]!;
      // "The the" counts; "the THE" (emphasis, a heading) does not.
      if (word !== m[3] && word.toLowerCase() !== m[3]) continue;
      if (legit?.has(word.toLowerCase())) continue;
      const start = seg.targetStart + (m.index ?? 0);
      const end = start + m[0].length;
      out.push({ start, end, message: qaMessage('repeatedWord', { word }), fixes: [replaceFix(start, end, word)] });
    }
    return out;
  },
};
