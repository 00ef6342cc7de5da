/**
 * Named baselines for `npm run bench`: bench/baseline.json holds the figures measured at a point in
 * time ("session-2": before the issue-13 work, same machine); every row prints its ratio against them.
 */
import { readFileSync } from 'node:fs';

type Figures = Record<string, number | string>;
const file = JSON.parse(readFileSync(new URL('./baseline.json', import.meta.url), 'utf8')) as { current: string; baselines: Record<string, { note: string; figures: Figures }> };

export const BASELINE_NAME = process.env.CALQUE_BENCH_BASELINE ?? file.current;
const figures: Figures = file.baselines[BASELINE_NAME]?.figures ?? {};

/** "0.42× session-2 (12,345 ms)" or "" when the baseline has no such figure. */
export function against(key: string, value: number): string {
  const base = figures[key];
  if (typeof base !== 'number') return typeof base === 'string' ? `${BASELINE_NAME}: ${base}` : '';
  return `${(value / base).toFixed(2)}× ${BASELINE_NAME} (${base.toFixed(base < 10 ? 2 : 0)})`;
}

/** Figures measured in this run, printed at the end as JSON (to record a new baseline). */
export const measured: Figures = {};
export function record(key: string, value: number): number {
  measured[key] = Math.round(value * 100) / 100;
  return value;
}

/** A baseline's figure as it was recorded (a number or a note). */
export function baselineFigure(key: string): number | string | undefined {
  return figures[key];
}
