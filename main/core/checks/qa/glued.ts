/**
 * Words run together where a space was lost, in shapes no word list could hold: a number glued to the
 * word after it ("10minutes", "1.02million"), a preposition glued to a number ("on12 March"), a comma
 * typed after the space instead of before it ("October ,from"), a colon glued to an opening quote
 * (`said:"We`). The number and preposition cases read English words, so only for English targets.
 */
import { isUnspacedLanguage } from '../../../common/words.js';
import { inEnglishList } from '../spelling/english-words.js';
import type { CheckDefinition, RawFinding } from '../types.js';
import { primaryLang, qaMessage, replaceFix } from './util.js';

const NUMBER_WORD = /(?<![\p{L}\p{N}.,])(\d+(?:[.,]\d+)*)(\p{Ll}{4,})(?![\p{L}\p{N}])/gu;
/** Written glued on purpose: "tenfold", "20something". */
const GLUED_ON_PURPOSE = new Set(['fold', 'something', 'ish']);
const WORD_NUMBER = /(?<![\p{L}\p{N}])(on|in|at|by|to|of|from|since|until|for|and|than)(\d+)(?![\p{L}])/gu;
const SPACE_THEN_MARK = /(?<=\p{L}) ([,;])(\p{L}{2,})/gu;
const COLON_QUOTE = /(?<=\p{L}):(["“«„])(?=\p{Lu})/gu;

export const gluedWords: CheckDefinition = {
  id: 'qa.glued-words',
  category: 'Fluency/Punctuation',
  severity: 'minor',
  description: 'A space lost between a number and a word, a preposition and a number, or after a comma or a colon.',
  scope: 'segment',
  run(ctx, seg) {
    if (!seg?.target || isUnspacedLanguage(ctx.targetLang)) return [];
    const text = seg.target;
    const at = seg.targetStart;
    const out: RawFinding[] = [];
    const between = (i: number, left: string, right: string) => {
      const start = at + i;
      const end = start + left.length + right.length;
      out.push({ start, end, message: qaMessage('missingSpaceBetween', { left, right }), fixes: [replaceFix(start, end, `${left} ${right}`)] });
    };
    if (primaryLang(ctx.targetLang) === 'en') {
      for (const m of text.matchAll(NUMBER_WORD)) if (!GLUED_ON_PURPOSE.has(m[2]!) && inEnglishList(m[2]!)) between(m.index, m[1]!, m[2]!);
      for (const m of text.matchAll(WORD_NUMBER)) between(m.index, m[1]!, m[2]!);
    }
    for (const m of text.matchAll(SPACE_THEN_MARK)) {
      const start = at + m.index;
      const end = start + m[0].length;
      out.push({ start: start + 1, end, message: qaMessage('missingSpaceAfter', { mark: m[1]! }), fixes: [replaceFix(start, end, `${m[1]} ${m[2]}`)] });
    }
    for (const m of text.matchAll(COLON_QUOTE)) {
      const start = at + m.index;
      out.push({ start, end: start + 2, message: qaMessage('missingSpaceAfter', { mark: ':' }), fixes: [replaceFix(start, start + 2, `: ${m[1]}`)] });
    }
    return out;
  },
};
