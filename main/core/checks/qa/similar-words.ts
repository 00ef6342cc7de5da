/**
 * "Does one of these words look like that one?" for the names check, asked for every capitalised word
 * of a segment against every word of the other side: the words are folded once and indexed by their
 * first four UTF-16 units, which any two similar words share, instead of folded again per pair.
 */
import { fold } from './util.js';

/** Two folded words are equal or share a stem ("ministerio" ~ "ministry", "europeia" ~ "european"). */
export function similarFolded(x: string, y: string): boolean {
  if (x === y) return true;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i >= 5 || (i >= 4 && i >= Math.min(x.length, y.length) - 1);
}

/** Similar words share at least this many leading units, or are equal (similarFolded). */
const STEM = 4;

export class SimilarWords {
  /** The folded words of fewer than STEM units (similar only when equal). */
  private readonly short = new Set<string>();
  private readonly byStem = new Map<string, string[]>();
  /** Each word's folded form, in the order given. */
  readonly folded: string[];

  constructor(words: readonly string[]) {
    this.folded = words.map(fold);
    for (const f of this.folded) {
      if (f.length < STEM) {
        this.short.add(f);
        continue;
      }
      const stem = f.slice(0, STEM);
      const list = this.byStem.get(stem);
      if (list) list.push(f);
      else this.byStem.set(stem, [f]);
    }
  }

  /** Is some word similar (similarFolded) to the folded word `f`? */
  hasSimilar(f: string): boolean {
    if (f.length < STEM) return this.short.has(f);
    const list = this.byStem.get(f.slice(0, STEM));
    return !!list && list.some((x) => similarFolded(x, f));
  }
}
