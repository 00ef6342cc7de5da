import { describe, expect, it } from 'vitest';
import { LiveMetrics } from '../../main/common/metrics/live.js';
import { ter } from '../../main/common/metrics/ter.js';
import { tokenize } from '../../main/common/words.js';

const P1 = 'The ferry left the harbour at dawn.';
const P2 = 'Fishermen watched it from the pier.';
const P3 = 'By noon the fog had lifted over the bay.';
const BASELINE = `${P1}\n\n${P2}\n\n${P3}\n`;
const toks = (s: string, lang = 'en') => tokenize(s, lang).map((t) => t.text);

describe('LiveMetrics', () => {
  it('reports no edits and full chrF for an untouched text', () => {
    const live = new LiveMetrics(BASELINE, 'en');
    const { segments, totals } = live.snapshot();
    expect(segments).toHaveLength(3);
    expect(totals.hter.edits).toBe(0);
    expect(totals.hter.refLength).toBe(toks(P1).length + toks(P2).length + toks(P3).length);
    expect(totals.chrf).toBeCloseTo(100, 10);
    expect(totals.changedSegments).toBe(0);
  });

  it('scores an edited paragraph as TER of its tokens and sums the article', () => {
    const live = new LiveMetrics(BASELINE, 'en');
    const edited = 'Fishermen watched the ferry from the old pier.';
    const { segments, totals } = live.update(`${P1}\n\n${edited}\n\n${P3}\n`);
    const expected = ter(toks(P2), toks(edited));
    expect(segments[1]!.changed).toBe(true);
    expect(segments[1]!.hter).toEqual(expected);
    expect(segments[1]!.chrf).toBeLessThan(100);
    expect(segments[0]!.changed).toBe(false);
    expect(totals.hter.edits).toBe(expected.edits);
    expect(totals.wordsInserted).toBe(expected.insertions);
    expect(totals.hter.score).toBeCloseTo(expected.edits / (toks(P1).length + toks(edited).length + toks(P3).length), 12);
  });

  it('recomputes only segments whose text changed', () => {
    const live = new LiveMetrics(BASELINE, 'en');
    live.update(`${P1}\n\n${P2} Gulls\n\n${P3}\n`);
    expect(live.computations).toBe(1);
    live.update(`${P1}\n\n${P2} Gulls cried\n\n${P3}\n`);
    expect(live.computations).toBe(2);
    // The same text again, and an edit elsewhere that leaves this paragraph as it was: no recount of it.
    live.update(`${P1}\n\n${P2} Gulls cried\n\n${P3}\n`);
    expect(live.computations).toBe(2);
    live.update(`${P1} Slowly.\n\n${P2} Gulls cried\n\n${P3}\n`);
    expect(live.computations).toBe(3);
  });

  it('pairs an added paragraph as a segment of insertions', () => {
    const live = new LiveMetrics(BASELINE, 'en');
    const added = 'Nobody expected the storm.';
    const { segments, totals } = live.update(`${P1}\n\n${P2}\n\n${added}\n\n${P3}\n`);
    const seg = segments.find((s) => s.baseline.length === 0)!;
    expect(seg.current).toEqual([2]);
    expect(seg.hter.insertions).toBe(toks(added).length);
    expect(totals.hter.edits).toBe(toks(added).length);
  });

  it('tokenizes Chinese with Intl.Segmenter words, not characters', () => {
    const base = '我们今天去公园散步。';
    const cur = '我们明天去公园散步。';
    const live = new LiveMetrics(base, 'zh-Hans');
    const { totals } = live.update(cur);
    expect(totals.hter).toEqual(ter(toks(base, 'zh'), toks(cur, 'zh')));
    expect(totals.hter.refLength).toBeLessThan(cur.length);
  });

  it('credits editing time to the segment typed in, and drops idle gaps', () => {
    const live = new LiveMetrics(BASELINE, 'en', { idleMs: 30_000 });
    const inP2 = BASELINE.indexOf('pier');
    const inP3 = BASELINE.indexOf('fog');
    expect(live.recordActivity(inP2, 1_000)).toBe(-1); // first keystroke: nothing to measure yet
    expect(live.recordActivity(inP2, 1_400)).toBe(1);
    expect(live.recordActivity(inP3, 2_000)).toBe(2);
    expect(live.recordActivity(inP3, 60_000)).toBe(-1); // after a 58 s pause
    expect(live.recordActivity(inP3, 60_250)).toBe(2);
    const { segments, totals } = live.snapshot();
    expect(segments.map((s) => s.editingMs)).toEqual([0, 400, 850]);
    expect(totals.editingMs).toBe(1250);
  });

  it('keeps editing time with its paragraph when a paragraph is added before it', () => {
    const live = new LiveMetrics(BASELINE, 'en');
    const inP3 = BASELINE.indexOf('fog');
    live.recordActivity(inP3, 0);
    live.recordActivity(inP3, 500);
    const text = `Breaking news.\n\n${BASELINE}`;
    const { segments } = live.update(text);
    const p3 = segments.find((s) => s.baseline[0] === 2)!;
    expect(p3.editingMs).toBe(500);
    expect(live.segmentAt(text.indexOf('fog'))).toBe(p3.segment);
  });
});
