/**
 * Source-language text left in the translation, found from the source itself in every language pair: a
 * lower-case word of the target that the aligned source also has (verbatim or once accents are folded,
 * "hosteleria" for hostelería), and that the target language does not have: not in its dictionary, not an
 * accepted loanword, not in the project word list. Capitalised words (names shared by both sides),
 * acronyms, numbers and URLs never count. Where the target has no dictionary, the Portuguese and Spanish
 * lists of frequent words and the accents English does not use stand in for it. Adjacent copied words,
 * and a short source word between two of them ("mise en place"), make one finding. A target segment
 * identical to its source is the identical-segment check's.
 */
import { tokenize, type Token } from '../../../common/words.js';
import { WORD_LISTS } from '../packs/index.js';
import { fold } from '../qa/util.js';
import { spellerFor } from '../spelling/speller.js';
import type { CheckContext, CheckDefinition, RawFinding, SegmentView } from '../types.js';

const COMMON: Record<string, Set<string>> = {
  pt: new Set(WORD_LISTS['pt-common']!.map((w) => w.toLowerCase())),
  es: new Set(WORD_LISTS['es-common']!.map((w) => w.toLowerCase())),
};
const ENGLISH_OK = new Set(WORD_LISTS['en-loanwords']!.map((w) => w.toLowerCase()));
/** Letters English words hardly ever carry but Portuguese and Spanish words often do. */
const SOURCE_ACCENTS = /[ãõçáéíóúâêôñàü]/iu;
/** A whole lower-case word: no capitals inside ("iPhone"), digits or dots. */
const LOWER_WORD = /^\p{Ll}[\p{Ll}\p{M}'’-]*$/u;
const VOWEL = /[aeiouyà-öø-ÿ]/iu;
/** URLs, e-mail addresses, markup tags and placeholders: never words of the prose. */
const URL_OR_EMAIL = /(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+|<\/?[A-Za-z][^<>]*>|\{\{[^{}]*\}\}|\{[^{}\s]*\}|%\([A-Za-z_]\w*\)[sdif]/giu;

const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0]!;

interface SourceWords {
  exact: Set<string>;
  folded: Set<string>;
}

function sourceWordsOf(seg: SegmentView, lang: string): SourceWords {
  const exact = new Set<string>();
  const folded = new Set<string>();
  const text = /[:@<{%]|www\./.test(seg.source) ? seg.source.replace(URL_OR_EMAIL, ' ') : seg.source;
  for (const t of tokenize(text, lang)) if (t.word) exact.add(t.text.toLowerCase());
  // One fold of the whole text, not one per word; ASCII-only text folds to itself.
  if (/[^\x00-\x7f]/u.test(text)) for (const t of tokenize(fold(text), lang)) if (t.word) folded.add(t.text);
  return { exact, folded };
}

const foldWord = (word: string, lower: string) => (/[^\x00-\x7f]/u.test(word) ? fold(word) : lower);

/** Is this target word the source's, and foreign to the target language? */
function copied(ctx: CheckContext, word: string, src: SourceWords, projectWords: Set<string>): boolean {
  if (!LOWER_WORD.test(word) || word.length < 3 || !VOWEL.test(word)) return false; // names, acronyms, units
  const lower = word.toLowerCase();
  if (!src.exact.has(lower) && !src.folded.has(foldWord(word, lower))) return false;
  const target = primary(ctx.targetLang);
  if (projectWords.has(lower) || (target === 'en' && ENGLISH_OK.has(lower))) return false;
  const common = COMMON[primary(ctx.sourceLang)];
  // A frequent source word or one with the source's accents, even if the target dictionary lists it ("con").
  if (target === 'en' && src.exact.has(lower) && (SOURCE_ACCENTS.test(word) || common?.has(lower))) return true;
  const speller = spellerFor(ctx.targetLang);
  if (!speller) return false;
  const bare = word.replace(/’/g, "'");
  // An English word written in lower case ("marxism" for Marxism) is a capitalisation slip, not a copy.
  const capital = bare[0]!.toUpperCase() + bare.slice(1);
  return !speller.correct(bare) && !speller.correct(capital) && !bare.split('-').every((part) => part.length > 0 && speller.correct(part));
}

/** Runs of copied words, bridging one short word of the source between two of them. */
function runsOf(tokens: Token[], isCopied: (t: Token) => boolean, src: SourceWords): { start: number; end: number }[] {
  const flags = tokens.map((t) => t.word && isCopied(t));
  const out: { start: number; end: number }[] = [];
  let run: { start: number; end: number } | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const bridge = !flags[i] && run && t.word && t.text.length <= 3 && src.exact.has(t.text.toLowerCase()) && flags[i + 1] && tokens[i - 1]?.end === run.end;
    if (flags[i] || bridge) {
      if (run) run.end = t.end;
      else run = { start: t.start, end: t.end };
      continue;
    }
    if (run) out.push(run);
    run = null;
  }
  if (run) out.push(run);
  return out;
}

/** The short parenthesised group around a span ("(dpa/lby)"), or null when the span is not inside one. */
function parenthesised(text: string, start: number, end: number): string | null {
  const open = text.lastIndexOf('(', start);
  const close = text.indexOf(')', end);
  if (open < 0 || close < 0 || close - open > 40) return null;
  const group = text.slice(open, close + 1);
  return /^\([^()]*\)$/u.test(group) ? group : null;
}

/** Words that introduce a word cited as such, right before it. */
const CITED_BEFORE = /\b(?:name|word|term|expression|called|named|known as|so-called)\s+["“‘']?$/iu;

const projectWordsCache = new WeakMap<readonly string[], Set<string>>();

export const untranslatedWords: CheckDefinition = {
  id: 'mt.untranslated-words',
  category: 'Accuracy/Untranslated text',
  severity: 'major',
  description: 'Source-language words left untranslated in the translation.',
  scope: 'segment',
  run(ctx, segment) {
    if (!segment?.source || !segment.target) return [];
    if (primary(ctx.sourceLang) === primary(ctx.targetLang)) return [];
    if (segment.source.trim() === segment.target.trim()) return []; // the identical-segment check reports it whole
    const src = sourceWordsOf(segment, ctx.sourceLang);
    let projectWords = projectWordsCache.get(ctx.project.wordList);
    if (!projectWords) projectWordsCache.set(ctx.project.wordList, (projectWords = new Set(ctx.project.wordList.map((w) => w.toLowerCase()))));
    const words = projectWords;
    const masked = /[:@<{%]|www\./.test(segment.target) ? segment.target.replace(URL_OR_EMAIL, (m) => ' '.repeat(m.length)) : segment.target;
    const tokens = tokenize(masked, ctx.targetLang);
    const out: RawFinding[] = [];
    const capitalAt = (i: number) => /^\p{Lu}/u.test(tokens[i]?.text ?? '');
    for (const r of runsOf(tokens, (t) => copied(ctx, t.text, src, words), src)) {
      // Lower-case particles inside a name ("Ursula von der Leyen", "Luiz Inácio Lula da Silva").
      const first = tokens.findIndex((t) => t.start === r.start);
      const last = tokens.findIndex((t) => t.end === r.end);
      if (capitalAt(first - 1) && capitalAt(last + 1)) continue;
      const text = segment.target.slice(r.start, r.end);
      // A word cited as a word ("the name rzeczpospolita means…", "a dish called tasquinhas") is meant to stay as it is.
      if (CITED_BEFORE.test(segment.target.slice(Math.max(0, r.start - 24), r.start))) continue;
      // A credit or acronym the source also puts in parentheses ("FRANKFURT (dpa)", "(dpa/lby)"): kept on purpose.
      const group = parenthesised(segment.target, r.start, r.end);
      if (group && segment.source.includes(group)) continue;
      // A name or title the source has as it is, capital first ("Elephas falconeri", "De beryllo"): kept, not left untranslated.
      if (capitalAt(first - 1) && segment.source.includes(`${tokens[first - 1]!.text} ${text}`)) continue;
      out.push({ start: segment.targetStart + r.start, end: segment.targetStart + r.end, message: { key: 'checks:untranslatedWords', params: { text } }, fixes: [] });
    }
    return out;
  },
};

const LETTERS = /\p{Ll}{2,}/gu;

export const identicalSegment: CheckDefinition = {
  id: 'mt.identical-segment',
  category: 'Non-translation!',
  severity: 'major',
  description: 'A translated sentence identical to its source sentence.',
  scope: 'segment',
  run(ctx, segment) {
    if (!segment?.source || !segment.target) return [];
    if (ctx.sourceLang.split('-')[0]!.toLowerCase() === ctx.targetLang.split('-')[0]!.toLowerCase()) return [];
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
    if (norm(segment.source) !== norm(segment.target)) return [];
    // A line of names or numbers ("Petrobras", "Flamengo 2 x 1 Palmeiras") is the same in any language.
    if ((segment.target.match(LETTERS) ?? []).length < 3) return [];
    // A copyright or agency credit line ("© dpa-infocom, dpa:…") is kept as the agency writes it.
    if (/^\s*(?:©|\(c\)\s|copyright\b)/iu.test(segment.target)) return [];
    return [{ start: segment.targetStart, end: segment.targetStart + segment.target.length, message: { key: 'checks:identicalSegment' }, fixes: [] }];
  },
};
