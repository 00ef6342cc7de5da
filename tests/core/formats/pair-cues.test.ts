import { describe, expect, it } from 'vitest';
import { pairCues } from '../../../main/core/formats/subtitles/pair-cues.js';

const cue = (startMs: number, endMs: number) => ({ startMs, endMs });

describe('subtitle cue pairing by timing', () => {
  it('the same timings pair one to one', () => {
    expect(pairCues([cue(0, 1000), cue(1000, 2000)], [cue(0, 1000), cue(1000, 2000)])).toEqual([
      { source: [0], target: [0] },
      { source: [1], target: [1] },
    ]);
  });

  it('a cue missing on one side is a group alone, and the later cues still pair (renumbered files too)', () => {
    expect(pairCues([cue(0, 1000), cue(1200, 2000), cue(2500, 3000)], [cue(0, 1000), cue(2500, 3000)])).toEqual([
      { source: [0], target: [0] },
      { source: [1], target: [] },
      { source: [2], target: [0 + 1] },
    ]);
    expect(pairCues([cue(0, 1000)], [cue(0, 1000), cue(5000, 6000)])).toEqual([
      { source: [0], target: [0] },
      { source: [], target: [1] },
    ]);
  });

  it('timings shifted a little still pair; a cue merged from two on the other side is one group', () => {
    expect(pairCues([cue(0, 1000), cue(1000, 2000), cue(3000, 4000)], [cue(100, 1900), cue(3050, 4100)])).toEqual([
      { source: [0, 1], target: [0] },
      { source: [2], target: [1] },
    ]);
  });

  it('a slight touch is not a pair: the earlier cue goes first', () => {
    expect(pairCues([cue(0, 1000)], [cue(950, 3000)])).toEqual([
      { source: [0], target: [] },
      { source: [], target: [0] },
    ]);
  });
});
