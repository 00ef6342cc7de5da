import { describe, expect, it } from 'vitest';
import { cutPieces } from '../../main/common/text-pieces.js';

describe('cutPieces', () => {
  it('cuts a paragraph at sentence boundaries and keeps the gaps between sentences', () => {
    // "Uma frase. Outra frase." as offsets 100..123
    const pieces = cutPieces(100, 123, [{ start: 100, end: 110 }, { start: 111, end: 123 }], []);
    expect(pieces.map((p) => [p.start, p.end, p.sentence])).toEqual([
      [100, 110, 0],
      [110, 111, -1],
      [111, 123, 1],
    ]);
  });

  it('splits at marks that straddle sentences and reports which marks cover each piece', () => {
    const pieces = cutPieces(0, 20, [{ start: 0, end: 9 }, { start: 10, end: 20 }], [{ start: 5, end: 14 }, { start: 12, end: 14 }]);
    expect(pieces.map((p) => [p.start, p.end, p.sentence, p.marks])).toEqual([
      [0, 5, 0, []],
      [5, 9, 0, [0]],
      [9, 10, -1, [0]],
      [10, 12, 1, [0]],
      [12, 14, 1, [0, 1]],
      [14, 20, 1, []],
    ]);
  });

  it('ignores sentences and marks outside the stretch and empty marks', () => {
    const pieces = cutPieces(50, 60, [{ start: 0, end: 40 }, { start: 50, end: 60 }], [{ start: 55, end: 55 }, { start: 70, end: 80 }]);
    expect(pieces).toEqual([{ start: 50, end: 60, sentence: 1, marks: [] }]);
  });
});
