import { useCallback, useEffect, useRef, useState } from 'react';
import type { LiveSnapshot } from '../../main/common/metrics/live';
import type { MetricsReply, MetricsRequest } from './metrics-protocol';
import MetricsWorker from './metrics.worker?worker';

/**
 * The article's live metrics, computed in a worker. `update` after a pause in typing, `activity` on each
 * keystroke; `takeEditingTime` hands over the editing time gathered since the last call (to store it).
 */
export function useLiveMetrics(article: { baseline: string; lang: string; text: string } | null) {
  const [snapshot, setSnapshot] = useState<LiveSnapshot | null>(null);
  const worker = useRef<Worker | null>(null);
  const version = useRef(0);
  const editingWaiters = useRef<((segments: Record<string, number>) => void)[]>([]);

  useEffect(() => {
    if (!article) return;
    const w = new MetricsWorker();
    worker.current = w;
    const waiters = editingWaiters.current;
    w.onmessage = (e: MessageEvent<MetricsReply>) => {
      const msg = e.data;
      // Only the answer to the latest text is shown; an older one would point at stale offsets.
      if (msg.type === 'snapshot' && msg.version === version.current) setSnapshot(msg.snapshot);
      else if (msg.type === 'editing') waiters.shift()?.(msg.segments);
    };
    const send = (m: MetricsRequest) => w.postMessage(m);
    send({ type: 'init', baseline: article.baseline, lang: article.lang, text: article.text, version: ++version.current });
    return () => {
      w.terminate();
      worker.current = null;
      for (const resolve of waiters.splice(0)) resolve({});
      setSnapshot(null);
    };
    // The worker lives as long as the article view: a new text goes through update().
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [article?.baseline, article?.lang]);

  const update = useCallback((text: string) => {
    worker.current?.postMessage({ type: 'update', text, version: ++version.current } satisfies MetricsRequest);
  }, []);

  const activity = useCallback((offset: number) => {
    worker.current?.postMessage({ type: 'activity', offset, now: performance.now() } satisfies MetricsRequest);
  }, []);

  const takeEditingTime = useCallback(
    () =>
      new Promise<Record<string, number>>((resolve) => {
        if (!worker.current) return resolve({});
        editingWaiters.current.push(resolve);
        worker.current.postMessage({ type: 'flush' } satisfies MetricsRequest);
      }),
    [],
  );

  return { snapshot, update, activity, takeEditingTime };
}

/** Index of the segment holding `offset` in a snapshot (the one that ends at or after it), -1 for none. */
export function segmentAtOffset(snapshot: LiveSnapshot | null, offset: number): number {
  const segs = snapshot?.segments;
  if (!segs?.length) return -1;
  let lo = 0;
  let hi = segs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid]!.end >= offset) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  // Removed sentences have empty ranges: the cursor is in the next segment with text.
  if (found < 0) return segs.length - 1;
  while (found < segs.length - 1 && segs[found]!.start === segs[found]!.end) found++;
  return found;
}
