import { useCallback, useEffect, useRef, useState } from 'react';
import type { MetricsReply, MetricsRequest, PageSnapshot, SegmentScores } from './metrics-protocol';
import MetricsWorker from './metrics.worker?worker';

/**
 * The article's live metrics, computed in a worker. `update` after a pause in typing, `activity` on each
 * keystroke (the editing time shown in the metrics).
 */
export function useLiveMetrics(article: { baseline: string; lang: string; text: string } | null) {
  const [snapshot, setSnapshot] = useState<PageSnapshot | null>(null);
  const worker = useRef<Worker | null>(null);
  const version = useRef(0);

  useEffect(() => {
    if (!article) return;
    const w = new MetricsWorker();
    worker.current = w;
    w.onmessage = (e: MessageEvent<MetricsReply>) => {
      const msg = e.data;
      // Only the answer to the latest text is shown; an older one would point at stale offsets.
      if (msg.type === 'snapshot' && msg.version === version.current) setSnapshot(msg.snapshot);
    };
    const send = (m: MetricsRequest) => w.postMessage(m);
    send({ type: 'init', baseline: article.baseline, lang: article.lang, text: article.text, version: ++version.current });
    return () => {
      w.terminate();
      worker.current = null;
      setSnapshot(null);
    };
    // The worker lives as long as the article (callers memoise it per article): a new text goes through update().
  }, [article]);

  const update = useCallback((text: string) => {
    worker.current?.postMessage({ type: 'update', text, version: ++version.current } satisfies MetricsRequest);
  }, []);

  const activity = useCallback((offset: number) => {
    worker.current?.postMessage({ type: 'activity', offset, now: performance.now() } satisfies MetricsRequest);
  }, []);

  return { snapshot, update, activity };
}

/** Index of the segment holding `offset` in a snapshot (the one that ends at or after it), -1 for none. */
export function segmentAtOffset(snapshot: PageSnapshot | null, offset: number): number {
  const segs = snapshot?.segments;
  const n = segs?.key.length ?? 0;
  if (!segs || !n) return -1;
  let lo = 0;
  let hi = n - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segs.end[mid]! >= offset) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  // Removed sentences have empty ranges: the cursor is in the next segment with text.
  if (found < 0) return n - 1;
  while (found < n - 1 && segs.start[found] === segs.end[found]) found++;
  return found;
}

/** The scores of the segment at table row `index`, null for none. */
export function segmentScores(snapshot: PageSnapshot | null, index: number): SegmentScores | null {
  const segs = snapshot?.segments;
  if (!segs || index < 0 || index >= segs.key.length) return null;
  return { hter: { score: segs.hter[index]! }, chrf: segs.chrf[index]! };
}
