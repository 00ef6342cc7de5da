/**
 * "Does one of these words look like that one?" for the names check, asked for every capitalised word
 * of a segment against every word of the other side: the words are folded once and indexed by their
 * first two UTF-16 units, which any two similar words of four units or more share, instead of folded
 * again per pair.
 */
import { fold } from './util.js';

/**
 * Two folded words are equal, share a stem ("ministerio" ~ "ministry", "europeia" ~ "european"), or are
 * cognates one letter apart after a shared start ("oficial" ~ "official", "artes" ~ "arts").
 */
export function similarFolded(x: string, y: string): boolean {
  if (x === y) return true;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i >= 5 || (i >= 4 && i >= Math.min(x.length, y.length) - 1) || (i >= PREFIX && Math.min(x.length, y.length) >= 4 && oneEditApart(x, y, i));
}

/** One letter inserted, deleted or changed after a shared prefix of `from` letters. */
function oneEditApart(x: string, y: string, from: number): boolean {
  if (Math.abs(x.length - y.length) > 1) return false;
  const [a, b] = x.length <= y.length ? [x, y] : [y, x];
  // After the first difference, a resumes at the same letter (a change) or one earlier (b has one more).
  const skip = a.length < b.length ? 1 : 0;
  for (let j = from + 1; j < b.length; j++) if (a.charCodeAt(j - skip) !== b.charCodeAt(j)) return false;
  return true;
}

/** Unequal similar words share at least this many leading units and have four or more. */
const PREFIX = 2;

export class SimilarWords {
  /** The folded words of fewer than four units (similar only when equal). */
  private readonly short = new Set<string>();
  private readonly byPrefix = new Map<string, string[]>();
  /** Each word's folded form, in the order given. */
  readonly folded: string[];

  constructor(words: readonly string[]) {
    this.folded = words.map(fold);
    for (const f of this.folded) {
      if (f.length < 4) {
        this.short.add(f);
        continue;
      }
      const key = f.slice(0, PREFIX);
      const list = this.byPrefix.get(key);
      if (list) list.push(f);
      else this.byPrefix.set(key, [f]);
    }
  }

  /** Is some word similar (similarFolded) to the folded word `f`? */
  hasSimilar(f: string): boolean {
    if (f.length < 4) return this.short.has(f);
    const list = this.byPrefix.get(f.slice(0, PREFIX));
    return !!list && list.some((x) => similarFolded(x, f));
  }
}
