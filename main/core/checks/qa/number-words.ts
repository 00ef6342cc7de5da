/**
 * English numbers written in words, with their magnitudes: "fourteen billion" = 14e9, "two and a half
 * million" = 2.5e6, "three hundred thousand", "twenty-five", "1.3 trillion", "a million". A translation may
 * write the source's "140亿" or "2 500 000" this way. Vague quantities ("hundreds of", "thousands",
 * "several thousand", "tens of thousands") stand for no number and are not read.
 */

const SMALL: Record<string, number> = {
  zero: 0, a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const MAGNITUDES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };


function smallValue(word: string): number | null {
  const w = word.toLowerCase();
  if (w in SMALL) return SMALL[w]!;
  const m = /^(\w+)-(\w+)$/.exec(w);
  if (m && SMALL[m[1]!]! >= 20 && SMALL[m[1]!]! % 10 === 0 && SMALL[m[2]!] !== undefined && SMALL[m[2]!]! < 10 && SMALL[m[2]!]! > 0) return SMALL[m[1]!]! + SMALL[m[2]!]!;
  return null;
}

/** The value of a run of words, or null when it is not one number ("a" alone, "one and two"). */
function runValue(words: string[]): number | null {
  let total = 0;
  let section = 0;
  let any = false;
  let hasNumberWord = false;
  let last = '';
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.toLowerCase();
    const prev = last;
    last = w;
    if (/^\d/.test(w)) {
      if (any) return null;
      section += Number(w.replace(',', '.'));
      any = true;
      continue;
    }
    if (w === 'and') {
      // "two and a half million": the half belongs to the number before it.
      if (any && words[i + 1]?.toLowerCase() === 'a' && words[i + 2]?.toLowerCase() === 'half') {
        section += 0.5;
        i += 2;
        last = 'half';
        continue;
      }
      // "three hundred and five", not "one and two".
      if (prev === 'hundred' || prev in MAGNITUDES) continue;
      return null;
    }
    if (w === 'hundred') {
      section = (section || 1) * 100;
      any = hasNumberWord = true;
      continue;
    }
    if (w in MAGNITUDES) {
      total += (section || 1) * MAGNITUDES[w]!;
      section = 0;
      any = hasNumberWord = true;
      continue;
    }
    const v = smallValue(w);
    if (v === null) return null;
    // "twenty five" continues a number; "two three" does not.
    const tens = SMALL[prev] !== undefined && SMALL[prev]! >= 20 && SMALL[prev]! % 10 === 0 && section % 100 !== 0;
    if (section % 100 !== 0 && !(tens && v < 10)) return null;
    if (prev === 'half' || (any && /^\d/.test(prev))) return null;
    section += v;
    any = true;
    if (w !== 'a' && w !== 'an') hasNumberWord = true;
  }
  return any && hasNumberWord ? total + section : null;
}

/** Values of the numbers a text writes in words (with or without digits before a magnitude). */
export function englishNumberValues(text: string): number[] {
  const out: number[] = [];
  const tokens = text.split(/[^\p{L}\d.,-]+/u).map((t) => t.replace(/[.,]+$/, ''));
  let run: string[] = [];
  const flush = () => {
    // Longest number first: every split of the run is tried from its start ("a million people" → 1e6).
    for (let i = 0; i < run.length; i++) {
      for (let j = run.length; j > i; j--) {
        const v = runValue(run.slice(i, j));
        if (v !== null) {
          out.push(v);
          i = j - 1;
          break;
        }
      }
    }
    run = [];
  };
  for (const t of tokens) {
    const w = t.toLowerCase();
    if (/^\d+(?:[.,]\d+)?$/.test(w) || w === 'and' || w === 'half' || w === 'hundred' || w in MAGNITUDES || smallValue(w) !== null) run.push(t);
    else flush();
  }
  flush();
  return out;
}
