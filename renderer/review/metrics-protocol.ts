import type { LiveSegment, LiveSnapshot, LiveTotals } from '../../main/common/metrics/live';

/**
 * What the page shows of a snapshot: the totals, and each segment's place, name and two scores in flat
 * arrays. A book has about ten thousand segments; the page deserialising LiveSnapshot's nested objects
 * after every pause in typing cost it tens of milliseconds a time (issue 13). The arrays are transferred.
 */
export interface SegmentTable {
  start: Int32Array;
  end: Int32Array;
  hter: Float64Array;
  chrf: Float64Array;
  /** LiveSegment.key: the segment's stable name (editing time is recorded under it). */
  key: string[];
}

export interface PageSnapshot {
  totals: LiveTotals;
  segments: SegmentTable;
}

/** The segment at a table row, as the metrics bar shows it. */
export type SegmentScores = Pick<LiveSegment, 'chrf'> & { hter: Pick<LiveSegment['hter'], 'score'> };

export function toPageSnapshot(snapshot: LiveSnapshot): PageSnapshot {
  const n = snapshot.segments.length;
  const table: SegmentTable = { start: new Int32Array(n), end: new Int32Array(n), hter: new Float64Array(n), chrf: new Float64Array(n), key: new Array<string>(n) };
  snapshot.segments.forEach((s, i) => {
    table.start[i] = s.start;
    table.end[i] = s.end;
    table.hter[i] = s.hter.score;
    table.chrf[i] = s.chrf;
    table.key[i] = s.key;
  });
  return { totals: snapshot.totals, segments: table };
}

/** The buffers to transfer with a snapshot instead of copying them. */
export function transferables(s: PageSnapshot): ArrayBuffer[] {
  const t = s.segments;
  return [t.start.buffer, t.end.buffer, t.hter.buffer, t.chrf.buffer] as ArrayBuffer[];
}

/** Messages between the review view and metrics.worker.ts. */
export type MetricsRequest =
  | { type: 'init'; baseline: string; lang: string; text: string; version: number }
  | { type: 'update'; text: string; version: number }
  | { type: 'activity'; offset: number; now: number };

export type MetricsReply = { type: 'snapshot'; version: number; snapshot: PageSnapshot };
