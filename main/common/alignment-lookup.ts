import type { DocumentAlignment, Sentence } from '../contract/review.js';

/**
 * Lookups over a sentence alignment for the review view: which sentence an offset is in, and which
 * sentences of the other side are its partners. Binary searches: the view asks on every cursor move.
 */

/** Index of the sentence containing `offset` (or the last one starting before it); -1 when there is none. */
export function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

export interface LinkIndex {
  /** Link index of each source sentence. */
  ofSource: Int32Array;
  /** Link index of each target sentence. */
  ofTarget: Int32Array;
}

export function indexLinks(alignment: DocumentAlignment): LinkIndex {
  const ofSource = new Int32Array(alignment.source.length).fill(-1);
  const ofTarget = new Int32Array(alignment.target.length).fill(-1);
  alignment.links.forEach((link, i) => {
    for (const s of link.source) ofSource[s] = i;
    for (const t of link.target) ofTarget[t] = i;
  });
  return { ofSource, ofTarget };
}

/**
 * The partners of sentence `index` on `side`: the other side's sentences in the same link. A sentence
 * with no partner (1–0 or 0–1) gets the nearest linked sentences before it, so the view still scrolls
 * to the right place; `exact` says whether they are true partners.
 */
export function partnersOf(
  alignment: DocumentAlignment,
  links: LinkIndex,
  side: 'source' | 'target',
  index: number,
): { link: number; sentences: number[]; exact: boolean } | null {
  const of = side === 'source' ? links.ofSource : links.ofTarget;
  const link = of[index];
  if (link === undefined || link < 0) return null;
  const other = (l: number) => (side === 'source' ? alignment.links[l]!.target : alignment.links[l]!.source);
  if (other(link).length) return { link, sentences: other(link), exact: true };
  for (let l = link - 1; l >= 0; l--) if (other(l).length) return { link, sentences: other(l), exact: false };
  for (let l = link + 1; l < alignment.links.length; l++) if (other(l).length) return { link, sentences: other(l), exact: false };
  return { link, sentences: [], exact: false };
}

/**
 * Moves sentence offsets through an edit of the text they index, so highlights stay right between a
 * keystroke and the next alignment from the checks (which arrives a few hundred milliseconds later).
 */
export function shiftSentences(sentences: readonly Sentence[], at: number, removed: number, inserted: number): Sentence[] {
  const delta = inserted - removed;
  if (!delta) return sentences as Sentence[];
  const end = at + removed;
  return sentences.map((s) => {
    if (s.end <= at) return s;
    if (s.start >= end) return { ...s, start: s.start + delta, end: s.end + delta };
    return { ...s, start: Math.min(s.start, at), end: Math.max(at + inserted, s.end + delta) };
  });
}
