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

let compiled: CheckDefinition[] | null = null;

export function packChecks(): CheckDefinition[] {
  compiled ??= PACKS.flatMap((p) => compilePack(p, WORD_LISTS));
  return compiled;
}
