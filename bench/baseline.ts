/**
 * Named baselines for `npm run bench`: bench/baseline.json holds the figures measured at a point in
 * time ("session-2": before the issue-13 work, same machine); every row prints its ratio against them.
 */
import { readFileSync } from 'node:fs';

type Figures = Record<string, number | string>;
const file = JSON.parse(readFileSync(new URL('./baseline.json', import.meta.url), 'utf8')) as { current: string; also?: string[]; baselines: Record<string, { note: string; figures: Figures }> };

export const BASELINE_NAME = process.env.CALQUE_BENCH_BASELINE ?? file.current;
const figures: Figures = file.baselines[BASELINE_NAME]?.figures ?? {};

/** Further baselines every row is also compared with (`also` in baseline.json), e.g. this session's start. */
const ALSO = (file.also ?? []).filter((n) => n !== BASELINE_NAME && file.baselines[n]);

function ratioTo(name: string, base: number | string | undefined, value: number): string {
  if (typeof base !== 'number') return typeof base === 'string' ? `${name}: ${base}` : '';
  return `${(value / base).toFixed(2)}× ${name} (${base.toFixed(base < 10 ? 2 : 0)})`;
}

/** "0.42× session-2 (12,345 ms); 0.10× session-3-start (…)", leaving out baselines without the figure. */
export function against(key: string, value: number): string {
  return [ratioTo(BASELINE_NAME, figures[key], value), ...ALSO.map((n) => ratioTo(n, file.baselines[n]!.figures[key], value))].filter(Boolean).join('; ');
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
