/**
 * What part of a long list is on screen, by binary search over sorted places: the Changes view paints
 * the word changes near what it shows, and the source pane finds the sentence at its top, without a
 * pass over a book's thousands of changes or sentences.
 */
import type { WordChange } from '../../main/common/word-diff';

/** The changes (sorted by place on both sides) that touch [from, to] of one side, by binary search. */
export function changesShown(changes: readonly WordChange[], side: 'baseline' | 'current', [from, to]: [number, number]): WordChange[] {
  let lo = 0;
  let hi = changes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (changes[mid]![side][1] < from) lo = mid + 1;
    else hi = mid;
  }
  const out: WordChange[] = [];
  for (let i = lo; i < changes.length && changes[i]![side][0] <= to; i++) out.push(changes[i]!);
  return out;
}

/**
 * The first element (in document order) whose bottom is below `top` (a scrollTop of `pane`), by binary
 * search: reading the place of every sentence of a book on each scroll event cost the typing phase 1.8 s
 * of the page's CPU. Places are measured against the pane itself (a numbered paragraph is positioned, so
 * a sentence's offsetTop is within its paragraph). Elements hidden by the segment filter have no box; a
 * probe skips to the next shown one, so the search sees only shown elements, which are in ascending order.
 */
export function firstEndingBelow<T extends Measured>(pane: Measured & { scrollTop: number }, els: ArrayLike<T>, top: number): T | undefined {
  const origin = pane.getBoundingClientRect().top - pane.scrollTop;
  const shownFrom = (i: number) => {
    while (i < els.length && els[i]!.getClientRects().length === 0) i++;
    return i;
  };
  let lo = 0;
  let hi = els.length;
  let found: T | undefined;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const at = shownFrom(mid);
    const el = els[at];
    if (el && el.getBoundingClientRect().bottom - origin > top) {
      found = el;
      hi = mid;
    } else lo = at + 1;
  }
  return found;
}

/** What firstEndingBelow reads of an element (an HTMLElement has it). */
export interface Measured {
  getBoundingClientRect(): { top: number; bottom: number };
  getClientRects(): ArrayLike<unknown>;
}
