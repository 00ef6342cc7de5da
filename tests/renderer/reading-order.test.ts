import { describe, expect, it } from 'vitest';
import type { DocumentAlignment, Finding } from '../../main/contract/review';
import { readingOrder } from '../../renderer/review/reading-order';

const finding = (side: Finding['side'], start: number, end: number): Finding => ({
  rule: 'x',
  category: 'Accuracy/Omission',
  severity: 'minor',
  side,
  start,
  end,
  text: '',
  message: { key: 'k' },
  fixes: [],
});

// Source: two sentences [0,10) [11,20); target: [0,12) [13,30), linked 1–1 each.
const alignment: DocumentAlignment = {
  source: [
    { start: 0, end: 10, paragraph: 0 },
    { start: 11, end: 20, paragraph: 0 },
  ],
  target: [
    { start: 0, end: 12, paragraph: 0 },
    { start: 13, end: 30, paragraph: 0 },
  ],
  links: [
    { source: [0], target: [0] },
    { source: [1], target: [1] },
  ],
};

describe('F8 reading order', () => {
  it('puts a source-side finding at the start of its sentence partner, after the translation findings there', () => {
    const findings = [finding('target', 20, 25), finding('source', 15, 18), finding('target', 13, 14), finding('target', 2, 4), finding('source', 3, 5)];
    expect(readingOrder(findings, alignment).map((o) => o.index)).toEqual([4, 3, 2, 1, 0]);
    expect(readingOrder(findings, alignment).map((o) => o.at)).toEqual([0, 2, 13, 13, 20]);
  });

  it('without an alignment, source-side findings come last', () => {
    const findings = [finding('source', 0, 2), finding('target', 5, 6)];
    expect(readingOrder(findings, null).map((o) => o.index)).toEqual([1, 0]);
  });
});
