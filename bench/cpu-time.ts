/**
 * Wall time and this process's CPU time (user + system) of one call. On the shared 2-core machine the
 * wall time includes waiting for a core, so the formats benches compare CPU times with their baselines.
 */
export interface Timed<T> {
  wallMs: number;
  cpuMs: number;
  value: T;
}

export function timed<T>(fn: () => T): Timed<T> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const c = process.cpuUsage(c0);
  return { wallMs: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, value };
}

export async function timedAsync<T>(fn: () => Promise<T>): Promise<Timed<T>> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const c = process.cpuUsage(c0);
  return { wallMs: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, value };
}

/** "  1234 ms (CPU 567 ms)". */
export const wallAndCpu = (t: { wallMs: number; cpuMs: number }) => `${t.wallMs.toFixed(0).padStart(6)} ms (CPU ${t.cpuMs.toFixed(0)} ms)`;
