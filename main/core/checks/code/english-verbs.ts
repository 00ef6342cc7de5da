/**
 * English verbs, from the Hunspell dictionary's affix flags rather than a word list: an entry of
 * dictionary-en that takes both the "-ed" (D) and the "-ing" (G) suffix is a verb ("approve/EGDS"). Its
 * forms are found by taking the regular endings off; the irregular past forms are a closed class, listed.
 * Loaded once, on first use (the file is read by the speller anyway).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let bases: Set<string> | null | undefined;

function verbBases(): Set<string> | null {
  if (bases !== undefined) return bases;
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('dictionary-en'));
    bases = new Set();
    const all = new Set<string>();
    for (const line of readFileSync(join(dir, 'index.dic'), 'utf8').split('\n')) {
      const slash = line.indexOf('/');
      const word = slash < 0 ? line.trim() : line.slice(0, slash);
      all.add(word);
      const flags = slash < 0 ? '' : line.slice(slash + 1);
      if (flags.includes('D') && flags.includes('G') && /^[a-z]+$/.test(word)) bases.add(word);
    }
    // Verbs that double their last consonant have those forms as entries of their own ("stop/US",
    // "stopped/U", "stopping/U"): such a form and its stem are verbs.
    for (const w of all) {
      const m = /^([a-z]+?)([bdgklmnprtz])\2(?:ed|ing)$/.exec(w);
      if (m && all.has(m[1]! + m[2]!)) bases.add(w).add(m[1]! + m[2]!);
    }
  } catch {
    bases = null;
  }
  return bases;
}

/** Irregular verbs, a closed class: their bases (which the dictionary lists without the "-ed" flag) and past forms. */
const IRREGULAR_BASES = 'take give make win lose sell buy set pay build spend get hit draw bring hold keep leave meet put run see send shoot strike throw lead cut beat choose begin break catch fight find lay lend read ride sing seek teach wear spread shut split hurt let bear bind deal dig feed forgive forget freeze hang light mean overtake rebuild sink steal sweep undertake uphold withdraw withhold wind'.split(' ');
const IRREGULAR = new Set([
  ...IRREGULAR_BASES,
  ...IRREGULAR_BASES.map((b) => (/(?:s|sh|ch|x)$/.test(b) ? `${b}es` : `${b}s`)),
  ...'took taken gave given made won lost sold bought paid built spent got drew drawn brought held kept left met ran saw seen sent shot struck threw thrown led beat chose chosen began begun broke broken caught fought found laid lent rode sang sought taught wore bore borne bound dealt dug fed forgave forgot froze hung lit meant overtook rebuilt sank stole swept undertook upheld withdrew withheld wound'.split(' '),
]);

/** Is this lower-case word a form of an English verb (base, -s, -ed, -ing, or an irregular past)? */
export function isVerbForm(w: string): boolean {
  if (IRREGULAR.has(w)) return true;
  const b = verbBases();
  if (!b) return false;
  if (b.has(w)) return true;
  const stems: string[] = [];
  if (w.endsWith('ied') || w.endsWith('ies')) stems.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('ed')) stems.push(w.slice(0, -2), w.slice(0, -1), w.slice(0, -3));
  if (w.endsWith('es')) stems.push(w.slice(0, -2));
  if (w.endsWith('s')) stems.push(w.slice(0, -1));
  if (w.endsWith('ing')) stems.push(w.slice(0, -3), `${w.slice(0, -3)}e`, w.slice(0, -4));
  return stems.some((s) => s.length >= 2 && b.has(s));
}
