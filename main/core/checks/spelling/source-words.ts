/**
 * The article's source as evidence for the spelling check: its letter runs with accents folded and in
 * lower case, indexed once per source text. Asking whether the source has a word, or a word sharing its
 * first five letters, is then a lookup: a scan of the whole source per unknown word made the check of a
 * book quadratic (a 200,000-word article spent most of a minute in those scans).
 */

const LETTERS = /\p{L}+/gu;
const ONLY_LETTERS = /^\p{L}+$/u;
const LEADING_LETTERS = /^\p{L}+/u;
const LETTER = /\p{L}/u;
const STEM = 5;

/** Accents off, lower case: "Timişoara" and "Timișoara" fold to the same word. */
export const foldAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export class SourceWords {
  /** The folded source. */
  private readonly text: string;
  /** Every letter run of the folded text (maximal: no letter before or after it). */
  private readonly runs = new Set<string>();
  /** The lengths of the runs, by their first five UTF-16 units. */
  private readonly lengthsByStem = new Map<string, Set<number>>();
  /** Where each run starts, built on the first word that is more than one run ("o'neill", "well-known"). */
  private starts: Map<string, number[]> | null = null;

  constructor(source: string) {
    this.text = foldAccents(source);
    for (const [run] of this.text.matchAll(LETTERS)) {
      this.runs.add(run);
      if (run.length < STEM) continue;
      const stem = run.slice(0, STEM);
      const lengths = this.lengthsByStem.get(stem);
      if (lengths) lengths.add(run.length);
      else this.lengthsByStem.set(stem, new Set([run.length]));
    }
  }

  /**
   * Does the folded source have `w` (already folded) with no letter right before or after it? The same
   * answer as testing /(?<!\p{L})w(?!\p{L})/u on the whole folded source.
   */
  has(w: string): boolean {
    if (ONLY_LETTERS.test(w)) return this.runs.has(w);
    const first = LEADING_LETTERS.exec(w)?.[0];
    // A word that starts with no letter (a mark lower-casing left): the scan itself, which is rare.
    if (!first) return new RegExp(`(?<!\\p{L})${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u').test(this.text);
    if (!this.runs.has(first)) return false;
    // An occurrence starts a run that is exactly `first` (a letter before it would make the run longer).
    for (const at of this.startsOf(first)) {
      if (!this.text.startsWith(w, at)) continue;
      const next = this.text.codePointAt(at + w.length);
      if (next === undefined || !LETTER.test(String.fromCodePoint(next))) return true;
    }
    return false;
  }

  /** Is there a run that starts with the first five units of `w` and whose length is within 3 of it? */
  hasStemOf(w: string): boolean {
    if (w.length < STEM) return false;
    const lengths = this.lengthsByStem.get(w.slice(0, STEM));
    if (!lengths) return false;
    for (let d = -3; d <= 3; d++) if (lengths.has(w.length + d)) return true;
    return false;
  }

  private startsOf(run: string): number[] {
    if (!this.starts) {
      this.starts = new Map();
      for (const m of this.text.matchAll(LETTERS)) {
        const list = this.starts.get(m[0]);
        if (list) list.push(m.index);
        else this.starts.set(m[0], [m.index]);
      }
    }
    return this.starts.get(run) ?? [];
  }
}

let last: { source: string; words: SourceWords } | null = null;

/** The index of `source`, kept for the last source (the editor's updates pass the same text again). */
export function sourceWords(source: string): SourceWords {
  if (last?.source !== source) last = { source, words: new SourceWords(source) };
  return last.words;
}
