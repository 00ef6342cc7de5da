/**
 * Live post-edit metrics off the page's main thread: a book's first computation takes seconds, and
 * every later one re-splits the whole text. The page posts the text after a pause in typing and each
 * keystroke's position (for the editing time shown); the worker answers with snapshots.
 */
import { LiveMetrics } from '../../main/common/metrics/live';
import { toPageSnapshot, transferables, type MetricsReply, type MetricsRequest } from './metrics-protocol';

let metrics: LiveMetrics | null = null;

const post = (reply: MetricsReply) => (self as unknown as Worker).postMessage(reply, transferables(reply.snapshot));

self.onmessage = (e: MessageEvent<MetricsRequest>) => {
  const msg = e.data;
  if (msg.type === 'init') {
    metrics = new LiveMetrics(msg.baseline, msg.lang);
    post({ type: 'snapshot', version: msg.version, snapshot: toPageSnapshot(metrics.update(msg.text)) });
  } else if (!metrics) {
    return;
  } else if (msg.type === 'update') {
    post({ type: 'snapshot', version: msg.version, snapshot: toPageSnapshot(metrics.update(msg.text)) });
  } else if (msg.type === 'activity') {
    metrics.recordActivity(msg.offset, msg.now);
  }
};
