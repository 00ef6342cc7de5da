/**
 * English words beyond Hunspell's: the `word-list` package (MIT, ~274,000 lower-case words, the
 * Letterpress list: "programmability", "tetrahedra", "oligotrophic", "drumhead"), and the words English
 * builds regularly from known ones: closed compounds of two known words ("waterslides", "baseload"),
 * "un-"/"in-"/"non-" before a participle or adjective ("undeflected", "unremunerated") and "-ability",
 * "-ly", "-ness" derivations of known words ("reconfigurability", "astrophysically"). Loaded once, on the
 * first word Hunspell does not know (about 30 ms and 20 MB).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let words: Set<string> | null | undefined;

function list(): Set<string> | null {
  if (words !== undefined) return words;
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('word-list'));
    words = new Set(readFileSync(join(dir, 'words.txt'), 'utf8').split('\n'));
  } catch {
    words = null; // not installed: Hunspell alone
  }
  return words;
}

/** Run-together phrases that are misspellings although both halves are words. */
const NOT_COMPOUNDS = new Set(['eachother', 'everytime', 'atleast', 'inspite', 'infact', 'incase', 'ontop', 'aswell', 'alot', 'noone', 'thankyou', 'highschool', 'alltogether', 'abit', 'nevertheles', 'aslong', 'inorder', 'upto', 'moreso']);

/** Is the lower-case `word` in the large list? */
export function inEnglishList(word: string): boolean {
  return list()?.has(word) ?? false;
}

/**
 * A regular formation from known words: compounds of two words of four letters or more that the core
 * dictionary knows (`isCoreWord`: the large list has fragments such as "enviro", which would pass
 * "enviromental"), negative prefixes and suffix derivations of words `isWord` knows.
 */
export function regularFormation(word: string, isWord: (w: string) => boolean, isCoreWord: (w: string) => boolean = isWord): boolean {
  const w = word.toLowerCase();
  if (w.length < 7 || NOT_COMPOUNDS.has(w) || !/^[a-z]+$/.test(w)) return false;
  for (let i = 4; i <= w.length - 4; i++) if (isCoreWord(w.slice(0, i)) && isCoreWord(w.slice(i))) return true;
  const neg = /^(?:un|in|non|dis)(.{5,})$/.exec(w);
  if (neg && /(?:ed|ing|able|ible|ive|al|ful)$/.test(neg[1]!) && isWord(neg[1]!)) return true;
  const derivations: [RegExp, string[]][] = [
    [/^(.{4,})ability$/, ['able']],
    [/^(.{4,})ibility$/, ['ible']],
    [/^(.{4,})ically$/, ['ical', 'ic']],
    [/^(.{4,})ness$/, ['']],
    [/^(.{4,})ly$/, ['']],
    [/^(.{4,})isation$/, ['ise', 'ize']],
    [/^(.{4,})ization$/, ['ize', 'ise']],
    // "millimetric", "centimetric": the adjective of a unit in -metre/-meter.
    [/^(.{4,})metric$/, ['metre', 'meter']],
  ];
  for (const [re, ends] of derivations) {
    const m = re.exec(w);
    if (m && ends.some((e) => isWord(m[1]! + e))) return true;
  }
  return false;
}
