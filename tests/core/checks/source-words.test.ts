import { describe, expect, it } from 'vitest';
import { foldAccents, SourceWords, sourceWords } from '../../../main/core/checks/spelling/source-words.js';

/** What the spelling check asked before the index: a scan of the whole folded source per word. */
const scanned = (folded: string, w: string) => new RegExp(`(?<!\\p{L})${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u').test(folded);
const stemScanned = (folded: string, w: string) => (folded.match(/\p{L}+/gu) ?? []).some((s) => s.startsWith(w.slice(0, 5)) && Math.abs(s.length - w.length) <= 3);

describe('SourceWords (the spelling check\'s index of the source)', () => {
  const source = "Eroii de pe Valea Prahovei din Timișoara; O'Neill, Jean-Pierre şi well-known-ish Ştefan l'homme. Ελλάδα 2020x abc-";
  const index = new SourceWords(source);
  const folded = foldAccents(source);

  it('answers as the scan of the whole source did, for single words, hyphens, apostrophes and boundaries', () => {
    const words = ['timisoara', 'prahovei', 'prahov', 'valea', 'vale', "o'neill", 'neill', 'jean-pierre', 'jean-pier', 'pierre', 'well-known', 'known-ish', 'well-known-ish', 'stefan', "l'homme", 'ελλαδα', 'x', 'abc-', 'abc', 'de pe', 'pe valea', 'nowhere', "o'", 'ish'];
    for (const w of words) expect(index.has(w), w).toBe(scanned(folded, w));
    // The cases that matter, spelled out: accents folded, no match inside a longer word.
    expect(index.has('timisoara')).toBe(true);
    expect(index.has('jean-pier')).toBe(false);
    expect(index.has('prahov')).toBe(false);
  });

  it('finds a source word sharing the first five letters within three letters of length, as the scan did', () => {
    for (const w of ['prahova', 'prahovaxyz', 'prahovaxyzw', 'prahovaxyzwq', 'timis', 'timisoarans', 'stefanescu', 'valeas', 'eroii']) expect(index.hasStemOf(w), w).toBe(stemScanned(folded, w));
    expect(index.hasStemOf('prahova')).toBe(true);
    expect(index.hasStemOf('prahovaxyzwq')).toBe(false);
  });

  it('is built once for the same source text and again for another', () => {
    expect(sourceWords(source)).toBe(sourceWords(`${source}`));
    expect(sourceWords('Outra fonte.')).not.toBe(index);
    expect(sourceWords('Outra fonte.').has('fonte')).toBe(true);
  });
});
