import { describe, expect, it } from 'vitest';
import { addChrfStatistics, chrfFromStatistics, chrfStatistics } from '../../main/common/metrics/chrf.js';
import { LiveMetrics, type LiveSegment } from '../../main/common/metrics/live.js';
import { pairSentences } from '../../main/common/metrics/pairing.js';
import { ter } from '../../main/common/metrics/ter.js';
import { tokenize } from '../../main/common/words.js';

const P1 = 'The ferry left the harbour at dawn.';
const P2 = 'Fishermen watched it from the pier.';
const P3 = 'By noon the fog had lifted over the bay.';
const BASELINE = `${P1}\n\n${P2}\n\n${P3}\n`;
const S1 = 'Officials said the bridge would reopen on Monday.';
const S2 = 'Traffic was diverted through the north road.';
const S3 = 'Residents complained about the noise.';
const THREE = `${S1} ${S2} ${S3}`;
const toks = (s: string, lang = 'en') => tokenize(s, lang).map((t) => t.text);
const textOf = (text: string, ranges: [number, number][]) => ranges.map(([s, e]) => text.slice(s, e)).join(' ');
const shape = (segs: LiveSegment[]) => segs.map((s) => `${s.baselineSentences.length}-${s.currentSentences.length}`);

describe('LiveMetrics', () => {
  it('reports no edits and full chrF for an untouched text, one segment per sentence', () => {
    const live = new LiveMetrics(`${THREE}\n\n${P2}\n`, 'en');
    const { segments, totals } = live.snapshot();
    expect(segments.map((s) => s.baseline[0])).toEqual([0, 0, 0, 1]);
    expect(totals.hter.edits).toBe(0);
    expect(totals.hter.refLength).toBe(toks(THREE).length + toks(P2).length);
    expect(totals.chrf).toBeCloseTo(100, 10);
    expect(totals.changedSegments).toBe(0);
  });

  it('scores the one edited sentence of a three-sentence paragraph and leaves the others at 0', () => {
    const base = `${P1}\n\n${THREE}\n`;
    const live = new LiveMetrics(base, 'en');
    const edited = 'Traffic was sent along the northern road for a week.';
    const text = `${P1}\n\n${S1} ${edited} ${S3}\n`;
    const { segments, totals } = live.update(text);
    expect(segments).toHaveLength(4);
    const changed = segments.filter((s) => s.changed);
    expect(changed).toHaveLength(1);
    const seg = changed[0]!;
    expect(seg.hter).toEqual(ter(toks(S2), toks(edited)));
    expect(seg.hter.score).toBeGreaterThan(0);
    expect(text.slice(seg.start, seg.end)).toBe(edited);
    expect(textOf(base, seg.baselineSentences)).toBe(S2);
    expect(seg.baseline).toEqual([1]);
    expect(seg.current).toEqual([1]);
    for (const s of segments.filter((x) => !x.changed)) {
      expect(s.hter.score).toBe(0);
      expect(s.chrf).toBeCloseTo(100, 10);
      expect(textOf(base, s.baselineSentences)).toBe(text.slice(s.start, s.end));
    }
    expect(totals.hter.edits).toBe(seg.hter.edits);
  });

  it('links two sentences merged into one as a single 2–1 segment', () => {
    const live = new LiveMetrics(THREE, 'en');
    const merged = 'Officials said the bridge would reopen on Monday, and traffic was diverted through the north road.';
    const text = `${merged} ${S3}`;
    const { segments } = live.update(text);
    expect(shape(segments)).toEqual(['2-1', '1-1']);
    expect(segments[0]!.hter).toEqual(ter([...toks(S1), ...toks(S2)], toks(merged)));
    // "." → "," and "and" inserted; "Traffic" / "traffic" match (TER ignores case by default).
    expect(segments[0]!.hter.edits).toBe(2);
    expect(segments[1]!.changed).toBe(false);
  });

  it('links a sentence split in two as a single 1–2 segment', () => {
    const long = 'The ferry left the harbour at dawn while fishermen watched it from the pier.';
    const live = new LiveMetrics(`${long} ${P3}`, 'en');
    const text = `${P1} ${P2} ${P3}`;
    const { segments } = live.update(text);
    expect(shape(segments)).toEqual(['1-2', '1-1']);
    expect(textOf(text, segments[0]!.currentSentences)).toBe(`${P1} ${P2}`);
    expect(segments[0]!.start).toBe(0);
    expect(segments[0]!.end).toBe(P1.length + 1 + P2.length);
    expect(segments[0]!.hter).toEqual(ter(toks(long), [...toks(P1), ...toks(P2)]));
  });

  it('scores a removed sentence as all deletions (HTER 1, as TERCOM for an empty reference) and an added one as all insertions', () => {
    const live = new LiveMetrics(THREE, 'en');
    const removed = live.update(`${S1} ${S3}`).segments;
    expect(shape(removed)).toEqual(['1-1', '1-0', '1-1']);
    const gone = removed[1]!;
    expect(gone.hter).toMatchObject({ deletions: toks(S2).length, insertions: 0, refLength: 0, score: 1 });
    expect(gone.start).toBe(gone.end);
    expect(gone.start).toBe(S1.length);
    expect(gone.current).toEqual([]);

    const added = 'A temporary ferry will run until then.';
    const text = `${S1} ${added} ${S2} ${S3}`;
    const { segments, totals } = live.update(text);
    expect(shape(segments)).toEqual(['1-1', '0-1', '1-1', '1-1']);
    expect(segments[1]!.hter).toMatchObject({ insertions: toks(added).length, deletions: 0, refLength: toks(added).length, score: 1 });
    expect(segments[1]!.baseline).toEqual([]);
    expect(text.slice(segments[1]!.start, segments[1]!.end)).toBe(added);
    expect(totals.hter.edits).toBe(toks(added).length);
  });

  it('sums the article as the paragraph-level totals did: edits over reference words, corpus chrF from summed statistics', () => {
    const base = `${THREE}\n\n${P2}\n\n${P3}\n`;
    const live = new LiveMetrics(base, 'en');
    const text = `${S1} Traffic went through the north road instead. ${S3}\n\nFishermen watched the ferry from the old pier. Gulls cried.\n\n${P3}\n`;
    const { segments, totals } = live.update(text);
    const edits = segments.reduce((n, s) => n + s.hter.edits, 0);
    const refWords = segments.reduce((n, s) => n + s.hter.refLength, 0);
    expect(refWords).toBe(toks(text).length);
    expect(totals.hter.edits).toBe(edits);
    expect(totals.hter.score).toBeCloseTo(edits / refWords, 12);
    const stats: number[] = [];
    for (const s of segments) addChrfStatistics(stats, chrfStatistics(textOf(base, s.baselineSentences), textOf(text, s.currentSentences)));
    expect(totals.chrf).toBeCloseTo(chrfFromStatistics(stats), 10);
    expect(totals.changedSegments).toBe(segments.filter((s) => s.changed).length);
    expect(totals.changedSegments).toBeGreaterThanOrEqual(2);
  });

  it('recomputes only segments whose text changed', () => {
    const live = new LiveMetrics(`${P1}\n\n${THREE}\n`, 'en');
    live.update(`${P1}\n\n${S1} ${S2.replace('north', 'northern')} ${S3}\n`);
    expect(live.computations).toBe(1);
    live.update(`${P1}\n\n${S1} ${S2.replace('north', 'northern old')} ${S3}\n`);
    expect(live.computations).toBe(2);
    // The same text again, and an edit in another sentence of the same paragraph: the edited one is not recounted.
    live.update(`${P1}\n\n${S1} ${S2.replace('north', 'northern old')} ${S3}\n`);
    expect(live.computations).toBe(2);
    live.update(`${P1}\n\n${S1} ${S2.replace('north', 'northern old')} ${S3.replace('noise', 'din')}\n`);
    expect(live.computations).toBe(3);
    live.update(`${P1} Slowly.\n\n${S1} ${S2.replace('north', 'northern old')} ${S3.replace('noise', 'din')}\n`);
    expect(live.computations).toBe(4);
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

  it('credits editing time to the sentence typed in, and drops idle gaps', () => {
    const base = `${THREE}\n\n${P3}\n`;
    const live = new LiveMetrics(base, 'en', { idleMs: 30_000 });
    const inS2 = base.indexOf('diverted');
    const inP3 = base.indexOf('fog');
    expect(live.recordActivity(inS2, 1_000)).toBe(-1); // first keystroke: nothing to measure yet
    expect(live.recordActivity(inS2, 1_400)).toBe(1);
    expect(live.recordActivity(inP3, 2_000)).toBe(3);
    expect(live.recordActivity(inP3, 60_000)).toBe(-1); // after a 58 s pause
    expect(live.recordActivity(inP3, 60_250)).toBe(3);
    const { segments, totals } = live.snapshot();
    expect(segments.map((s) => s.editingMs)).toEqual([0, 400, 0, 850]);
    expect(totals.editingMs).toBe(1250);
  });

  it('finds the segment of an offset: a sentence end counts for that sentence, the space before a sentence with it', () => {
    const live = new LiveMetrics(`${THREE}\n\n${P3}\n`, 'en');
    expect(live.segmentAt(0)).toBe(0);
    expect(live.segmentAt(S1.length)).toBe(0);
    expect(live.segmentAt(S1.length + 1)).toBe(1);
    expect(live.segmentAt(THREE.length + 1)).toBe(3); // the blank line goes with the paragraph after it
    expect(live.segmentAt(10_000)).toBe(3);
  });

  it('keeps editing time with its sentence when sentences and paragraphs are added before it', () => {
    const live = new LiveMetrics(THREE, 'en');
    const inS3 = THREE.indexOf('noise');
    live.recordActivity(inS3, 0);
    live.recordActivity(inS3, 500);
    const text = `Breaking news.\n\n${S1} A temporary ferry will run until then. ${S2} ${S3}`;
    const { segments, totals } = live.update(text);
    const s3 = segments.find((s) => textOf(THREE, s.baselineSentences) === S3)!;
    expect(s3.editingMs).toBe(500);
    expect(totals.editingMs).toBe(500);
    expect(live.segmentAt(text.indexOf('noise'))).toBe(s3.segment);
  });

  it('keeps the time typed in an added sentence in the total when that sentence is removed again', () => {
    const live = new LiveMetrics(THREE, 'en');
    const added = 'A temporary ferry will run until then.';
    const text = `${S1} ${added} ${S2} ${S3}`;
    live.update(text);
    live.recordActivity(text.indexOf('temporary'), 0);
    expect(live.recordActivity(text.indexOf('temporary'), 300)).toBe(1);
    expect(live.snapshot().segments[1]!.editingMs).toBe(300);
    const { segments, totals } = live.update(THREE);
    expect(totals.editingMs).toBe(300);
    expect(segments[0]!.editingMs).toBe(300); // with the baseline sentence it followed
  });
});

describe('pairSentences', () => {
  it('keeps an edited sentence 1–1 when a new sentence is added next to it', () => {
    const a = [S1, S2, S3];
    const b = ['Officials said the bridge would reopen next Monday.', 'A temporary ferry will run until then.', 'Traffic was diverted through the northern road.', 'Residents complained.'];
    const links = pairSentences(a, b, 'en').map((l) => `${l.source.join('+')}-${l.target.join('+')}`);
    expect(links).toEqual(['0-0', '-1', '1-2', '2-3']);
  });

  it('links a baseline sentence glued to the previous one by a lower-case start as a merge, not a deletion', () => {
    const a = ['Rain fell all week.', 'Farmers moved their cattle to higher ground.', 'The school closed.'];
    const b = ['Rain fell all week. farmers moved their cattle to higher ground.', 'The school closed on Monday.'];
    expect(pairSentences(a, b, 'en').map((l) => `${l.source.join('+')}-${l.target.join('+')}`)).toEqual(['0+1-0', '2-1']);
  });
});
