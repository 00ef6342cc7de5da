/**
 * Hunspell dictionaries through nspell, loaded lazily once per language. Measured here (Node 20):
 * English (American + British) ~0.3 s and ~40 MB, Spanish and German ~0.9 s and ~55 MB, French ~4 s and ~430 MB. Portuguese
 * (dictionary-pt 4.0.0) took over two minutes in nspell, so it is not installed: Portuguese targets get
 * no spelling check. A language without a dictionary gets no speller, never another language's.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nspell from 'nspell';

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
};
const BRITISH_REGIONS = new Set(['gb', 'uk', 'au', 'nz', 'ie', 'in', 'za']);

export interface Speller {
  lang: string;
  correct(word: string): boolean;
  /** At most `limit` suggestions, cached per word. */
  suggest(word: string, limit?: number): string[];
}

const spellers = new Map<string, Speller | null>();
const resolveFromHere = createRequire(import.meta.url);

/** The dictionary key for a language tag ("en-AU" → "en-gb", "pt-BR" → null). */
export function dictionaryLanguage(tag: string): string | null {
  const [lang = '', ...rest] = tag.toLowerCase().split(/[-_]/);
  if (lang === 'en') {
    const region = rest.find((r) => r.length === 2);
    return region === 'us' ? 'en-us' : region && BRITISH_REGIONS.has(region) ? 'en-gb' : 'en';
  }
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
  const spells = (DICTIONARY_PACKAGES[key] ?? []).map(loadOne).filter((s) => s !== null);
  if (spells.length === 0) return null;
  const suggestions = new Map<string, string[]>();
  return {
    lang: key.split('-')[0]!,
    correct: (word) => spells.some((s) => s.correct(word)),
    suggest(word, limit = 3) {
      let s = suggestions.get(word);
      if (!s) {
        s = [...new Set(spells.flatMap((sp) => sp.suggest(word)))];
        if (suggestions.size > 5000) suggestions.clear();
        suggestions.set(word, s);
      }
      return s.slice(0, limit);
    },
  };
}

/** The speller for a language tag, loading its dictionary on first use; null when none is installed. */
export function spellerFor(tag: string): Speller | null {
  const key = dictionaryLanguage(tag);
  if (!key) return null;
  if (!spellers.has(key)) spellers.set(key, load(key));
  return spellers.get(key) ?? null;
}
