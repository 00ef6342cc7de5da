import { describe, expect, it } from 'vitest';
import type { DocumentAlignment } from '../../main/contract/review.js';
import { indexLinks, partnersOf, sentenceAt, shiftSentences } from '../../main/common/alignment-lookup.js';

// Source: three sentences; target: a dateline glued to the first sentence (2–1), a 1–1, and an added sentence (0–1).
const alignment: DocumentAlignment = {
  source: [
    { start: 0, end: 10, paragraph: 0 },
    { start: 11, end: 30, paragraph: 1 },
    { start: 31, end: 50, paragraph: 1 },
  ],
  target: [
    { start: 0, end: 28, paragraph: 0 },
    { start: 29, end: 48, paragraph: 0 },
    { start: 49, end: 60, paragraph: 0 },
  ],
  links: [
    { source: [0, 1], target: [0] },
    { source: [2], target: [1] },
    { source: [], target: [2] },
  ],
};

describe('alignment lookups', () => {
  it('finds the sentence an offset is in, including the gap after a sentence', () => {
    expect(sentenceAt(alignment.target, 0)).toBe(0);
    expect(sentenceAt(alignment.target, 28)).toBe(0);
    expect(sentenceAt(alignment.target, 29)).toBe(1);
    expect(sentenceAt(alignment.target, 59)).toBe(2);
    expect(sentenceAt([], 5)).toBe(-1);
  });

  it('gives the partners of a merged link in both directions', () => {
    const links = indexLinks(alignment);
    expect(partnersOf(alignment, links, 'target', 0)).toEqual({ link: 0, sentences: [0, 1], exact: true });
    expect(partnersOf(alignment, links, 'source', 1)).toEqual({ link: 0, sentences: [0], exact: true });
    expect(partnersOf(alignment, links, 'source', 2)).toEqual({ link: 1, sentences: [1], exact: true });
  });

  it('points an unpartnered sentence at the nearest linked one, marked inexact', () => {
    const links = indexLinks(alignment);
    expect(partnersOf(alignment, links, 'target', 2)).toEqual({ link: 2, sentences: [2], exact: false });
  });

  it('moves sentences through an edit: after it shifted, around it stretched, before it untouched', () => {
    const shifted = shiftSentences(alignment.target, 5, 0, 4);
    expect(shifted[0]).toEqual({ start: 0, end: 32, paragraph: 0 });
    expect(shifted[1]).toEqual({ start: 33, end: 52, paragraph: 0 });
    const deleted = shiftSentences(alignment.target, 40, 5, 0);
    expect(deleted[0]).toEqual(alignment.target[0]);
    expect(deleted[1]).toEqual({ start: 29, end: 43, paragraph: 0 });
    expect(deleted[2]).toEqual({ start: 44, end: 55, paragraph: 0 });
  });
});
