/** The rule packs Calque ships, compiled once. A new pack: add its JSON here (and document it in README.md). */
import type { CheckDefinition } from '../types.js';
import type { PackFile } from './format.js';
import { compilePack, type WordLists } from './interpreter.js';
import en from './en.json';
import ptEn from './pt-en.json';
import esEn from './es-en.json';
import zhEn from './zh-en.json';
import frEn from './fr-en.json';
import deEn from './de-en.json';
import itEn from './it-en.json';
import noArticlesEn from './no-articles-en.json';
import countries from './lists/en-countries-no-article.json';
import cities from './lists/en-cities-no-article.json';
import withArticle from './lists/en-places-with-article.json';
import afterPlace from './lists/en-after-place-name.json';
import loanwords from './lists/en-loanwords.json';
import ptCommon from './lists/pt-common.json';
import esCommon from './lists/es-common.json';

/** Shared word lists by name (the file name without .json). */
export const WORD_LISTS: WordLists = {
  'en-countries-no-article': countries.words,
  'en-cities-no-article': cities.words,
  'en-places-with-article': withArticle.words,
  'en-after-place-name': afterPlace.words,
  'en-loanwords': loanwords.words,
  'pt-common': ptCommon.words,
  'es-common': esCommon.words,
};

export const PACKS: readonly PackFile[] = [
  en as unknown as PackFile,
  ptEn as unknown as PackFile,
  esEn as unknown as PackFile,
  zhEn as unknown as PackFile,
  frEn as unknown as PackFile,
  deEn as unknown as PackFile,
  itEn as unknown as PackFile,
  noArticlesEn as unknown as PackFile,
];

const compiled = new Map<PackFile, CheckDefinition[]>();
const primary = (tag: string) => tag.toLowerCase().split('-')[0]!;

function compiledPack(pack: PackFile): CheckDefinition[] {
  let defs = compiled.get(pack);
  if (!defs) {
    defs = compilePack(pack, WORD_LISTS);
    compiled.set(pack, defs);
  }
  return defs;
}

/**
 * The packs' checks, compiled on first use and kept. With a language pair, only the packs for that
 * pair are compiled (compiling every pack cost each `calque check` about half a second up front).
 */
export function packChecks(sourceLang?: string, targetLang?: string): CheckDefinition[] {
  const applies = (langs: readonly string[] | undefined, lang: string | undefined) => !langs || lang === undefined || langs.some((l) => primary(l) === primary(lang));
  return PACKS.filter((p) => applies(p.sourceLangs, sourceLang) && applies(p.targetLangs, targetLang)).flatMap(compiledPack);
}
