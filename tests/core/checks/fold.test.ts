import { describe, expect, it } from 'vitest';
import { fold } from '../../../main/core/checks/qa/util.js';

/** fold's ASCII fast path against the direct form (NFD, marks removed, lower case) on random text. */
describe('fold', () => {
  it('gives what the direct form gives, for ASCII and accented text alike', () => {
    let s = 5;
    const r = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const chars = ['a', 'Z', 'q', ' ', '-', "'", '1', 'É', 'ç', 'ș', 'Ő', 'ß', 'İ', '\u0301', 'ﬁ', 'Ω', '中'];
    for (let k = 0; k < 2000; k++) {
      const text = Array.from({ length: Math.floor(r() * 12) }, () => chars[Math.floor(r() * (k % 2 ? 7 : chars.length))]).join('');
      expect(fold(text), text).toBe(text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase());
    }
  });
});
