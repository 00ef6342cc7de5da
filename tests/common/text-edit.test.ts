import { describe, expect, it } from 'vitest';
import { applyTextEdit, textEdit } from '../../main/common/text-edit';

describe('the one edit between two versions of a text', () => {
  it('is only the part that changed, and applying it gives the new text', () => {
    const from = 'The heavy rains left 30 dead in Recife.\n\nSchools stay closed.';
    const to = 'The heavy rain left 31 people dead in Recife.\n\nSchools stay closed.';
    const edit = textEdit(from, to);
    expect(edit).toEqual({ start: 14, end: 23, text: ' left 31 people' });
    expect(applyTextEdit(from, edit)).toBe(to);
  });

  it('covers insertions, deletions, an unchanged text and texts with nothing in common', () => {
    for (const [from, to] of [
      ['abc', 'abXc'],
      ['abXc', 'abc'],
      ['same', 'same'],
      ['', 'new'],
      ['old', ''],
      ['aaaa', 'aa'],
      ['abc', 'xyz'],
    ] as const) {
      expect(applyTextEdit(from, textEdit(from, to))).toBe(to);
    }
    expect(textEdit('same', 'same')).toEqual({ start: 4, end: 4, text: '' });
  });

  it('never cuts a character outside the basic plane in half', () => {
    // 😀 and 😃 share their high surrogate; the edit must carry the whole character.
    const edit = textEdit('a😀b', 'a😃b');
    expect(edit).toEqual({ start: 1, end: 3, text: '😃' });
    const tail = textEdit('x𝒜', 'y𝒜');
    expect(tail).toEqual({ start: 0, end: 1, text: 'y' });
    const shared = textEdit('😀😀', '😀');
    expect(shared).toEqual({ start: 2, end: 4, text: '' });
    expect(applyTextEdit('😀😀', shared)).toBe('😀');
  });

  it('refuses an edit that does not fit the text it is applied to', () => {
    expect(applyTextEdit('short', { start: 2, end: 9, text: 'x' })).toBeNull();
    expect(applyTextEdit('short', { start: 3, end: 2, text: 'x' })).toBeNull();
  });

  it('random edits of a long text round-trip', () => {
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    let text = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(40);
    for (let i = 0; i < 200; i++) {
      const at = rnd(text.length + 1);
      const cut = Math.min(text.length, at + rnd(12));
      const next = text.slice(0, at) + ['', 'x', 'new words ', 'ção'][rnd(4)] + text.slice(cut);
      expect(applyTextEdit(text, textEdit(text, next))).toBe(next);
      text = next;
    }
  });
});
