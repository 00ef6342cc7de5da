/** Lines of the translation that hold only spaces or tabs (Xbench's "whitespace-only segments"). */
import type { CheckDefinition, RawFinding } from '../types.js';
import { qaMessage, replaceFix } from './util.js';

const BLANK = /^[ \t\u00a0\u2000-\u200b\u3000]+$/gmu;

export const whitespaceLine: CheckDefinition = {
  id: 'qa.whitespace-line',
  category: 'Fluency/Punctuation',
  severity: 'minor',
  description: 'A line that holds only spaces or tabs.',
  scope: 'document',
  run(ctx) {
    const out: RawFinding[] = [];
    for (const m of ctx.target.matchAll(BLANK)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      out.push({ start, end, message: qaMessage('whitespaceLine'), fixes: [replaceFix(start, end, '')] });
    }
    return out;
  },
};
