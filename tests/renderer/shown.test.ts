/** The on-screen searches of shown.ts give what a pass over the whole list gives. */
import { describe, expect, it } from 'vitest';
import { changesShown, firstEndingBelow } from '../../renderer/review/shown';
import type { WordChange } from '../../main/common/word-diff';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

describe('changesShown', () => {
  it('is the changes touching the range on that side, as a filter of all of them finds', () => {
    const r = rng(7);
    const changes: WordChange[] = [];
    let a = 0;
    let b = 0;
    for (let i = 0; i < 500; i++) {
      a += Math.floor(r() * 30);
      b += Math.floor(r() * 30);
      const la = Math.floor(r() * 8);
      const lb = Math.floor(r() * 8);
      changes.push({ kind: 'replaced', baseline: [a, a + la], current: [b, b + lb], baselineWords: 1, currentWords: 1 });
      a += la;
      b += lb;
    }
    for (let k = 0; k < 200; k++) {
      const from = Math.floor(r() * b);
      const to = from + Math.floor(r() * 400);
      for (const side of ['baseline', 'current'] as const) {
        const range: [number, number] = [from, to];
        expect(changesShown(changes, side, range)).toEqual(changes.filter((c) => c[side][1] >= from && c[side][0] <= to));
      }
    }
  });
});

describe('firstEndingBelow', () => {
  /** Boxes of 20 px stacked in a pane scrolled by `scrollTop`; `hidden` ones have no box. */
  const pane = (scrollTop: number) => ({ scrollTop, getBoundingClientRect: () => ({ top: 50, bottom: 850 }), getClientRects: () => [1] });
  const boxes = (n: number, hidden: (i: number) => boolean, scrollTop: number) => {
    let y = 0;
    return Array.from({ length: n }, (_, i) => {
      const shown = !hidden(i);
      const top = y;
      if (shown) y += 20;
      return { i, getBoundingClientRect: () => (shown ? { top: 50 - scrollTop + top, bottom: 50 - scrollTop + top + 20 } : { top: 0, bottom: 0 }), getClientRects: () => (shown ? [1] : []), shown };
    });
  };
  it('finds the first shown element whose bottom is below the top, skipping hidden ones', () => {
    const r = rng(3);
    for (let k = 0; k < 300; k++) {
      const scrollTop = Math.floor(r() * 8000);
      const share = r();
      const els = boxes(600, () => r() < share, scrollTop);
      const top = scrollTop + 24;
      const want = els.find((e) => e.shown && e.getBoundingClientRect().bottom - 50 + scrollTop > top);
      expect(firstEndingBelow(pane(scrollTop), els, top)?.i).toBe(want?.i);
    }
  });
});
