/** A long line is segmented by ICU window by window (split.ts): the pieces must be those of one whole pass. */
import { describe, expect, it } from 'vitest';
import { icuPieces } from '../../main/common/sentences/split.js';

const SENTENCES = [
  'The council met on Tuesday.',
  '“Are we ready?” she asked.',
  'Dr. Silva said the U.S. plan was late... Then it rained.',
  'Prices rose 3.5% in Jan. and fell in Feb.',
  'It ended (as expected).',
  '« Bonjour. » Elle est partie.',
];

function line(n: number): string {
  return Array.from({ length: n }, (_, k) => SENTENCES[k % SENTENCES.length]!.replace('council', `council ${k}`)).join(' ');
}

describe('icuPieces', () => {
  for (const lang of ['en', 'fr', 'de']) {
    it(`${lang}: windows give the pieces of one pass over the line`, () => {
      const text = line(600);
      const whole = icuPieces(text, lang, Infinity);
      expect(whole.length).toBeGreaterThan(500);
      expect(icuPieces(text, lang, 1000)).toEqual(whole);
      expect(icuPieces(text, lang)).toEqual(whole);
    });
  }

  it('a line without a break for longer than a window is still one piece', () => {
    const text = 'word '.repeat(3000) + 'end. Next one.';
    expect(icuPieces(text, 'en', 1000)).toEqual(icuPieces(text, 'en', Infinity));
  });
});
