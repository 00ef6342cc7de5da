/**
 * Anchors are found by a hand-written scanner (anchors.ts) instead of a Unicode regular expression:
 * what makes two sentences share an anchor must not depend on that, for any script or punctuation.
 */
import { describe, expect, it } from 'vitest';
import { buildAnchors } from '../../main/common/align/anchors.js';

/** Whether source sentence 0 and target sentence 0 share an anchor (the tables keep only shared ones). */
function shares(source: string, target: string): boolean {
  const [s] = buildAnchors([source], [target]);
  return s.ids.length > 0;
}

describe('alignment anchors', () => {
  it('matches numbers across locale separators, and keeps a separator-joined number one token', () => {
    expect(shares('Custou 1.200 reais.', 'It cost 1,200 reais.')).toBe(true);
    expect(shares('Subiu 3,5 %.', 'It rose 3.5 %.')).toBe(true);
    // 1.200 is one number, not 1 and 200.
    expect(shares('Custou 1.200 reais.', 'Page 200.')).toBe(false);
  });

  it('matches cognates by their first five letters without accents or case, ASCII or not', () => {
    expect(shares('Die offizielle Zahl.', 'Le chiffre officiel.')).toBe(false);
    expect(shares('Der Himalaya.', 'Les himalayens.')).toBe(true);
    expect(shares('A polícia chegou.', 'La policía llegó.')).toBe(true);
    expect(shares('Cafés', 'CAFES')).toBe(true);
    expect(shares('Café', 'CAFES')).toBe(false);
  });

  it('treats acronyms of two or three capitals as names and short lower-case words as nothing', () => {
    expect(shares('A ONU disse.', 'The ONU said.')).toBe(true);
    expect(shares('O rio.', 'The rio.')).toBe(false);
    expect(shares('Ab.', 'ab.')).toBe(false);
  });

  it('joins letters around an apostrophe into one token and reads letters outside the BMP', () => {
    expect(shares("l'eau", "L'EAU")).toBe(true);
    expect(shares("l'eau", 'leau')).toBe(false);
    // A letter outside the BMP continues a word; an emoji ends it.
    expect(shares('ab𝐀cd', 'AB𝐀CD')).toBe(true);
    expect(shares('ab𝐀cd', 'abxcd')).toBe(false);
    expect(shares('abcd😀efgh', 'Efgh')).toBe(true);
  });

  it('counts the marks ? ! ( and quotes, in their Spanish and typographic forms', () => {
    expect(shares('¿Vens?', 'Kommst du?')).toBe(true);
    expect(shares('«Sim»', '“Yes”')).toBe(true);
    expect(shares('Sim.', 'Yes.')).toBe(false);
  });

  it('weights an anchor by its rarity and counts repetitions within a sentence', () => {
    const [s, t] = buildAnchors(['Recife Recife Manaus', 'Manaus'], ['Recife Manaus', 'Manaus']);
    // Recife (in 2 of 4 sentences) weighs more than Manaus (in all 4).
    expect(s.weight[0]).toBeGreaterThan(s.weight[1]!);
    expect(Array.from(s.counts.slice(s.start[0], s.start[1]))).toEqual([2, 1]);
    expect(Array.from(t.counts.slice(t.start[0], t.start[1]))).toEqual([1, 1]);
  });
});
