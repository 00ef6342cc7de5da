/**
 * Long documents are aligned in a band around the length diagonal (dp.ts). A document whose
 * translation drops many sentences early drifts from that diagonal by more than the band: the band
 * must follow the path and still find every link.
 */
import { describe, expect, it } from 'vitest';
import { alignSentenceLists } from '../../main/common/align/index.js';

describe('banded alignment of a long document', () => {
  it('finds every link when 80 early sentences are missing from the translation (drift beyond the band)', () => {
    const n = 2500;
    const source = Array.from({ length: n }, (_, k) => `Relatório ${k * 7 + 1000} da cidade ${k % 13 === 0 ? 'Recife' : 'Manaus'} foi publicado.`);
    const dropped = new Set(Array.from({ length: 80 }, (_, k) => 100 + k * 3));
    const target: string[] = [];
    const expected: string[] = [];
    for (let k = 0; k < n; k++) {
      if (dropped.has(k)) {
        expected.push(`${k}:`);
        continue;
      }
      expected.push(`${k}:${target.length}`);
      target.push(`Report ${(k * 7 + 1000).toLocaleString('en')} of the city ${k % 13 === 0 ? 'Recife' : 'Manaus'} was published.`);
    }
    const links = alignSentenceLists(source, target);
    expect(links.map((l) => `${l.source.join(',')}:${l.target.join(',')}`)).toEqual(expected);
  });
});
