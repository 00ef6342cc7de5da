import { describe, expect, it } from 'vitest';
import type { TagSpan } from '../../main/contract/api';
import { chipDeletedBy, coverChips, nextMissingTag, segmentBlocks, snapOffset } from '../../renderer/review/tag-chips';

const span = (text: string, display: string, segment: string, id: string, kind: TagSpan['kind'] = 'standalone', from = 0): TagSpan => {
  const start = text.indexOf(display, from);
  if (start < 0) throw new Error(`${display} not in ${text}`);
  return { start, end: start + display.length, segment, id, kind, type: 'x', display };
};

describe('tag chips are atomic', () => {
  const chips = [
    { start: 2, end: 5 },
    { start: 9, end: 13 },
  ];
  it('a cursor inside a chip goes to the edge it was moving towards', () => {
    expect(snapOffset(chips, 3, 2)).toBe(5); // moving right from the chip's start
    expect(snapOffset(chips, 4, 5)).toBe(2); // moving left from its end
    expect(snapOffset(chips, 5, 4)).toBe(5); // at an edge: stays
    expect(snapOffset(chips, 7, 0)).toBe(7);
  });
  it('a selection or deletion that cuts a chip takes the whole chip', () => {
    expect(coverChips(chips, 3, 7)).toEqual({ start: 2, end: 7 });
    expect(coverChips(chips, 6, 10)).toEqual({ start: 6, end: 13 });
    expect(coverChips(chips, 0, 2)).toEqual({ start: 0, end: 2 });
  });
  it('Backspace after a chip and Delete before it remove that chip', () => {
    expect(chipDeletedBy(chips, 'Backspace', 5)).toEqual(chips[0]);
    expect(chipDeletedBy(chips, 'Delete', 9)).toEqual(chips[1]);
    expect(chipDeletedBy(chips, 'Backspace', 9)).toBeUndefined();
    expect(chipDeletedBy(chips, 'Delete', 5)).toBeUndefined();
  });
});

describe('the insert-tag key', () => {
  const source = 'Clique <1>aqui</1> agora.\n\nTotal <2/> e <3/>.';
  const sourceTags = [span(source, '<1>', 's1', '1', 'open'), span(source, '</1>', 's1', '1c', 'close'), span(source, '<2/>', 's2', '2'), span(source, '<3/>', 's2', '3')];

  it('takes the first source tag of the cursor’s segment that the translation lacks', () => {
    const target = 'Click <1>here now.\n\nTotal <3/>.';
    const targetTags = [span(target, '<1>', 's1', '1', 'open'), span(target, '<3/>', 's2', '3')];
    expect(nextMissingTag({ text: source, tags: sourceTags }, { text: target, tags: targetTags }, 3)?.id).toBe('1c');
    expect(nextMissingTag({ text: source, tags: sourceTags }, { text: target, tags: targetTags }, target.length)?.id).toBe('2');
  });

  it('gives nothing when the segment has every tag, or the sides differ in segments', () => {
    const target = 'Click <1>here</1>.\n\nTotal <2/> and <3/>.';
    const targetTags = [span(target, '<1>', 's1', '1', 'open'), span(target, '</1>', 's1', '1c', 'close'), span(target, '<2/>', 's2', '2'), span(target, '<3/>', 's2', '3')];
    expect(nextMissingTag({ text: source, tags: sourceTags }, { text: target, tags: targetTags }, 0)).toBeUndefined();
    expect(nextMissingTag({ text: source, tags: sourceTags }, { text: 'one block only', tags: [] }, 0)).toBeUndefined();
  });

  it('reads segment blocks as segmented formats lay them out, empty ones included', () => {
    expect(segmentBlocks('a\n\n\n\nb')).toEqual([
      { start: 0, end: 1 },
      { start: 3, end: 3 },
      { start: 5, end: 6 },
    ]);
  });
});
