/**
 * The suggestion search skips work with a Bloom filter (near-words.ts); these tests hold it to
 * nspell's own suggest() word for word, on the kinds of word the spelling check meets, and check the
 * filter never says "no" for a dictionary word or for a string one edit from one.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nspell from 'nspell';
import { describe, expect, it } from 'vitest';
import { NearWords } from '../../../main/core/checks/spelling/near-words.js';
import { SuggestionSearch } from '../../../main/core/checks/spelling/suggest.js';

const require = createRequire(import.meta.url);
function dictionary(pkg: string) {
  const dir = dirname(require.resolve(pkg));
  return nspell({ aff: readFileSync(join(dir, 'index.aff')), dic: readFileSync(join(dir, 'index.dic')) });
}
const en = dictionary('dictionary-en');
type Dict = Exclude<ConstructorParameters<typeof NearWords>[0], readonly unknown[]>;

describe('suggestion search with the near-words filter', () => {
  // Misspellings with a word one edit away, invented words with none (the distance-2 search), names,
  // capitals, apostrophes (the input conversion), hyphens, accents and a digit (compound rules).
  const words = ['recieve', 'Teh', 'HELO', 'antologies', 'wich', 'accomodate', 'tge', 'vrakolen', 'quenstav', 'Drimova', 'Kelmirt', 'xq', "o’clok", "dont", 'e-mial', 'naïvley', 'Pétainx', 'ZZZtop', '2nf', 'bomberz'];
  for (const word of words) {
    it(`"${word}": the same suggestions as nspell`, () => {
      expect(new SuggestionSearch(en, word).run()).toEqual(en.suggest(word));
    });
  }

  it('with the British dictionary sharing the filter (as English searches both): the same suggestions as nspell, from each', () => {
    const gb = dictionary('dictionary-en-gb');
    for (const word of ['colur', 'recieve', 'vrakolen', 'organisaton', 'Drimova', 'favourate']) {
      expect(new SuggestionSearch(en, word, [en, gb]).run(), word).toEqual(en.suggest(word));
      expect(new SuggestionSearch(gb, word, [en, gb]).run(), word).toEqual(gb.suggest(word));
    }
    // A word only the British dictionary has is still a word to the shared filter.
    const shared = new NearWords([en as unknown as Dict, gb as unknown as Dict]);
    const britishOnly = Object.keys((gb as unknown as Dict).data).filter((k) => !(k in (en as unknown as Dict).data)).slice(0, 200);
    expect(britishOnly.length).toBeGreaterThan(100);
    for (const k of britishOnly) expect(shared.mayBeWord(k), k).toBe(true);
  }, 60_000);

  it('continues across deadlines to the same result', () => {
    const search = new SuggestionSearch(en, 'quenstavol');
    let result: string[] | null = null;
    for (let k = 0; k < 100_000 && result === null; k++) result = search.run(performance.now() + 0.05);
    expect(result).toEqual(en.suggest('quenstavol'));
  });
});

describe('NearWords', () => {
  const filter = new NearWords(en as unknown as Dict);
  const keys = Object.keys((en as unknown as Dict).data).filter((_, k) => k % 97 === 0);

  it('never rules out a dictionary word, in any case', () => {
    for (const k of keys) {
      expect(filter.mayBeWord(k)).toBe(true);
      expect(filter.mayBeWord(k.toUpperCase())).toBe(true);
    }
  });

  it('never rules out a string one edit away from a word', () => {
    for (const k of keys) {
      if (k.length < 2) continue;
      const mid = k.length >> 1;
      expect(filter.mayHaveNeighbour(k.slice(0, mid) + k.slice(mid + 1))).toBe(true); // a letter missing
      expect(filter.mayHaveNeighbour(k.slice(0, mid) + 'q' + k.slice(mid))).toBe(true); // one too many
      expect(filter.mayHaveNeighbour(k.slice(0, mid) + 'z' + k.slice(mid + 1))).toBe(true); // one wrong
      expect(filter.mayHaveNeighbour(k.slice(0, mid - 1) + k[mid] + k[mid - 1] + k.slice(mid + 1))).toBe(true); // swapped
    }
  });

  it('rules out most strings far from every word', () => {
    const letters = (k: number) => [...k.toString(20)].map((c) => String.fromCharCode(102 + parseInt(c, 20))).join('');
    const far = Array.from({ length: 200 }, (_, k) => `zqx${letters(k)}vvkq`);
    expect(far.filter((w) => filter.mayHaveNeighbour(w)).length).toBeLessThan(20);
    expect(far.filter((w) => filter.mayBeWord(w)).length).toBeLessThan(10);
  });

  it('answers "maybe" for what it cannot encode (digits, the converted apostrophe)', () => {
    expect(filter.mayBeWord('zzq1st')).toBe(true);
    expect(filter.mayHaveNeighbour('zq’zq')).toBe(true);
  });
});
