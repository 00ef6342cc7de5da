export { spellingCheck } from './check.js';
export { spellerFor, dictionaryLanguage, type Speller } from './speller.js';
