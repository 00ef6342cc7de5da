import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../stress/random.js';
import { mutate, seeds, tryXliff } from '../../../../stress/xliff-fuzz.js';
import { xliff } from '../../../../main/core/formats/xliff/index.js';
import { read } from './helpers.js';

describe('fuzzed XLIFF (the short run; `npm run stress xliff` runs 10,000 in a worker with a watchdog)', () => {
  it('400 mutated files: only CalqueErrors, unchanged saves byte-identical, edits read back, none slow', () => {
    const r = seededRandom(7);
    const base = seeds();
    const counts = { ok: 0, refused: 0, crash: 0 };
    const crashes: string[] = [];
    let slowest = 0;
    for (let i = 0; i < 400; i++) {
      const seed = r.pick(base);
      const text = mutate(seed.text, r);
      const t0 = performance.now();
      const res = tryXliff(new TextEncoder().encode(text), seed.name);
      slowest = Math.max(slowest, performance.now() - t0);
      counts[res.outcome]++;
      if (res.outcome === 'crash') crashes.push(`${i} ${seed.name}: ${res.detail}`);
    }
    expect(crashes).toEqual([]);
    // Both paths are exercised: files that read (and are saved and edited) and files that are refused.
    expect(counts.ok).toBeGreaterThan(80);
    expect(counts.refused).toBeGreaterThan(80);
    expect(slowest).toBeLessThan(2000);
  });

  it('a segment id twice in one unit (found by the fuzzer): each segment keeps its own id, and saving unchanged changes nothing', () => {
    const text = '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="fr" trgLang="en"><file id="f"><unit id="u"><segment id="s"><source>Un.</source><target>One.</target></segment><segment id="s"><source>Deux.</source><target>Two.</target></segment></unit></file></xliff>';
    const bytes = new TextEncoder().encode(text);
    const doc = read(bytes);
    expect(doc.units[0]!.segments.map((s) => s.id)).toEqual(['u:s', 'u:s~2']);
    expect(new TextDecoder().decode(xliff.write(doc, bytes))).toBe(text);
  });
});
