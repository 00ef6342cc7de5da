import type { LiveSnapshot } from '../../main/common/metrics/live';

/** Messages between the review view and metrics.worker.ts. */
export type MetricsRequest =
  | { type: 'init'; baseline: string; lang: string; text: string; version: number }
  | { type: 'update'; text: string; version: number }
  | { type: 'activity'; offset: number; now: number };

export type MetricsReply = { type: 'snapshot'; version: number; snapshot: LiveSnapshot };
