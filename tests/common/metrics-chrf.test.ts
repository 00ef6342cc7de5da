import { describe, expect, it } from 'vitest';
import { chrfStatistics, corpusChrf, sentenceChrf } from '../../main/common/metrics/chrf.js';

/*
 * Expected values from sacrebleu's own tests: github.com/mjpost/sacrebleu, test/test_chrf.py
 * (sacrebleu 2.x), with the options each of its test functions passes. conformance/chrf.ts checks
 * every case of that file; these are a few of each kind.
 */
describe('chrF against sacrebleu test/test_chrf.py', () => {
  it('effective-order averaging (sacrebleu default), beta 3: test_cases_effective_order', () => {
    expect(corpusChrf(['a'], ['a'], { beta: 3 })).toBeCloseTo(100, 4);
    expect(corpusChrf(['a', 'b'], ['a', 'c'], { beta: 3 })).toBeCloseTo(50, 4);
    expect(corpusChrf(['aa'], ['ab'], { beta: 3 })).toBeCloseTo(25, 4);
    expect(corpusChrf([''], ['reference'], { beta: 3 })).toBe(0);
  });

  it('epsilon smoothing, beta 3: test_cases', () => {
    expect(corpusChrf(['aa'], ['ab'], { beta: 3, epsSmoothing: true })).toBeCloseTo(8.3333, 4);
    expect(corpusChrf(['a'], ['a'], { beta: 3, epsSmoothing: true })).toBeCloseTo(16.6667, 4);
    expect(corpusChrf(['a b c'], ['abc'], { beta: 3, epsSmoothing: true })).toBeCloseTo(50, 4);
    expect(
      corpusChrf(
        [' risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists .'],
        ['risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists .'],
        { beta: 3, epsSmoothing: true },
      ),
    ).toBeCloseTo(63.36173, 4);
  });

  it('whitespace kept, beta 3: test_cases_keep_whitespace', () => {
    expect(
      corpusChrf(
        ['Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich.'],
        ['Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.'],
        { beta: 3, whitespace: true },
      ),
    ).toBeCloseTo(67.3481606, 4);
  });

  it('sentence chrF2 with epsilon smoothing: test_sentence_level_chrf', () => {
    expect(
      sentenceChrf('Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.', 'A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři.', {
        epsSmoothing: true,
      }),
    ).toBeCloseTo(31.22557079, 4);
  });
});

describe('chrF details', () => {
  it('counts code points, as Python does, not UTF-16 units', () => {
    // One astral character is one unigram and no bigram.
    const stats = chrfStatistics('😀', '😀', { charOrder: 2 });
    expect(stats).toEqual([1, 1, 1, 0, 0, 0]);
  });

  it('removes whitespace by default, so spacing alone does not change the score', () => {
    expect(sentenceChrf('the  tide turned', 'thetide turned')).toBe(100);
    expect(sentenceChrf('the tide turned', 'the tide returned')).toBeLessThan(100);
  });

  it('scores a corpus from summed statistics, not the mean of sentence scores', () => {
    const hyps = ['a short line', 'another sentence that is a good deal longer than the first one'];
    const refs = ['a shorter line', 'another sentence that is a good deal longer than the first one'];
    const mean = (sentenceChrf(hyps[0]!, refs[0]!) + sentenceChrf(hyps[1]!, refs[1]!)) / 2;
    const corpus = corpusChrf(hyps, refs);
    expect(corpus).toBeGreaterThan(mean);
    expect(corpus).toBeLessThan(100);
  });

  it('uses beta 2 by default: recall weighs more than precision', () => {
    // Hypothesis a prefix of the reference: precision 1, recall lower; and the mirror case.
    const shortHyp = sentenceChrf('river bank', 'river bank erosion');
    const longHyp = sentenceChrf('river bank erosion', 'river bank');
    expect(shortHyp).toBeLessThan(longHyp);
  });
});
