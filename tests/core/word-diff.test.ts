import { diffArrays } from 'diff';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { splitParagraphs } from '../../main/common/paragraphs.js';
import { wordDiff, type WordChange } from '../../main/common/word-diff.js';
import { countWords, tokenize } from '../../main/common/words.js';

// Pass-through spy on jsdiff, to see which units the word diff actually compares.
vi.mock('diff', async (importOriginal) => {
  const actual = await importOriginal<typeof import('diff')>();
  return { ...actual, diffArrays: vi.fn(actual.diffArrays) };
});
const diffArraysSpy = vi.mocked(diffArrays);

beforeEach(() => {
  diffArraysSpy.mockClear();
});

const slice = (text: string, [s, e]: [number, number]) => text.slice(s, e);

function only(changes: WordChange[]): WordChange {
  expect(changes).toHaveLength(1);
  return changes[0]!;
}

describe('wordDiff', () => {
  it('identical texts: no changes', () => {
    const text = 'The cat sat on the mat.\n\nA second paragraph, with commas.';
    const d = wordDiff(text, text, 'en');
    expect(d.changes).toEqual([]);
    expect(d.stats).toEqual({ inserted: 0, deleted: 0, replaced: 0, changed: 0, baselineWords: 11, words: 11, editRate: 0 });
  });

  it('one word replaced: replaced 1, and the ranges cover exactly the whole words', () => {
    const a = 'The quick brown fox jumps over the lazy dog.';
    const b = 'The quick brown wolf jumps over the lazy dog.';
    const d = wordDiff(a, b, 'en');
    expect(d.stats).toMatchObject({ replaced: 1, inserted: 0, deleted: 0, changed: 1, baselineWords: 9, words: 9 });
    const c = only(d.changes);
    expect(c.kind).toBe('replaced');
    expect(slice(a, c.baseline)).toBe('fox');
    expect(slice(b, c.current)).toBe('wolf');
    expect(d.stats.editRate).toBeCloseTo(1 / 9, 10);
  });

  it('a word changed inside a word is still a whole-word change (not characters)', () => {
    const a = 'She was unhappy about it.';
    const b = 'She was happy about it.';
    const c = only(wordDiff(a, b, 'en').changes);
    expect(slice(a, c.baseline)).toBe('unhappy');
    expect(slice(b, c.current)).toBe('happy');
  });

  it('ranges are offsets into the whole text, in later paragraphs too', () => {
    const a = 'First paragraph stays.\n\nSecond one has a cat here.';
    const b = 'First paragraph stays.\n\nSecond one has a dog here.';
    const c = only(wordDiff(a, b, 'en').changes);
    expect(slice(a, c.baseline)).toBe('cat');
    expect(slice(b, c.current)).toBe('dog');
  });

  it('counts insertions', () => {
    const a = 'one two three';
    const b = 'one two and a half three';
    const d = wordDiff(a, b, 'en');
    expect(d.stats).toMatchObject({ inserted: 3, deleted: 0, replaced: 0, changed: 3, baselineWords: 3, words: 6, editRate: 1 });
    const c = only(d.changes);
    expect(c.kind).toBe('inserted');
    expect(slice(b, c.current)).toBe('and a half');
    expect(c.baseline[0]).toBe(c.baseline[1]);
  });

  it('counts deletions', () => {
    const a = 'one two three four five six seven eight';
    const b = 'one two five six seven eight';
    const d = wordDiff(a, b, 'en');
    expect(d.stats).toMatchObject({ inserted: 0, deleted: 2, replaced: 0, changed: 2, baselineWords: 8, words: 6 });
    expect(d.stats.editRate).toBeCloseTo(2 / 8, 10);
    const c = only(d.changes);
    expect(c.kind).toBe('deleted');
    expect(slice(a, c.baseline)).toBe('three four');
    expect(c.current[0]).toBe(c.current[1]);
  });

  it('replacing two words by three counts 2 replaced + 1 inserted', () => {
    const d = wordDiff('I like red apples', 'I like big green apples', 'en');
    expect(d.stats).toMatchObject({ replaced: 1, inserted: 1, deleted: 0, changed: 2 });
    const d2 = wordDiff('I like red apples', 'I love big green apples', 'en');
    expect(d2.stats).toMatchObject({ replaced: 2, inserted: 1, deleted: 0, changed: 3 });
  });

  it('punctuation changes are changes but not words', () => {
    const d = wordDiff('Hello, world.', 'Hello; world.', 'en');
    expect(d.changes).toHaveLength(1);
    expect(d.stats.changed).toBe(0);
    expect(d.stats.baselineWords).toBe(2);
  });

  it('a changed word inside a long unchanged document only diffs its paragraph', () => {
    const paras = Array.from({ length: 300 }, (_, i) => `Paragraph number ${i} talks about the weather and the sea, at some length.`);
    const baseline = paras.join('\n\n');
    const edited = [...paras];
    edited[150] = edited[150]!.replace('weather', 'climate');
    const current = edited.join('\n\n');

    const d = wordDiff(baseline, current, 'en');
    const c = only(d.changes);
    expect(slice(baseline, c.baseline)).toBe('weather');
    expect(slice(current, c.current)).toBe('climate');
    const perPara = countWords(paras[0]!, 'en');
    expect(d.stats).toMatchObject({ replaced: 1, changed: 1, baselineWords: 300 * perPara, words: 300 * perPara });
    const para = splitParagraphs(baseline)[150]!;
    expect(c.baseline[0]).toBeGreaterThanOrEqual(para.start);
    expect(c.baseline[1]).toBeLessThanOrEqual(para.end);

    // Equal paragraphs are matched without any diff; one word-level diff over paragraph 150 alone.
    expect(diffArraysSpy).toHaveBeenCalledTimes(1);
    const [tokA, tokB] = diffArraysSpy.mock.calls[0]!;
    expect(tokA).toEqual(tokenize(paras[150]!, 'en').map((t) => t.text));
    expect(tokB).toEqual(tokenize(edited[150]!, 'en').map((t) => t.text));
  });

  describe('Chinese (zh-Hans): words from Intl.Segmenter', () => {
    it('tokenize gives words, not single characters', () => {
      const words = tokenize('我们今天去学校读书', 'zh-Hans').filter((t) => t.word).map((t) => t.text);
      expect(words).toEqual(['我们', '今天', '去', '学校', '读书']);
    });

    it('a two-character word change counts as 1 word, not 2 characters', () => {
      const a = '我们今天去学校读书。';
      const b = '我们今天去医院读书。';
      const d = wordDiff(a, b, 'zh-Hans');
      expect(d.stats).toMatchObject({ replaced: 1, inserted: 0, deleted: 0, changed: 1, baselineWords: 5, words: 5 });
      expect(d.stats.editRate).toBeCloseTo(1 / 5, 10);
      const c = only(d.changes);
      expect(slice(a, c.baseline)).toBe('学校');
      expect(slice(b, c.current)).toBe('医院');
    });

    it('the language matters: the same text diffed as English is one long "word"', () => {
      const d = wordDiff('我们今天去学校读书', '我们今天去医院读书', 'en');
      expect(d.stats.baselineWords).toBe(1);
    });
  });

  describe('editRate', () => {
    it('is changed / baselineWords', () => {
      const d = wordDiff('a b c d e f g h i j', 'a b X d e f g h Y j', 'en');
      expect(d.stats.changed).toBe(2);
      expect(d.stats.baselineWords).toBe(10);
      expect(d.stats.editRate).toBeCloseTo(0.2, 10);
    });

    it('is capped at 1 after heavy rewriting', () => {
      const d = wordDiff('short text', 'a completely different and much longer text appears here', 'en');
      expect(d.stats.changed).toBeGreaterThan(d.stats.baselineWords);
      expect(d.stats.editRate).toBe(1);
    });

    it('is 1 for text written into an empty baseline, 0 for two empty texts', () => {
      expect(wordDiff('', 'new words', 'en').stats).toMatchObject({ inserted: 2, baselineWords: 0, editRate: 1 });
      expect(wordDiff('', '', 'en').stats).toMatchObject({ changed: 0, editRate: 0 });
    });
  });
});

describe('wordDiff on reshaped paragraphs', () => {
  it('an inserted paragraph in the middle is counted as inserted words, the rest as unchanged', () => {
    const paras = Array.from({ length: 40 }, (_, i) => `Line ${i} of the report on rainfall.`);
    const baseline = paras.join('\n\n');
    const current = [...paras.slice(0, 20), 'A brand new paragraph here.', ...paras.slice(20)].join('\n\n');
    const d = wordDiff(baseline, current, 'en');
    expect(d.stats).toMatchObject({ inserted: 5, deleted: 0, replaced: 0 });
    expect(d.changes).toHaveLength(1);
    expect(current.slice(d.changes[0]!.current[0], d.changes[0]!.current[1])).toBe('A brand new paragraph here.');
  });

  it('every paragraph edited in place is diffed paragraph by paragraph with exact counts', () => {
    const paras = Array.from({ length: 50 }, (_, i) => `Paragraph ${i} says the river rose fast.`);
    const edited = paras.map((p) => p.replace('fast', 'quickly'));
    const d = wordDiff(paras.join('\n\n'), edited.join('\n\n'), 'en');
    expect(d.stats).toMatchObject({ replaced: 50, inserted: 0, deleted: 0, changed: 50 });
  });
});

describe('wordDiff with inline tags', () => {
  it('keeps a tag one token: a changed tag is one change, never its pieces, and no word', () => {
    const before = 'Press <b1>Save</b1> now.';
    const after = 'Press <b2>Save</b1> now.';
    const tags = (t: string) => [
      { start: t.indexOf('<b'), end: t.indexOf('<b') + 4 },
      { start: t.indexOf('</b1>'), end: t.indexOf('</b1>') + 5 },
    ];
    const d = wordDiff(before, after, 'en', { baseline: tags(before), current: tags(after) });
    const c = only(d.changes);
    expect(slice(before, c.baseline)).toBe('<b1>');
    expect(slice(after, c.current)).toBe('<b2>');
    expect(c.baselineWords).toBe(0);
    // "b1" is no word: the article has two words (Press, Save, now = 3), with or without the change.
    expect(d.stats.words).toBe(3);
    expect(d.stats.changed).toBe(0);
    // Without the tags the same edit is a changed word "b2" inside the markup.
    expect(wordDiff(before, after, 'en').stats.changed).toBe(1);
  });

  it('a deleted tag is deleted whole', () => {
    const before = 'A <x1/> B';
    const after = 'A  B';
    const d = wordDiff(before, after, 'en', { baseline: [{ start: 2, end: 7 }], current: [] });
    expect(slice(before, only(d.changes).baseline)).toBe('<x1/>');
  });
});
