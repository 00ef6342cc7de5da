import { describe, expect, it } from 'vitest';
import { formatTagAccuracy, pooledTagAccuracy, tagAccuracy } from '../../main/common/metrics/tag-accuracy.js';
import { articleFigures } from '../../main/common/metrics/article.js';
import { articleTags } from '../../main/core/formats/inline-tags.js';
import { close, open, ph, pieces, tagDocument } from '../core/formats/tag-document.js';

describe('tag accuracy', () => {
  it('counts source tags present in their segment, paired and in order; extra tags count against', () => {
    const doc = tagDocument([
      // 2 right.
      { id: 's1', source: pieces(open('1'), 'a', close('1')), target: pieces(open('1'), 'a', close('1')) },
      // The pair reversed: neither half is right.
      { id: 's2', source: pieces(open('2'), 'b', close('2')), target: pieces(close('2'), 'b', open('2')) },
      // One missing, one moved where it may not move, one right, one extra: 1 of 3 source tags, + 1 extra.
      { id: 's3', source: pieces(ph('3'), 'c', ph('4', { canReorder: false }), ph('5')), target: pieces(ph('5'), ph('4', { canReorder: false }), 'c', ph('6')) },
    ]);
    expect(tagAccuracy(articleTags(doc, doc))).toEqual({ correct: 3, total: 8, accuracy: 3 / 8 });
  });

  it('is absent without tags, pools counts across articles and prints one way', () => {
    const plain = tagDocument([{ id: 's', source: pieces('a'), target: pieces('a') }]);
    expect(tagAccuracy(articleTags(plain, plain))).toBeUndefined();
    expect(pooledTagAccuracy([{ correct: 1, total: 2, accuracy: 0.5 }, undefined, { correct: 3, total: 3, accuracy: 1 }])).toEqual({ correct: 4, total: 5, accuracy: 0.8 });
    expect(formatTagAccuracy({ correct: 5, total: 6, accuracy: 5 / 6 }, 'en')).toBe('83.3% (5/6)');
  });
});

describe('HTER and chrF leave tags out', () => {
  it('a changed tag alone changes neither figure; the same change as text does', () => {
    const mt = 'Press <b1>Save</b1> now.';
    const pe = 'Press <b2>Save</b2> now.';
    const spans = (t: string) => [...t.matchAll(/<\/?b\d>/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
    expect(articleFigures(mt, pe, 'en', { baseline: spans(mt), current: spans(pe) })).toEqual({ hter: 0, chrf: 100 });
    const asText = articleFigures(mt, pe, 'en');
    expect(asText.hter).toBeGreaterThan(0);
    expect(asText.chrf).toBeLessThan(100);
  });
});
