import { describe, expect, it } from 'vitest';
import { jsonLines, LazyArray } from '../../main/cli/streamed-json.js';

/** The streamed form against the direct one: the same bytes as `JSON.stringify(value, null, 2)` and a newline. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomValue(r: () => number, depth: number): unknown {
  const k = r();
  if (depth > 3 || k < 0.3) return [0, -1.5, 12345, 'a "q"\n\tline', '', 'é “x”', true, false, null][Math.floor(r() * 9)];
  if (k < 0.6) return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = Math.floor(r() * 4); i > 0; i--) o[['path', 'a b', 'x"y', 'fixes', 'n'][Math.floor(r() * 5)]!] = r() < 0.1 ? undefined : randomValue(r, depth + 1);
  return o;
}

/** The value with some arrays made lazy (as the CLI makes its findings). */
function lazify(v: unknown, r: () => number): unknown {
  if (Array.isArray(v)) {
    const items = v.map((x) => lazify(x, r));
    return r() < 0.5 ? new LazyArray(items.length, (i) => items[i]) : items;
  }
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, lazify(x, r)]));
  return v;
}

describe('streamed JSON', () => {
  it('writes exactly what JSON.stringify(value, null, 2) gives, lazy arrays included', () => {
    const long = { files: [{ path: 'x', findings: Array.from({ length: 30_000 }, (_, i) => ({ rule: 'qa.spelling', start: i, text: 'é'.repeat(i % 7) })) }] };
    const calls = [...jsonLines({ files: [{ path: 'x', findings: new LazyArray(30_000, (i) => long.files[0]!.findings[i]) }] })];
    const big = calls.map((c) => `${c}\n`).join('');
    expect(calls.length).toBeGreaterThan(1); // written in pieces
    expect(big).toBe(`${JSON.stringify(long, null, 2)}\n`);
    const r = rng(3);
    for (let k = 0; k < 500; k++) {
      const value = { files: [randomValue(r, 0), { path: 'a.txt', findings: [randomValue(r, 1), randomValue(r, 1)] }] };
      const out = [...jsonLines(lazify(value, r))].map((lines) => `${lines}\n`).join(''); // as console.log writes them
      expect(out).toBe(`${JSON.stringify(value, null, 2)}\n`);
    }
  });
});
