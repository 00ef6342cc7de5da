/**
 * Hunspell dictionaries through nspell, loaded lazily once per language. Measured here (Node 20):
 * English (American + British) ~0.3 s and ~40 MB, Spanish and German ~0.9 s and ~55 MB, French ~4 s and ~430 MB.
 * Portuguese (dictionary-pt 4.0.0, Brazilian) and Italian (dictionary-it 2.0.0) did not load in nspell within
 * minutes (it expands every stem into all its forms); they are read by affix-lookup.ts instead, in 1–4 s,
 * and give no suggestions. A language without a dictionary gets no speller, never another language's.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nspell from 'nspell';
import { loadAffixDictionary, lookupOnlySpeller } from './affix-lookup.js';
import { inEnglishList, regularFormation } from './english-words.js';
import { SuggestionSearch } from './suggest.js';
import enSupplement from './en-supplement.json';

/** Words each language's dictionaries lack that its news text uses ("reais", "lockdown"); added on load. */
const SUPPLEMENTS: Record<string, readonly string[]> = {
  en: enSupplement.words,
  // Separable-verb particles that stand alone at the end of a clause ("nahmen teil", "fand statt").
  de: ['teil', 'statt', 'fest', 'heim', 'preis', 'kund', 'bekannt', 'frei', 'hoch', 'fern', 'wieder'],
};

/**
 * German writes compounds as one word and dictionary-de builds most of them by compounding, which nspell
 * does not do ("Maßnahmen", "Lohnerhöhung"): a word is taken as a compound of two dictionary words, with
 * or without a linking "s", each long enough not to hide a misspelling.
 */
export function germanCompound(word: string, isWord: (w: string) => boolean): boolean {
  if (word.length < 8) return false;
  for (let i = 3; i <= word.length - 4; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    const tailCap = tail[0]!.toUpperCase() + tail.slice(1);
    if (!(isWord(tailCap) || isWord(tail))) continue;
    if (isWord(head) || (head.endsWith('s') && head.length > 4 && isWord(head.slice(0, -1)))) return true;
  }
  return false;
}

/**
 * Productive prefixes: prefix + a known word is a word ("multimillion", "postpandemic", "cofounder").
 * "un", "de" and "ex" are left out because with them common misspellings read as words ("untill").
 */
const PREFIXES = ['multi', 'anti', 'non', 'pre', 'post', 'co', 're', 'inter', 'cross', 'mid', 'over', 'under', 'self', 'pro', 'counter', 'semi', 'sub', 'super', 'ultra', 'mega', 'micro', 'macro', 'cyber', 'neo', 'pseudo', 'quasi', 'bi', 'tri', 'trans', 'extra', 'intra', 'mini', 'hyper', 'tele', 'eco', 'geo', 'narco', 'agro', 'bio', 'electro', 'hydro', 'thermo', 'aero', 'nano', 'petro', 'astro'];
/** English prefixes that stand before a hyphen ("ex-minister", "anti-inflation", "pre-campaign"). */
export const HYPHEN_PREFIXES = new Set([...PREFIXES, 'ex', 'un', 'de', 'e', 'all', 'vice', 'well', 'half', 'near', 'far', 'long', 'short']);

/** Is `word` a prefix from the list followed by a dictionary word long enough not to hide a misspelling? */
export function prefixedWord(word: string, isWord: (w: string) => boolean): boolean {
  const lower = word.toLowerCase();
  for (const p of PREFIXES) {
    if (!lower.startsWith(p)) continue;
    const rest = lower.slice(p.length);
    if (rest.length >= (p.length <= 2 ? 5 : 4) && isWord(rest)) return true;
  }
  return false;
}

/**
 * Dictionary key → npm packages with index.aff/index.dic (the packages are ESM with top-level await; we
 * read their files). Plain "en" accepts American and British spelling ("favor" and "favour"); en-US and
 * en-GB (and the Commonwealth regions) only their own.
 */
const DICTIONARY_PACKAGES: Record<string, string[]> = {
  en: ['dictionary-en', 'dictionary-en-gb'],
  'en-us': ['dictionary-en'],
  'en-gb': ['dictionary-en-gb'],
  de: ['dictionary-de'],
  fr: ['dictionary-fr'],
  es: ['dictionary-es'],
  pt: ['dictionary-pt'],
  it: ['dictionary-it'],
};
/** Dictionaries read by affix lookup rather than nspell (see the top of this file). */
const LOOKUP_ONLY = new Set(['dictionary-pt', 'dictionary-it']);
const BRITISH_REGIONS = new Set(['gb', 'uk', 'au', 'nz', 'ie', 'in', 'za']);

export interface Speller {
  lang: string;
  correct(word: string): boolean;
  /** At most `limit` suggestions, cached per word. */
  suggest(word: string, limit?: number): string[];
  /**
   * The same suggestions, or null when they are not ready by `deadline` (a `performance.now()` time): the
   * search stops there and a later call for the word continues it (a few unfinished searches are kept).
   */
  suggestBy(word: string, deadline: number, limit?: number): string[] | null;
}

/** Unfinished searches kept for later calls; each may hold many candidates, so only a few. */
const MAX_UNFINISHED = 8;
/** Finished suggestion lists kept per language. */
const MAX_CACHED = 5000;
/** Remembered correct/incorrect answers per language. */
const MAX_ANSWERS = 200_000;

const spellers = new Map<string, Speller | null>();
const resolveFromHere = createRequire(import.meta.url);

/** The dictionary key for a language tag ("en-AU" → "en-gb", "pt-BR" → null). */
export function dictionaryLanguage(tag: string): string | null {
  const [lang = '', ...rest] = tag.toLowerCase().split(/[-_]/);
  if (lang === 'en') {
    const region = rest.find((r) => r.length === 2);
    return region === 'us' ? 'en-us' : region && BRITISH_REGIONS.has(region) ? 'en-gb' : 'en';
  }
  // dictionary-pt is Brazilian: European Portuguese spellings ("facto", "económico") are not in it.
  if (lang === 'pt' && rest.some((r) => r.length === 2 && r !== 'br')) return null;
  return DICTIONARY_PACKAGES[lang] ? lang : null;
}

function loadOne(pkg: string): ReturnType<typeof nspell> | null {
  let dir: string;
  try {
    dir = dirname(resolveFromHere.resolve(pkg));
  } catch {
    return null; // not installed
  }
  return nspell({ aff: readFileSync(join(dir, 'index.aff')), dic: readFileSync(join(dir, 'index.dic')) });
}

function load(key: string): Speller | null {
  const only = (DICTIONARY_PACKAGES[key] ?? []).find((p) => LOOKUP_ONLY.has(p));
  if (only) {
    let dir: string;
    try {
      dir = dirname(resolveFromHere.resolve(only));
    } catch {
      return null;
    }
    const dictionary = loadAffixDictionary(readFileSync(join(dir, 'index.aff'), 'utf8'), readFileSync(join(dir, 'index.dic'), 'utf8'));
    return lookupOnlySpeller(key, dictionary, SUPPLEMENTS[key] ?? []);
  }
  const spells = (DICTIONARY_PACKAGES[key] ?? []).map(loadOne).filter((s) => s !== null);
  if (spells.length === 0) return null;
  for (const word of SUPPLEMENTS[key.split('-')[0]!] ?? []) spells[0]!.add(word);
  const hunspell = (word: string) => spells.some((s) => s.correct(word));
  // Asked first: nspell keeps a supplement word's existing flags, which may forbid it standing alone ("teil").
  const supplement = new Set(SUPPLEMENTS[key.split('-')[0]!] ?? []);
  // English also takes the large word list, except (for en-US, en-GB) the other region's spellings.
  let otherRegion: ReturnType<typeof nspell> | null | undefined;
  const otherSpelling = (word: string) => {
    if (key === 'en') return false;
    if (otherRegion === undefined) otherRegion = loadOne(key === 'en-us' ? 'dictionary-en-gb' : 'dictionary-en');
    return otherRegion?.correct(word) ?? false;
  };
  const listed = (word: string) => word === word.toLowerCase() && inEnglishList(word) && !otherSpelling(word);
  const english = key.startsWith('en');
  const inDictionary = (word: string) => supplement.has(word) || hunspell(word) || (english && listed(word));
  const suggestions = new Map<string, string[]>();
  const unfinished = new Map<string, SuggestionSearch[]>();
  const suggestBy = (word: string, deadline: number): string[] | null => {
    const done = suggestions.get(word);
    if (done) return done;
    if (!unfinished.has(word) && performance.now() >= deadline) return null; // no time to even start
    const searches = unfinished.get(word) ?? spells.map((sp) => new SuggestionSearch(sp, word, spells));
    unfinished.delete(word);
    // Each dictionary's suggestions in turn, as nspell would list them.
    if (searches.some((search) => search.run(deadline) === null)) {
      unfinished.set(word, searches); // most recently used last
      if (unfinished.size > MAX_UNFINISHED) unfinished.delete(unfinished.keys().next().value!);
      return null;
    }
    const found = [...new Set(searches.flatMap((search) => search.run()!))];
    if (suggestions.size > MAX_CACHED) suggestions.clear();
    suggestions.set(word, found);
    return found;
  };
  // The dictionaries never change after loading: remember answers (news text repeats its words a lot).
  const answers = new Map<string, boolean>();
  const correct = (word: string): boolean => {
    let ok = answers.get(word);
    if (ok === undefined) {
      ok =
        inDictionary(word) ||
        (english && (prefixedWord(word, inDictionary) || (word === word.toLowerCase() && regularFormation(word, inDictionary, hunspell)))) ||
        (key === 'de' && germanCompound(word, inDictionary));
      if (answers.size >= MAX_ANSWERS) answers.clear();
      answers.set(word, ok);
    }
    return ok;
  };
  return {
    lang: key.split('-')[0]!,
    correct,
    suggest: (word, limit = 3) => suggestBy(word, Infinity)!.slice(0, limit),
    suggestBy: (word, deadline, limit = 3) => suggestBy(word, deadline)?.slice(0, limit) ?? null,
  };
}

/** The speller for a language tag, loading its dictionary on first use; null when none is installed. */
export function spellerFor(tag: string): Speller | null {
  const key = dictionaryLanguage(tag);
  if (!key) return null;
  if (!spellers.has(key)) spellers.set(key, load(key));
  return spellers.get(key) ?? null;
}
