import { describe, expect, it } from 'vitest';
import { sumTer, ter, terDetail, terScore, terTokens } from '../../main/common/metrics/ter.js';

const words = (s: string) => s.split(' ').filter(Boolean);

describe('ter (TERCOM 0.10.0 rules)', () => {
  it('scores an identical sentence 0 and counts reference words', () => {
    const r = ter(words('the harbour reopened on Monday'), words('the harbour reopened on Monday'));
    expect(r).toEqual({ insertions: 0, deletions: 0, substitutions: 0, shifts: 0, edits: 0, refLength: 5, score: 0 });
  });

  it('ignores case by default, as TERCOM lowercases both sides', () => {
    expect(ter(words('The Harbour reopened'), words('the harbour Reopened')).edits).toBe(0);
    const strict = ter(words('The Harbour reopened'), words('the harbour Reopened'), { caseSensitive: true });
    expect(strict.substitutions).toBe(3);
    expect(strict.score).toBe(1);
  });

  it('moves a misplaced block with one shift instead of a deletion and an insertion', () => {
    const hyp = words('yesterday the council approved the new budget');
    const ref = words('the council approved the new budget yesterday');
    const d = terDetail(hyp, ref);
    expect(d.shifts).toBe(1);
    expect(d.edits).toBe(1);
    expect(d.score).toBeCloseTo(1 / 7, 12);
    expect(d.shifted).toEqual(ref);
    expect(d.shiftList[0]!.words).toEqual(['yesterday']);
    const plain = ter(hyp, ref, { shifts: false });
    expect(plain.shifts).toBe(0);
    expect(plain.edits).toBe(2);
  });

  it('fixes a swapped pair of blocks with one shift (sacrebleu test/test_ter.py: "a single shift fixes MT", 1/8)', () => {
    // Inputs and expected value from github.com/mjpost/sacrebleu test/test_ter.py.
    const r = ter(words('d e f g h a b c'), words('a b c d e f g h'));
    expect(r.edits).toBe(1);
    expect(r.score).toBeCloseTo(1 / 8, 12);
  });

  it("counts the editor's actions: words missing from the hypothesis are insertions, extra ones deletions", () => {
    const extra = ter(words('the old red car stopped'), words('the red car stopped'));
    expect(extra).toMatchObject({ deletions: 1, insertions: 0, substitutions: 0, edits: 1, refLength: 4 });
    const missing = ter(words('the car stopped'), words('the red car stopped'));
    expect(missing).toMatchObject({ insertions: 1, deletions: 0, edits: 1, refLength: 4 });
    const changed = ter(words('the blue car stopped'), words('the red car stopped'));
    expect(changed).toMatchObject({ substitutions: 1, edits: 1 });
  });

  it('keeps raw edits but caps the score at 1', () => {
    const r = ter(words('one two three four five'), words('alpha beta'));
    expect(r.edits).toBe(5);
    expect(r.refLength).toBe(2);
    expect(r.score).toBe(1);
  });

  it('follows TERCOM for empty sides', () => {
    expect(ter([], [])).toMatchObject({ edits: 0, refLength: 0, score: 0 });
    expect(ter([], words('a new sentence'))).toMatchObject({ insertions: 3, edits: 3, refLength: 3, score: 1 });
    expect(ter(words('dropped text'), [])).toMatchObject({ deletions: 2, edits: 2, refLength: 0, score: 1 });
  });

  it('does not shift a block farther than the maximum shift distance', () => {
    const filler = Array.from({ length: 8 }, (_, i) => `w${i}`);
    const hyp = ['moved', ...filler];
    const ref = [...filler, 'moved'];
    expect(ter(hyp, ref).shifts).toBe(1);
    expect(ter(hyp, ref, { maxShiftDistance: 3 }).shifts).toBe(0);
  });

  it('sums segments into a corpus score over all reference words', () => {
    const a = ter(words('a b c'), words('a b d'));
    const b = ter(words('x y'), words('x y z w'));
    const t = sumTer([a, b]);
    expect(t.edits).toBe(a.edits + b.edits);
    expect(t.refLength).toBe(7);
    expect(t.score).toBeCloseTo(3 / 7, 12);
  });
});

describe('terTokens and terScore', () => {
  it('splits on ASCII whitespace only, as Java does, and trims', () => {
    expect(terTokens('  ein  Satz\tmit\u00a0Abstand  ')).toEqual(['ein', 'Satz', 'mit\u00a0Abstand']);
    expect(terTokens('   ')).toEqual([]);
  });

  it('caps at 1 and scores an empty reference 1 when there are edits', () => {
    expect(terScore(3, 4)).toBe(0.75);
    expect(terScore(9, 4)).toBe(1);
    expect(terScore(2, 0)).toBe(1);
    expect(terScore(0, 0)).toBe(0);
  });
});
