/**
 * A sentence written twice in a row ("The plan failed. The plan failed."): the aligner may put the copy in
 * a segment of its own, so the translation's consecutive sentences are compared across the document.
 * A phrase doubled inside a sentence is qa.repeated-phrase's.
 */
import type { CheckDefinition, RawFinding } from '../types.js';
import { qaMessage, replaceFix } from './util.js';

/** Shorter sentences repeat on purpose ("No. No."; "Goal! Goal!"). */
const MIN_WORDS = 3;

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];

export const repeatedSentences: CheckDefinition = {
  id: 'qa.repeated-sentence',
  category: 'Fluency/Grammar',
  severity: 'minor',
  description: 'The same sentence written twice in a row.',
  scope: 'document',
  run(ctx) {
    const out: RawFinding[] = [];
    const sentences = ctx.alignment.target;
    for (let i = 1; i < sentences.length; i++) {
      const prev = sentences[i - 1]!;
      const cur = sentences[i]!;
      // Next to each other in one paragraph: only spaces between them.
      if (!/^[ \u00a0]*$/u.test(ctx.target.slice(prev.end, cur.start))) continue;
      const a = ctx.target.slice(prev.start, prev.end).trim();
      const b = ctx.target.slice(cur.start, cur.end).trim();
      const wa = words(a);
      if (wa.length < MIN_WORDS || a.toLowerCase() !== b.toLowerCase()) continue;
      // The finding is the copy and the space before it; the fix removes them.
      out.push({ start: prev.end, end: cur.end, message: qaMessage('repeatedPhrase', { phrase: a }), fixes: [replaceFix(prev.end, cur.end, '')] });
    }
    return out;
  },
};
