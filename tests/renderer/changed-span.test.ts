import { describe, expect, it } from 'vitest';
import { applyTextEdit } from '../../main/common/text-edit';
import { ChangedSpan } from '../../renderer/review/changed-span';

/** Applies changes as Monaco reports them (offsets of the text before the event) and feeds them to the span. */
function edit(text: string, span: ChangedSpan, changes: { rangeOffset: number; rangeLength: number; text: string }[]): string {
  span.add(changes);
  let out = text;
  for (const c of [...changes].sort((a, b) => b.rangeOffset - a.rangeOffset)) out = out.slice(0, c.rangeOffset) + c.text + out.slice(c.rangeOffset + c.rangeLength);
  return out;
}

describe('the changed span of a text, kept from its change events', () => {
  it('turns the text at the last take into the text now, over typing, deleting, pasting and several cursors', () => {
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const span = new ChangedSpan();
    let taken = 'The rains came back in May. The farmers returned to their fields.\n\nThe schools opened again.';
    let text = taken;
    for (let round = 0; round < 200; round++) {
      const at = next(text.length + 1);
      const len = Math.min(next(6), text.length - at);
      const changes = [{ rangeOffset: at, rangeLength: len, text: ['', 'x', 'new words ', '\n\n'][next(4)]! }];
      // Now and then a second cursor's edit further on, in the same event.
      if (next(3) === 0 && at + len + 3 < text.length) changes.push({ rangeOffset: at + len + 2, rangeLength: 1, text: 'yz' });
      text = edit(text, span, changes);
      if (next(5) === 0) {
        expect(applyTextEdit(taken, span.take(text))).toBe(text);
        taken = text;
      }
    }
    const last = span.take(text);
    expect(applyTextEdit(taken, last)).toBe(text);
    // What is sent is the changed span, not the text.
    expect(applyTextEdit(text, span.take(text))).toBe(text);
  });

  it('an edit stays as small as what changed', () => {
    const span = new ChangedSpan();
    const text = 'a'.repeat(1000);
    const after = edit(text, span, [{ rangeOffset: 500, rangeLength: 0, text: 'bc' }]);
    expect(span.take(after)).toEqual({ start: 500, end: 500, text: 'bc' });
  });
});
