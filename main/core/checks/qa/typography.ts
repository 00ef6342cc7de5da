/**
 * The target locale's typography (dashes typed as "--" or " - ": dashes.ts): a hyphen with a
 * space on one side inside a compound ("state -owned", "well- known"; not the suspended "pre- and
 * post-war"); long numbers written without the locale's digit grouping ("25000 inhabitants").
 */
import type { CheckDefinition, RawFinding } from '../types.js';
import { maskUrls as masked, primaryLang, qaMessage, replaceFix } from './util.js';


/** Words after a suspended hyphen ("pre- and post-war", "Ein- und Ausgang", "macro- e microeconomia"). */
const SUSPENDED = new Set(['and', 'or', 'to', 'nor', 'und', 'oder', 'bis', 'sowie', 'et', 'ou', 'e', 'y', 'o', 'u', 'ed', 'od', 'i', 'als', 'as', 'versus', 'vs']);
const SPACE_BEFORE = /(?<=\p{L}{2}) -(?=\p{Ll}{2,})/gu;
const SPACE_AFTER = /(?<=\p{Ll}{2})- (?=(\p{Ll}+))/gu;

export const hyphenSpacing: CheckDefinition = {
  id: 'qa.hyphen-spacing',
  category: 'Fluency/Punctuation',
  severity: 'minor',
  description: 'A space on one side of a hyphen inside a compound ("state -owned", "well- known").',
  scope: 'segment',
  run(_ctx, seg) {
    if (!seg?.target || !seg.target.includes('-')) return [];
    const text = masked(seg.target);
    const out: RawFinding[] = [];
    for (const m of text.matchAll(SPACE_BEFORE)) {
      const start = seg.targetStart + (m.index ?? 0);
      out.push({ start, end: start + 2, message: qaMessage('hyphenSpacing'), fixes: [replaceFix(start, start + 2, '-')] });
    }
    for (const m of text.matchAll(SPACE_AFTER)) {
      if (SUSPENDED.has(m[1]!)) continue;
      const start = seg.targetStart + (m.index ?? 0);
      out.push({ start, end: start + 2, message: qaMessage('hyphenSpacing'), fixes: [replaceFix(start, start + 2, '-')] });
    }
    return out;
  },
};

/** Each locale's thousands separator for a long number. */
const GROUPING: Record<string, string> = { en: ',', de: '.', es: '.', pt: '.', it: '.', nl: '.', fr: '\u202f' };
/** Words before a number that make it an identifier, not a quantity ("postcode 75001", "flight 12345"). */
const IDENTIFIER_BEFORE = /(?:\b(?:no|nº|n°|number|code|postcode|zip|id|tel|phone|fax|isbn|issn|ref|reference|article|art|law|decree|lei|ley|loi|gesetz|decreto|route|flight|vol|vuelo|voo|line|bus|room|model|version|v|case|file|order|account|ticket|cep|cp|plz|nr|nummer|numéro|número|numero)\.?|#|\+)\s*$/iu;
/** An acronym or code before the number ("CA 94103", "BR-116"): with the `i` flag \p{Lu} would match any letter. */
const CODE_BEFORE = /\p{Lu}{2}[\s-]*$/u;
const LONG_NUMBER = /(?<![\p{L}\d.,:/\-#+])\d{5,}(?![\d.,]\d|[\p{L}\-/:])/gu;
/** What follows a quantity: a lower-case word, a currency, a percent sign or a unit. */
const QUANTITY_AFTER = /^(?:\s+\p{Ll}|\s*[%€$£¥]|\s+(?:km|kg|m|t|ha|mw|gw|kw|l)\b)/u;

const group = (digits: string, sep: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

export const digitGrouping: CheckDefinition = {
  id: 'qa.digit-grouping',
  category: 'Fluency/Punctuation',
  severity: 'minor',
  description: "A long number without the target locale's digit grouping (25000 → 25,000).",
  scope: 'segment',
  run(ctx, seg) {
    const sep = GROUPING[primaryLang(ctx.targetLang)];
    if (!seg?.target || !sep || !/\d{5}/.test(seg.target)) return [];
    const text = masked(seg.target);
    const out: RawFinding[] = [];
    for (const m of text.matchAll(LONG_NUMBER)) {
      const at = m.index ?? 0;
      const before = text.slice(Math.max(0, at - 16), at);
      if (IDENTIFIER_BEFORE.test(before) || CODE_BEFORE.test(before)) continue;
      const after = text.slice(at + m[0].length, at + m[0].length + 8);
      // German capitalises the noun after a quantity ("25000 Einwohner").
      if (!QUANTITY_AFTER.test(after) && !(primaryLang(ctx.targetLang) === 'de' && /^\s+\p{Lu}\p{Ll}/u.test(after))) continue;
      const start = seg.targetStart + at;
      const end = start + m[0].length;
      const fixed = group(m[0], sep);
      out.push({ start, end, message: qaMessage('digitGrouping', { number: m[0], fixed }), fixes: [replaceFix(start, end, fixed)] });
    }
    return out;
  },
};
