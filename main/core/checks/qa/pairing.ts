/**
 * Unpaired brackets and quotes. Counted per paragraph (a quotation often spans sentences, and the splitter
 * may cut inside brackets), and reported only where the matching source paragraphs are balanced, so a
 * quotation that runs on into the next paragraph, or a source that is itself unbalanced, is not blamed
 * on the translation.
 */
import type { CheckContext, CheckDefinition, RawFinding } from '../types.js';
import { splitParagraphs } from '../../../common/paragraphs.js';
import { primaryLang, qaMessage } from './util.js';

interface Unpaired {
  /** Offset in the scanned text. */
  at: number;
  char: string;
}

const BRACKETS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSING_BRACKETS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Brackets left open or closed without an opener. "1)" and "a)" list labels are not closers. */
export function unpairedBrackets(text: string): Unpaired[] {
  const stack: Unpaired[] = [];
  const out: Unpaired[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (BRACKETS[c]) stack.push({ at: i, char: c });
    else if (CLOSING_BRACKETS[c]) {
      if (c === ')' && /(?:^|\s)[\p{L}\p{N}]{1,2}$/u.test(text.slice(Math.max(0, i - 3), i)) && !stack.some((s) => s.char === '(')) continue;
      const top = stack[stack.length - 1];
      if (top && top.char === CLOSING_BRACKETS[c]) stack.pop();
      else out.push({ at: i, char: c });
    }
  }
  return [...out, ...stack].sort((a, b) => a.at - b.at);
}

/** Opening → closing double quotes in the language's typography (German closes with “, French opens with «). */
function quotePairs(lang: string): Record<string, string> {
  switch (primaryLang(lang)) {
    case 'de':
      return { '„': '“', '»': '«' };
    case 'fr':
    case 'pt':
    case 'es':
    case 'it':
    case 'ca':
      return { '«': '»', '“': '”' };
    default:
      // „…“ is another language's pair, but a pair: its style is qa.quote-style's to report.
      return { '“': '”', '«': '»', '„': '“' };
  }
}

/** A mark opens at the start, after a space, a bracket or a dash. */
const atOpening = (text: string, i: number) => i === 0 || /[\s([{—–\-/]/u.test(text[i - 1]!);

/**
 * Quotes left open or closed without an opener. A quotation opened in one style and closed in another
 * (“…", "…”, „…”) is paired: the mismatch is one qa.quote-style finding, not two unpaired marks.
 */
export function unpairedQuotes(text: string, lang: string): Unpaired[] {
  const pairs = quotePairs(lang);
  const closers = new Set(Object.values(pairs));
  const stack: Unpaired[] = [];
  const out: Unpaired[] = [];
  let straight: Unpaired | null = null;
  // A closing mark typed where a quotation opens ("”immediate funding”"): reported once, and the closing mark after it is its partner.
  let misused = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const closing = stack.length > 0 && !atOpening(text, i);
    if (c === '"') {
      if (straight) straight = null;
      else if (closing) stack.pop();
      else straight = { at: i, char: c };
    } else if (closers.has(c) && (!pairs[c] || closing)) {
      if (stack.length) stack.pop();
      else if (straight) straight = null;
      else if (misused) misused = false;
      else {
        out.push({ at: i, char: c });
        misused = atOpening(text, i) && /\p{L}/u.test(text[i + 1] ?? '');
      }
    } else if (pairs[c]) stack.push({ at: i, char: c });
  }
  if (straight) out.push(straight);
  return [...out, ...stack].sort((a, b) => a.at - b.at);
}

/** For each target paragraph, the source paragraphs its sentences are aligned with. */
function sourceParagraphsOf(ctx: CheckContext): Map<number, Set<number>> {
  const map = new Map<number, Set<number>>();
  for (const link of ctx.alignment.links) {
    const sp = link.source.map((i) => ctx.alignment.source[i]!.paragraph);
    for (const t of link.target) {
      const p = ctx.alignment.target[t]!.paragraph;
      let set = map.get(p);
      if (!set) map.set(p, (set = new Set()));
      for (const s of sp) set.add(s);
    }
  }
  return map;
}

function pairingCheck(ctx: CheckContext, find: (text: string, lang: string) => Unpaired[], key: string): RawFinding[] {
  const out: RawFinding[] = [];
  const tParas = splitParagraphs(ctx.target);
  const sParas = splitParagraphs(ctx.source);
  const mapping = sourceParagraphsOf(ctx);
  for (const para of tParas) {
    const unpaired = find(para.text, ctx.targetLang);
    if (unpaired.length === 0) continue;
    const sources = [...(mapping.get(para.index) ?? [])].map((i) => sParas[i]).filter((p) => p !== undefined);
    // Without an aligned source paragraph there is nothing to compare with: stay quiet.
    if (sources.length === 0 || sources.some((p) => find(p.text, ctx.sourceLang).length > 0)) continue;
    for (const u of unpaired) {
      const start = para.start + u.at;
      out.push({ start, end: start + 1, message: qaMessage(key, { mark: u.char }) });
    }
  }
  return out;
}

export const unpairedBracketsCheck: CheckDefinition = {
  id: 'qa.unpaired-brackets',
  category: 'Fluency/Punctuation',
  severity: 'minor',
  scope: 'document',
  run: (ctx) => pairingCheck(ctx, (text) => unpairedBrackets(text), 'unpairedBracket'),
};

export const unpairedQuotesCheck: CheckDefinition = {
  id: 'qa.unpaired-quotes',
  category: 'Fluency/Punctuation',
  severity: 'minor',
  scope: 'document',
  run: (ctx) => pairingCheck(ctx, unpairedQuotes, 'unpairedQuote'),
};
