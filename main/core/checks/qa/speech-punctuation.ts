/**
 * English punctuation of amounts and reported speech that other languages write otherwise: a space after
 * a currency symbol ("$ 71.30", "R$ 180": English writes "$71.30"); a comma before "that" after a
 * reporting verb (German "sagte, dass" → "said, that"); no comma before the closing quotation mark of
 * a quoted sentence followed by its reporting verb (`is" said` for `is," said`).
 */
import type { CheckDefinition, RawFinding } from '../types.js';
import { qaMessage, replaceFix } from './util.js';

const CURRENCY_SPACE = /(?<![\p{L}\p{N}])((?:US|R|A|C|HK|NZ)?\$|€|£|¥)[ \u00a0]+(?=\d)/gu;
const REPORTING = 'said|says|stated|states|announced|announces|explained|explains|added|adds|stressed|stresses|noted|notes|argued|argues|warned|warns|claimed|claims|insisted|insists|reported|believes|believed|emphasi[sz]ed|emphasi[sz]es|underlined|confirmed|admitted|hoped|feared|pointed\\s+out|made\\s+clear';
const COMMA_THAT = new RegExp(`\\b(${REPORTING})\\s*,\\s+that\\b(?!\\s+(?:is|was|day|morning|afternoon|evening|night|week|year|time)\\b|['’]s)`, 'giu');
/** A quotation of three words or more closed without its comma, then the reporting verb. */
// One bounded run inside the quotation (a nested repetition here backtracked exponentially); its words are counted after.
const QUOTE_NO_COMMA = new RegExp(`(["“])([^"“”\\n]{0,300}\\p{L})(["”])\\s+(?=(?:${REPORTING}|told|tells|asked|asks|replied|replies|wrote|writes)\\b)`, 'gu');

export const speechPunctuation: CheckDefinition = {
  id: 'qa.speech-punctuation',
  category: 'Fluency/Punctuation',
  severity: 'minor',
  targetLangs: ['en'],
  description: 'A comma before "that" after a reporting verb, or a quotation closed without its comma before "said".',
  scope: 'segment',
  run(_ctx, seg) {
    if (!seg?.target) return [];
    const text = seg.target;
    const at = seg.targetStart;
    const out: RawFinding[] = [];
    for (const m of text.matchAll(COMMA_THAT)) {
      const comma = m.index + m[1]!.length + m[0].slice(m[1]!.length).indexOf(',');
      const start = at + m.index;
      out.push({ start, end: start + m[0].length, message: qaMessage('commaBeforeThat', { verb: m[1]! }), fixes: [replaceFix(at + comma, at + comma + 1, '')] });
    }
    for (const m of text.matchAll(QUOTE_NO_COMMA)) {
      if (m[2]!.trim().split(/\s+/u).length < 3) continue;
      const close = m.index + m[1]!.length + m[2]!.length;
      const start = at + close - Math.min(4, m[2]!.length);
      const end = at + m.index + m[0].length + (/^\S+/u.exec(text.slice(m.index + m[0].length))?.[0].length ?? 0);
      out.push({ start, end, message: qaMessage('commaBeforeQuote'), fixes: [replaceFix(at + close, at + close, ',')] });
    }
    return out;
  },
};

/**
 * Its own rule, and a hint, outside the problem counts: a house may keep the space (the MLQE-PE post-editors
 * left "€ 900" as it was, 0 of 2; a blind corpus left "US$ 303 million" unlabelled, 3 of 14 findings).
 */
export const currencySpace: CheckDefinition = {
  id: 'qa.currency-space',
  category: 'Fluency/Punctuation',
  severity: 'hint',
  targetLangs: ['en'],
  description: 'A space between a currency symbol and its amount ("$ 71.30"), which English writes together.',
  scope: 'segment',
  run(_ctx, seg) {
    if (!seg?.target) return [];
    const out: RawFinding[] = [];
    for (const m of seg.target.matchAll(CURRENCY_SPACE)) {
      const start = seg.targetStart + m.index;
      out.push({ start, end: start + m[0].length + 1, message: qaMessage('currencySpace', { symbol: m[1]! }), fixes: [replaceFix(start, start + m[0].length, m[1]!)] });
    }
    return out;
  },
};
