import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../main/contract/review.js';
import { mapThroughEdits, quoteAt } from '../../main/common/annotations/anchor.js';
import { baselineSpanOf, placeOnBaseline, SpanMapper, withBaselineSpans } from '../../main/common/annotations/baseline-span.js';

const MT = 'The big cat sat on the mat.\n\nThen the cat slept near the old door.';

/** A target annotation on `exact` of the MT (its baseline span recorded), placed at the same offsets of the current text. */
function onMt(exact: string, from = 0, extra: Partial<Annotation> = {}): Annotation {
  const start = MT.indexOf(exact, from);
  if (start < 0) throw new Error(`no ${exact}`);
  const end = start + exact.length;
  return {
    id: 'a1',
    side: 'target',
    start,
    end,
    quote: quoteAt(MT, start, end),
    category: 'Accuracy/Mistranslation',
    severity: 'major',
    comment: '',
    created: '2024-01-01T00:00:00.000Z',
    modified: '2024-01-01T00:00:00.000Z',
    baseline: { start, end, exact },
    ...extra,
  };
}

function placed(a: Annotation, current: string): Annotation {
  return placeOnBaseline([a], MT, current, 'en')[0]!;
}

describe('annotations of MT words follow the baseline→current word diff', () => {
  it('stays on the corrected word and keeps the MT word it was about', () => {
    const current = MT.replace('big cat', 'big dog');
    const a = placed(onMt('cat'), current);
    expect(current.slice(a.start, a.end)).toBe('dog');
    expect(a.quote.exact).toBe('dog');
    expect(a.baseline?.exact).toBe('cat');
    expect(a.orphaned).toBeUndefined();
  });

  it('moves with edits before it and ignores edits after it', () => {
    const current = 'Yesterday, the very big cat sat on a mat.\n\nThen the cat slept near the old door.';
    const a = placed(onMt('cat'), current);
    expect(a.start).toBe(current.indexOf('cat'));
    expect(current.slice(a.start, a.end)).toBe('cat');
  });

  it('covers a correction of several words inside a longer span', () => {
    const current = MT.replace('slept near the old', 'was sleeping by the old');
    const a = placed(onMt('cat slept near the old door', 20), current);
    expect(current.slice(a.start, a.end)).toBe('cat was sleeping by the old door');
    expect(a.baseline?.exact).toBe('cat slept near the old door');
  });

  it('grows to the whole replacement when a correction overlaps one end', () => {
    const current = MT.replace('big cat sat', 'large dog stood');
    const a = placed(onMt('big cat'), current);
    expect(current.slice(a.start, a.end)).toBe('large dog stood');
  });

  it('collapses where the words were when they are deleted, without being orphaned', () => {
    const current = MT.replace('big ', '');
    const a = placed(onMt('big'), current);
    expect(a.start).toBe(a.end);
    expect(a.start).toBe(current.indexOf('cat'));
    expect(a.orphaned).toBeUndefined();
    expect(a.baseline?.exact).toBe('big');
  });

  it('is orphaned only when its paragraph is gone', () => {
    const current = 'Then the cat slept near the old door.';
    expect(placed(onMt('big'), current).orphaned).toBe(true);
    // An orphan whose paragraph comes back is placed again.
    const back = placed({ ...onMt('big'), orphaned: true }, MT);
    expect(back.orphaned).toBeUndefined();
    expect(MT.slice(back.start, back.end)).toBe('big');
  });

  it('works on Chinese words (Intl.Segmenter), not single characters', () => {
    const mt = '我们今天去学校。';
    const current = '我们明天去学校。';
    const start = mt.indexOf('今天');
    const a = { ...onMt('cat'), start, end: start + 2, quote: quoteAt(mt, start, start + 2), baseline: { start, end: start + 2, exact: '今天' } };
    const [p] = placeOnBaseline([a], mt, current, 'zh-Hans');
    expect(current.slice(p!.start, p!.end)).toBe('明天');
  });
});

// A seeded random generator, so a failure can be replayed.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const OLD = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];
const SPAN = ['sierra', 'tango', 'uniform'];
const NEW = ['kilo', 'lima', 'mike', 'november', 'oscar', 'papa', 'quebec', 'romeo'];

describe('random edits around and inside annotated spans (seeded)', () => {
  it('the annotation always follows its words, or their replacement', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
      const words = Array.from({ length: 12 + Math.floor(r() * 20) }, () => pick(OLD));
      // Annotate words [i, j).
      const i = 2 + Math.floor(r() * (words.length - 6));
      const j = i + 1 + Math.floor(r() * 3);
      // The annotated words and their two neighbours occur once, so the diff has one right answer (with
      // repeated words, "alpha foxtrot foxtrot" → "alpha lima foxtrot" may fairly pair either foxtrot).
      for (let k = i; k < j; k++) words[k] = SPAN[k - i]!;
      words[i - 1] = 'whiskey';
      words[j] = 'xray';
      const mt = words.join(' ') + '.';
      const offset = (k: number) => words.slice(0, k).join(' ').length + (k > 0 ? 1 : 0);
      const start = offset(i);
      const end = offset(j) - 1;
      const base = { ...onMt('cat'), start, end, quote: quoteAt(mt, start, end), baseline: { start, end, exact: mt.slice(start, end) } };
      // Edit words outside the span (keeping the words right next to it), and maybe replace the span's words.
      const out = [...words];
      for (let k = 0; k < words.length; k++) if ((k < i - 1 || k > j) && r() < 0.3) out[k] = r() < 0.5 ? pick(NEW) : `${pick(NEW)} ${pick(NEW)}`;
      const inside = r() < 0.6;
      const replacement = Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(NEW)).join(' ');
      const current = [...out.slice(0, i), ...(inside ? [replacement] : out.slice(i, j)), ...out.slice(j)].join(' ') + '.';
      const a = placeOnBaseline([base], mt, current, 'en')[0]!;
      const expected = inside ? replacement : words.slice(i, j).join(' ');
      expect(current.slice(a.start, a.end), `seed ${seed}: ${mt} → ${current}`).toBe(expected);
      expect(a.baseline!.exact).toBe(words.slice(i, j).join(' '));
      expect(a.orphaned).toBeUndefined();
    }
  });
});

describe('baselineSpanOf (a new annotation on the current text)', () => {
  it('finds the MT words of a corrected span, and none for words the editor added', () => {
    const current = MT.replace('big cat', 'big dog').replace('the mat.', 'the soft mat.');
    const dog = current.indexOf('dog');
    expect(baselineSpanOf({ start: dog, end: dog + 3 }, current, MT, 'en')).toEqual({ start: MT.indexOf('cat'), end: MT.indexOf('cat') + 3, exact: 'cat' });
    const soft = current.indexOf('soft');
    expect(baselineSpanOf({ start: soft, end: soft + 4 }, current, MT, 'en')).toBeUndefined();
  });

  it('maps an untouched paragraph by its offset shift', () => {
    const current = 'A new first paragraph.\n\n' + MT;
    const m = new SpanMapper(current, MT, 'en');
    const at = current.indexOf('old');
    expect(m.map({ start: at, end: at + 3 })).toEqual({ start: MT.indexOf('old'), end: MT.indexOf('old') + 3 });
  });
});

describe('the editor moving annotations through character edits', () => {
  it('an MT-word annotation whose every character is retyped moves onto the new text instead of being orphaned', () => {
    const a = onMt('cat');
    const [moved] = mapThroughEdits([a], [{ start: a.start, end: a.end, text: 'd' }], { newText: MT.replace('cat', 'd') });
    expect(moved!.orphaned).toBeUndefined();
    expect([moved!.start, moved!.end]).toEqual([a.start, a.start + 1]);
    const { baseline: _none, ...plain } = a;
    expect(mapThroughEdits([plain], [{ start: a.start, end: a.end, text: 'd' }])[0]!.orphaned).toBe(true);
  });
});

describe('migration of lines written before baseline spans', () => {
  it('gives an old annotation its baseline span when the MT still holds its words, and keeps the rest as they were', () => {
    const current = MT.replace('the mat', 'the red mat');
    const { baseline: _a, ...old } = onMt('cat', 0, { id: 'old' });
    const redStart = current.indexOf('red');
    const editorsOwn: Annotation = { ...old, id: 'own', start: redStart, end: redStart + 3, quote: quoteAt(current, redStart, redStart + 3) };
    // An orphan from before, whose words the MT still has: it gets a baseline span and is placed again.
    const { baseline: _b, ...orphan } = onMt('old door', 0, { id: 'orphan', orphaned: true, start: 0, end: 0 });
    const { annotations, changed } = withBaselineSpans([old, editorsOwn, orphan], MT, current, 'en');
    expect(changed).toBe(true);
    expect(annotations[0]!.baseline).toEqual({ start: MT.indexOf('cat'), end: MT.indexOf('cat') + 3, exact: 'cat' });
    expect(annotations[1]).toEqual(editorsOwn);
    expect(annotations[2]!.baseline?.exact).toBe('old door');
    const again = placeOnBaseline(annotations, MT, current, 'en');
    expect(again[2]!.orphaned).toBeUndefined();
    expect(current.slice(again[2]!.start, again[2]!.end)).toBe('old door');
  });
});
