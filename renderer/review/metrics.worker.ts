/**
 * Live post-edit metrics off the page's main thread: a book's first computation takes seconds, and
 * every later one re-splits the whole text. The page posts the text after a pause in typing and each
 * keystroke's position; the worker answers with snapshots and, when asked, the editing time to store.
 */
import { LiveMetrics } from '../../main/common/metrics/live';
import type { MetricsReply, MetricsRequest } from './metrics-protocol';

/** A pause this long between keystrokes is not editing time (as LiveMetrics counts it). */
const IDLE_MS = 30_000;

let metrics: LiveMetrics | null = null;
let pending: Record<string, number> = {};
let last = 0;

const post = (reply: MetricsReply) => (self as unknown as Worker).postMessage(reply);

self.onmessage = (e: MessageEvent<MetricsRequest>) => {
  const msg = e.data;
  if (msg.type === 'init') {
    metrics = new LiveMetrics(msg.baseline, msg.lang);
    pending = {};
    last = 0;
    post({ type: 'snapshot', version: msg.version, snapshot: metrics.update(msg.text) });
  } else if (!metrics) {
    return;
  } else if (msg.type === 'update') {
    post({ type: 'snapshot', version: msg.version, snapshot: metrics.update(msg.text) });
  } else if (msg.type === 'activity') {
    const gap = msg.now - last;
    last = msg.now;
    const seg = metrics.recordActivity(msg.offset, msg.now);
    const key = seg >= 0 ? metrics.snapshot().segments[seg]?.key : undefined;
    if (key && gap < IDLE_MS) pending[key] = (pending[key] ?? 0) + gap;
  } else if (msg.type === 'flush') {
    post({ type: 'editing', segments: Object.fromEntries(Object.entries(pending).map(([k, v]) => [k, Math.round(v)])) });
    pending = {};
  }
};
