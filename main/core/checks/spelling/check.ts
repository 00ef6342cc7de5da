/**
 * Spelling of the translation. Skips what a dictionary cannot judge: capitalised words inside a sentence
 * (names), acronyms, words with digits, URLs and e-mail addresses, the project word list, and words that
 * appear verbatim in the source (names, titles, untranslated terms the other checks report).
 */
import type { Fix } from '../../../contract/review.js';
import type { CheckContext, CheckDefinition, RawFinding } from '../types.js';
import { qaMessage, replaceFix } from '../qa/util.js';
import { foldAccents, sourceWords } from './source-words.js';
import { dictionaryLanguage, HYPHEN_PREFIXES, spellerFor, type Speller } from './speller.js';

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;
const URL_OR_EMAIL = /(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/giu;

function isSentenceStart(text: string, at: number): boolean {
  // A full stop glued to the next sentence (".Then") also starts one: the missing space is reported apart.
  return /^[\s"“«„'‘(¿¡—–-]*$/u.test(text.slice(0, at)) || /[.!?:…]["”»’)]?\s*["“«„'‘(¿¡]*$/u.test(text.slice(Math.max(0, at - 6), at));
}

/**
 * Letters that are no word of the prose: a file extension glued to a name ("report-2013.pdf"), a URL scheme
 * whose address the text breaks up ("http : / / www…"), a redaction or placeholder of one letter ("xxxxxx").
 */
function notProse(text: string, at: number, word: string): boolean {
  if (/^\p{Ll}{2,4}$/u.test(word) && /[\p{L}\p{N}]\.$/u.test(text.slice(Math.max(0, at - 2), at)) && !/^\p{L}/u.test(text.slice(at + word.length))) return true;
  if (/^(?:https?|ftp|www)$/i.test(word) && /^\s?[:.]/u.test(text.slice(at + word.length))) return true;
  return /^(\p{L})\1{2,}$/iu.test(word);
}

function known(speller: Speller, word: string, sentenceStart: boolean): boolean {
  const w = word.replace(/’/g, "'");
  if (speller.correct(w)) return true;
  if (sentenceStart && speller.correct(w.toLowerCase())) return true;
  // Possessives and elisions the dictionary may not list: "Brazil's", "l'homme" (the other part is checked).
  const stripped = w.replace(/'s$/i, '').replace(/^[ldjmnstc]'/i, '');
  return stripped !== w && stripped.length > 0 && (speller.correct(stripped) || (sentenceStart && speller.correct(stripped.toLowerCase())));
}

/**
 * A capitalised word at a sentence start is a name when the text also uses it capitalised inside a sentence
 * ("Jiuquan, Nov. 6 …" and later "the Jiuquan Satellite Launch Center"), or when it opens the article as a
 * dateline place followed by a comma and a date or agency ("Jiuquan, Nov. 6", "Recife, 13 mar").
 */
function usedAsName(ctx: CheckContext, word: string, datelineRest: string | null): boolean {
  if (datelineRest !== null && /^,\s+(?:\p{Lu}[\p{L}.]*\s+)?\d/u.test(datelineRest)) return true;
  return wordsInsideSentences(ctx).has(word);
}

/** After a lower-case letter, comma or semicolon and a space: a run of word characters (as WORD spells them). */
const INSIDE_RUN = /(?<=[\p{Ll},;] )[\p{L}\p{M}'’-]+/gu;
const insideCache = new WeakMap<CheckContext, Set<string>>();

/**
 * Every word the translation has after "[lower-case letter , ;] " and before a character that is no letter
 * or mark: one pass over the document, instead of one regex scan of the whole text per sentence-initial
 * capital (a book has thousands).
 */
function wordsInsideSentences(ctx: CheckContext): Set<string> {
  let words = insideCache.get(ctx);
  if (!words) {
    words = new Set();
    for (const m of ctx.target.matchAll(INSIDE_RUN)) {
      const run = m[0];
      // A prefix of the run ends before an apostrophe or hyphen (not a letter or mark), the whole run before whatever follows it.
      for (let q = 1; q < run.length; q++) if (run[q] === "'" || run[q] === '’' || run[q] === '-') words.add(run.slice(0, q));
      words.add(run);
    }
    insideCache.set(ctx, words);
  }
  return words;
}

/**
 * The source as evidence for a term or name: the word is in the segment's source or anywhere in the
 * article's source, accents aside ("Timişoara" for "Timișoara"); a capitalised word also when a source word
 * shares its first five letters, for names the source inflects ("Prahova" in "Valea Prahovei").
 */
function inSource(ctx: CheckContext, segmentSource: string, word: string, capitalised: boolean): boolean {
  if (segmentSource.includes(word)) return true;
  const source = sourceWords(ctx.source);
  const w = foldAccents(word);
  if (w.length >= 3 && source.has(w)) return true;
  return capitalised && w.length >= 5 && source.hasStemOf(w);
}

/** A word made of Hanyu Pinyin syllables without tones ("Xinhua", "Guotai", "Zhongguancun"). */
const PINYIN = /^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ong|ing|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue|a|o|e|i|u))+$/;

/** From a Chinese source, a capitalised word in pinyin is a romanised name (a person, a firm, a place), not a misspelling. */
const pinyinName = (ctx: CheckContext, word: string) => /^zh\b/i.test(ctx.sourceLang) && /^\p{Lu}\p{Ll}+$/u.test(word) && PINYIN.test(word.toLowerCase());

export const spellingCheck: CheckDefinition = {
  id: 'qa.spelling',
  category: 'Fluency/Spelling',
  severity: 'minor',
  targetLangs: ['en', 'de', 'fr', 'es', 'pt', 'it'],
  scope: 'segment',
  // Whether a sentence-initial capital is a name depends on the capitalised words used elsewhere.
  documentKey: (ctx) => [...wordsInsideSentences(ctx)].filter((w) => /^\p{Lu}/u.test(w)).sort().join(' '),
  run(ctx, seg) {
    if (!seg?.target || !dictionaryLanguage(ctx.targetLang)) return [];
    const speller = spellerFor(ctx.targetLang);
    if (!speller) return [];
    const words = new Set(ctx.project.wordList.map((w) => w.toLowerCase()));
    const skip: [number, number][] = [...seg.target.matchAll(URL_OR_EMAIL)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
    const out: RawFinding[] = [];
    for (const m of seg.target.matchAll(WORD)) {
      const word = m[0];
      // A word the dictionary has as written passes the dictionary test below whatever its context, and
      // every other test only skips words: one (remembered) lookup settles most words of a text.
      if (speller.correct(word.includes('’') ? word.replace(/’/g, "'") : word)) continue;
      const at = m.index ?? 0;
      if (skip.some(([a, b]) => at >= a && at < b)) continue;
      if (/\d/u.test(seg.target.slice(Math.max(0, at - 1), at + word.length + 1))) continue;
      if (word.length < 2 || word === word.toUpperCase()) continue;
      if (notProse(seg.target, at, word)) continue;
      const initial = isSentenceStart(seg.target, at);
      const capitalised = /^\p{Lu}/u.test(word);
      // German capitalises every noun: there a capital says nothing about names.
      if (capitalised && !initial && speller.lang !== 'de') continue;
      if (capitalised && initial && speller.lang !== 'de' && usedAsName(ctx, word, seg.first && at === 0 ? seg.target.slice(word.length) : null)) continue;
      const bare = word.replace(/['’]s$/u, '');
      if (words.has(word.toLowerCase()) || seg.source.includes(bare)) continue;
      // Hyphenated compounds: each part on its own ("well-known", "pós-guerra").
      // A known prefix before a hyphen needs no entry of its own ("ex-minister", "anti-inflation").
      const parts = word.split('-');
      const prefixOk = (p: string, i: number) => speller.lang === 'en' && i < parts.length - 1 && HYPHEN_PREFIXES.has(p.toLowerCase());
      // A capitalised part after a hyphen is a name ("anti-Bolsonaro", "pro-Lula").
      const nameOk = (p: string, i: number) => i > 0 && speller.lang !== 'de' && /^\p{Lu}/u.test(p);
      // The whole word first: Portuguese and Italian clitics ("comê-lo", "disse-lhe") are dictionary forms, not parts.
      if ((parts.length > 1 && known(speller, word, initial)) || parts.every((p, i) => p.length === 0 || words.has(p.toLowerCase()) || prefixOk(p, i) || nameOk(p, i) || known(speller, p, initial && i === 0))) continue;
      // Last, as it is the slowest test: the article's source as evidence for a term or name.
      if (inSource(ctx, seg.source, bare, capitalised)) continue;
      if (capitalised && pinyinName(ctx, bare)) continue;
      const start = seg.targetStart + at;
      const end = start + word.length;
      // Suggestions can take long (a half-typed word); under a deadline they may come on a later update.
      const suggested = ctx.deadline === undefined ? speller.suggest(word, 3) : speller.suggestBy(word, ctx.deadline, 3);
      // An acronym is no spelling of a lower-case word ("http" → "HTTP"), and would be reported as a name.
      const fixes: Fix[] = (suggested ?? []).filter((s) => s !== s.toUpperCase() || word === word.toUpperCase()).map((s) => replaceFix(start, end, s));
      out.push({ start, end, message: qaMessage('spelling', { word }), fixes, ...(suggested ? {} : { incomplete: true }) });
    }
    return out;
  },
};
